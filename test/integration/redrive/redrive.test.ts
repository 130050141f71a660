/**
 * RedriveExecution: a failed execution resumes at the state that failed, under the same ARN;
 * a Map or Parallel re-runs only the iterations and branches that did not succeed. Checked
 * on the in-memory driver and on the durable runtime over the embedded services.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LocalStack } from '../../../src/adapters/local/local-stack.js';
import { LocalTaskInvoker } from '../../../src/adapters/local/local-task-invoker.js';
import { parseDefinition } from '../../../src/asl/index.js';
import { MemoryDriver } from '../../../src/runtime/memory/memory-driver.js';
import { QuickstepError } from '../../../src/runtime/errors.js';
import { Switchboard, mapMachine, parallelMachine, taskMachine } from './redrive-fixtures.js';

interface Run {
  status(): Promise<string>;
  output(): Promise<unknown>;
  historyTypes(): Promise<string[]>;
  redrive(): Promise<void>;
}

type Driver = (definition: object, input: unknown, board: Switchboard) => Promise<Run>;

const onMemory: Driver = async (definition, input, board) => {
  const parsed = parseDefinition(definition).definition!;
  const driver = new MemoryDriver(parsed, { invoker: new LocalTaskInvoker(board.handlers()), startTime: 0 });
  const id = 'arn:aws:states:us-east-1:123456789012:execution:redrive:one';
  driver.start({ id, name: 'one', input: input as never, stateMachineId: 'sm', stateMachineName: 'redrive' });
  await driver.runUntilIdle();
  return {
    status: async () => driver.executions.get(id)!.status,
    output: async () => driver.executions.get(id)!.output,
    historyTypes: async () => (driver.histories.get(id) ?? []).map((event) => event.type),
    redrive: async () => {
      driver.redrive(id);
      await driver.runUntilIdle();
    },
  };
};

const stacks: LocalStack[] = [];
afterEach(async () => {
  for (const stack of stacks.splice(0)) await stack.close();
});

const onDurable: Driver = async (definition, input, board) => {
  const stack = await LocalStack.start({ handlers: board.handlers(), fastTime: true });
  stacks.push(stack);
  const { runtime } = stack;
  await runtime.createStateMachine({ name: 'redrive', definition: JSON.stringify(definition) });
  const { executionArn } = await runtime.startExecution({
    stateMachine: 'redrive',
    name: 'one',
    input: JSON.stringify(input),
  });
  await stack.settle(executionArn);
  const history = async () => (await runtime.getExecutionHistory(executionArn, { limit: 1000 })).items;
  return {
    status: async () => (await runtime.describeExecution(executionArn)).status,
    output: async () => (await runtime.describeExecution(executionArn)).snapshot.output,
    historyTypes: async () => (await history()).map((event) => event.type),
    redrive: async () => {
      await runtime.redriveExecution(executionArn);
      await stack.settle(executionArn);
    },
  };
};

describe.each([
  ['in-memory driver', onMemory],
  ['durable runtime', onDurable],
])('redrive on the %s', (_name, run: Driver) => {
  it('resumes at the failed Task, keeps what came before, and counts the redrive', async () => {
    const board = new Switchboard();
    board.broken.add('second');
    const execution = await run(taskMachine, {}, board);
    expect(await execution.status()).toBe('FAILED');
    board.broken.clear();
    await execution.redrive();
    expect(await execution.status()).toBe('SUCCEEDED');
    expect(await execution.output()).toEqual({ first: { done: 'first' }, second: { done: 'second' } });
    expect(board.calls.get('first')).toBe(1);
    expect(board.calls.get('second')).toBe(2);
    const types = await execution.historyTypes();
    expect(types.filter((type) => type === 'ExecutionRedriven')).toHaveLength(1);
    expect(types.indexOf('ExecutionFailed')).toBeLessThan(types.indexOf('ExecutionRedriven'));
    expect(types.at(-1)).toBe('ExecutionSucceeded');
  });

  it('re-runs only the Map iterations that did not succeed', async () => {
    const board = new Switchboard();
    board.broken.add('c');
    const execution = await run(mapMachine, ['a', 'b', 'c', 'd'], board);
    expect(await execution.status()).toBe('FAILED');
    expect(board.calls.get('d')).toBeUndefined();
    board.broken.clear();
    await execution.redrive();
    expect(await execution.status()).toBe('SUCCEEDED');
    expect(await execution.output()).toEqual(['a', 'b', 'c', 'd'].map((key) => ({ done: key })));
    expect(Object.fromEntries(board.calls)).toEqual({ a: 1, b: 1, c: 2, d: 1 });
  });

  it('re-runs only the Parallel branch that failed', async () => {
    const board = new Switchboard();
    board.broken.add('right');
    const execution = await run(parallelMachine, {}, board);
    expect(await execution.status()).toBe('FAILED');
    board.broken.clear();
    await execution.redrive();
    expect(await execution.status()).toBe('SUCCEEDED');
    expect(await execution.output()).toEqual([{ done: 'left' }, { done: 'right' }]);
    expect(board.calls.get('left')).toBe(1);
    expect(board.calls.get('right')).toBe(2);
  });
});

describe('redrive refusals on the durable runtime', () => {
  it('refuses a SUCCEEDED execution with ExecutionNotRedrivable', async () => {
    const execution = await onDurable(taskMachine, {}, new Switchboard());
    expect(await execution.status()).toBe('SUCCEEDED');
    const refusal = await execution.redrive().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(QuickstepError);
    expect((refusal as QuickstepError).code).toBe('ExecutionNotRedrivable');
  });
});
