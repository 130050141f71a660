/**
 * `states:startExecution` for nested Quickstep executions, on the embedded services through
 * the advance function (request-response, `.sync`, `.sync:2`, failures, idempotent retries).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NestedExecutions } from '../../../src/adapters/aws/sfn/nested-execution.js';
import { classify } from '../../../src/engine/task-resource.js';
import type { Json } from '../../../src/asl/json.js';
import type { TaskRequest, TaskResult } from '../../../src/runtime/ports.js';
import { Harness } from '../functions/harness.js';
import { ACCOUNT, REGION } from '../functions/lambda-events.js';

const CHILD = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:Child`;
const FN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function`;

let harness: Harness;
let nested: NestedExecutions;

beforeAll(async () => {
  harness = await Harness.start({
    handlers: {
      double: (event) => ({ n: (event as { n: number }).n * 2 }),
      refuse: () => {
        throw Object.assign(new Error('no'), { name: 'Refused' });
      },
    },
    invoker: (local) => ({
      invoke: (request) =>
        request.resource.includes(':states:startExecution') ? nested.start(request) : local.invoke(request),
    }),
  });
  nested = new NestedExecutions(() => harness.runtime);
  await harness.register('Child', {
    StartAt: 'Check',
    States: {
      Check: {
        Type: 'Choice',
        Choices: [{ Variable: '$.n', NumericGreaterThan: 100, Next: 'Refuse' }],
        Default: 'Double',
      },
      Double: { Type: 'Task', Resource: `${FN}:double`, End: true },
      Refuse: { Type: 'Task', Resource: `${FN}:refuse`, End: true },
    },
  });
  for (const pattern of ['', '.sync', '.sync:2']) {
    await harness.register(`Parent${pattern.replace(/[.:]/g, '')}`, {
      StartAt: 'Run',
      States: {
        Run: {
          Type: 'Task',
          Resource: `arn:aws:states:::states:startExecution${pattern}`,
          Parameters: { StateMachineArn: CHILD, Input: { 'n.$': '$.n' } },
          Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'ChildFailed' }],
          End: true,
        },
        ChildFailed: { Type: 'Pass', End: true },
      },
    });
  }
});
afterAll(async () => harness?.close());

async function run(stateMachine: string, n: number) {
  const { executionArn } = await harness.runtime.startExecution({
    stateMachine,
    input: JSON.stringify({ n }),
  });
  await harness.ended(executionArn);
  return harness.runtime.describeExecution(executionArn);
}

describe('states:startExecution', () => {
  it('.sync waits for the child and returns it as DescribeExecution does, output as text', async () => {
    const parent = await run('Parentsync', 2);
    expect(parent.status).toBe('SUCCEEDED');
    expect(parent.snapshot.output).toMatchObject({
      StateMachineArn: CHILD,
      Status: 'SUCCEEDED',
      Input: '{"n":2}',
      Output: '{"n":4}',
      ExecutionArn: expect.stringContaining(':execution:Child:'),
    });
  });

  it('.sync:2 returns the child output as JSON', async () => {
    const parent = await run('Parentsync2', 5);
    expect(parent.snapshot.output).toMatchObject({ Status: 'SUCCEEDED', Input: { n: 5 }, Output: { n: 10 } });
  });

  it('a failed child fails the task with States.TaskFailed, its description as the cause', async () => {
    const parent = await run('Parentsync', 500);
    expect(parent.status).toBe('SUCCEEDED');
    const history = (await harness.runtime.getExecutionHistory(parent.id)).items;
    const failed = history.find((event) => event.type === 'TaskFailed');
    expect(failed?.details).toMatchObject({ error: 'States.TaskFailed' });
    expect(JSON.parse(String(failed?.details?.cause))).toMatchObject({ Status: 'FAILED', Error: 'Refused' });
  });

  it('request-response starts the child and returns its ARN at once', async () => {
    const parent = await run('Parent', 1);
    const childArn = (parent.snapshot.output as { ExecutionArn: string }).ExecutionArn;
    expect(parent.snapshot.output).toMatchObject({ StartDate: expect.any(Number) });
    await harness.ended(childArn);
    expect((await harness.runtime.describeExecution(childArn)).snapshot.output).toEqual({ n: 2 });
  });

  const request = (
    parameters: Json,
    key: string,
    resource = 'arn:aws:states:::states:startExecution',
  ): TaskRequest => ({
    executionId: 'arn:parent',
    waitId: '7.1',
    stateName: 'Run',
    resource,
    pattern: classify(resource).pattern,
    parameters,
    idempotencyKey: key,
  });

  it('finds the same child when the task is invoked again (at least once, I7)', async () => {
    const first = await nested.start(
      request({ StateMachineArn: CHILD, Input: { n: 3 } }, 'arn:parent:Run:w7'),
    );
    const again = await nested.start(
      request({ StateMachineArn: CHILD, Input: { n: 3 } }, 'arn:parent:Run:w7'),
    );
    const arnOf = (result: TaskResult) =>
      result.ok ? (result.output as { ExecutionArn: string }).ExecutionArn : result.error;
    expect(arnOf(first)).toContain(':execution:Child:');
    expect(arnOf(again)).toBe(arnOf(first));
  });

  it('names Step Functions errors for a bad start, and leaves a .sync task pending on its caller', async () => {
    const unknown = await nested.start(request({ StateMachineArn: `${CHILD}Nope` }, 'k1'));
    expect(unknown).toMatchObject({ ok: false, error: 'StepFunctions.StateMachineDoesNotExistException' });
    const sync = request(
      { StateMachineArn: CHILD, Input: { n: 1 } },
      'k2',
      'arn:aws:states:::states:startExecution.sync',
    );
    const pending = await nested.start(sync);
    expect(pending).toMatchObject({
      ok: true,
      pending: true,
      output: { ExecutionArn: expect.stringContaining(':execution:Child:') },
    });
    const childArn = (pending as unknown as { output: { ExecutionArn: string } }).output.ExecutionArn;
    const child = await harness.runtime.describeExecution(childArn);
    expect(child.snapshot.caller).toEqual({ executionId: 'arn:parent', waitId: '7.1', pattern: 'sync' });
  });
});
