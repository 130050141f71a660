/**
 * I7: task invocations are at least once, and each carries an idempotency key naming
 * (execution, state, attempt). A crash after the invocation makes the runtime invoke again:
 * the handler sees the same key. A retry is a new attempt: a new key.
 */
import { describe, expect, it } from 'vitest';
import type { LambdaContext, LambdaHandler } from '../../../src/adapters/local/local-task-invoker.js';
import type { Json } from '../../../src/asl/json.js';
import type { TaskInvoker, TaskRequest } from '../../../src/runtime/ports.js';
import { CrashOnce } from './crash-once.js';
import { expectSameOutcome } from './history.js';
import { pureHandlers, type Scenario } from './machines.js';
import { withRig } from './rig.js';
import { cleanOutcome, runOnRig } from './run.js';

interface Call {
  state: string;
  event: Json;
  /** The key the handler saw in its context. */
  handlerKey?: string;
}

/** The pure handlers, each call recorded with the key its context carried. */
function recordingHandlers(calls: Call[]): Record<string, LambdaHandler> {
  const recorded: Record<string, LambdaHandler> = {};
  for (const [name, handler] of Object.entries(pureHandlers())) {
    recorded[name] = (event, context: LambdaContext) => {
      calls.push({ state: name, event, handlerKey: context.idempotencyKey });
      return handler(event, context);
    };
  }
  return recorded;
}

/** Keeps every request the runtime makes of the task invoker. */
function recordingInvoker(requests: TaskRequest[]) {
  return (inner: TaskInvoker): TaskInvoker => ({
    invoke(request) {
      requests.push(structuredClone(request));
      return inner.invoke(request);
    },
  });
}

const charge: Scenario = {
  name: 'charge, retried',
  input: { n: 5 },
  definition: {
    StartAt: 'Charge',
    States: {
      Charge: {
        Type: 'Task',
        Resource: 'arn:aws:lambda:us-east-1:123456789012:function:square',
        Parameters: { 'value.$': '$.n' },
        ResultPath: '$.charged',
        Next: 'Flaky',
      },
      Flaky: {
        Type: 'Task',
        Resource: 'arn:aws:lambda:us-east-1:123456789012:function:flaky',
        Parameters: { 'attempt.$': '$$.State.RetryCount', 'n.$': '$.n' },
        Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 1, MaxAttempts: 3 }],
        ResultPath: '$.flaky',
        End: true,
      },
    },
  },
};

describe('I7: idempotency keys', () => {
  it('a crash after the invocation invokes again with the same key', async () => {
    const calls: Call[] = [];
    const requests: TaskRequest[] = [];
    const clean = await cleanOutcome(charge);
    const faults = new CrashOnce('after-invoke', 1);
    await withRig(
      { handlers: recordingHandlers(calls), faults, wrapInvoker: recordingInvoker(requests) },
      async (rig) => {
        const { arn, outcome } = await runOnRig(rig, charge);
        expect(faults.crashed).toBe(true);
        expectSameOutcome(outcome, clean);

        const charges = requests.filter((request) => request.stateName === 'Charge');
        expect(charges, 'Charge invoked again after the crash').toHaveLength(2);
        expect(charges[1].idempotencyKey).toBe(charges[0].idempotencyKey);
        expect(charges[0].idempotencyKey).toContain(arn);
        expect(charges[0].idempotencyKey).toContain('Charge');

        const seen = calls.filter((call) => call.state === 'square');
        expect(seen).toHaveLength(2);
        expect(seen.map((call) => call.handlerKey)).toEqual([
          charges[0].idempotencyKey,
          charges[0].idempotencyKey,
        ]);
      },
    );
  });

  it('each retry is a new attempt with a new key, and repeats of one attempt keep theirs', async () => {
    const calls: Call[] = [];
    const requests: TaskRequest[] = [];
    // Crash after the second attempt of Flaky is invoked: that attempt is invoked twice.
    const faults = new CrashOnce('after-invoke', 3);
    await withRig(
      { handlers: recordingHandlers(calls), faults, wrapInvoker: recordingInvoker(requests) },
      async (rig) => {
        const { outcome } = await runOnRig(rig, charge);
        expect(outcome.status).toBe('SUCCEEDED');
        expect(faults.crashed).toBe(true);
        const flaky = requests.filter((request) => request.stateName === 'Flaky');
        const attempts = flaky.map((request) => (request.parameters as { attempt: number }).attempt);
        expect(attempts).toEqual([0, 1, 1, 2]);
        const keys = flaky.map((request) => request.idempotencyKey);
        expect(keys[1]).toBe(keys[2]);
        expect(new Set(keys).size, 'distinct keys: one per attempt').toBe(3);
        expect(calls.filter((call) => call.state === 'flaky').map((call) => call.handlerKey)).toEqual(keys);
      },
    );
  });

  it('the same state in different executions and Map iterations gets different keys', async () => {
    const requests: TaskRequest[] = [];
    const map: Scenario = {
      name: 'map of squares',
      input: { items: [1, 2, 3] },
      definition: {
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            ItemsPath: '$.items',
            ItemSelector: { 'value.$': '$$.Map.Item.Value' },
            ItemProcessor: {
              StartAt: 'Square',
              States: {
                Square: {
                  Type: 'Task',
                  Resource: 'arn:aws:lambda:us-east-1:123456789012:function:square',
                  End: true,
                },
              },
            },
            End: true,
          },
        },
      },
    };
    await withRig({ handlers: pureHandlers(), wrapInvoker: recordingInvoker(requests) }, async (rig) => {
      const { outcome } = await runOnRig(rig, map);
      expect(outcome.output).toEqual([{ value: 1 }, { value: 4 }, { value: 9 }]);
      const second = await rig.runtime.startExecution({
        stateMachine: 'Attacked',
        name: 'run-2',
        input: JSON.stringify(map.input),
      });
      await rig.settle();
      expect((await rig.runtime.describeExecution(second.executionArn)).status).toBe('SUCCEEDED');
      expect(requests).toHaveLength(6);
      expect(new Set(requests.map((request) => request.idempotencyKey)).size).toBe(6);
    });
  });
});
