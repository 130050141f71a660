/**
 * I6: a message that cannot be processed after the queue's maximum receives lands in the
 * dead-letter queue, its execution ends FAILED with States.Runtime and a cause that says what
 * happened, its FAILED event is published, and the message is kept. The fault here is the
 * infrastructure's: the task invoker throws (a lost connection), every time, so the queue
 * redelivers until it gives up.
 */
import { describe, expect, it } from 'vitest';
import type { TaskInvoker } from '../../../src/runtime/ports.js';
import { countOf, outcomeOf } from './history.js';
import type { Scenario } from './machines.js';
import { pureHandlers } from './machines.js';
import { withRig } from './rig.js';
import { settleGuarded, startScenario } from './run.js';

const BROKEN = 'arn:aws:lambda:us-east-1:123456789012:function:unreachable';
const MAX_RECEIVES = 3;

/** An invoker that cannot reach one function: it throws, as a lost connection does. */
function unreachable(inner: TaskInvoker) {
  const attempts: string[] = [];
  const invoker: TaskInvoker = {
    async invoke(request) {
      if (request.resource !== BROKEN) return inner.invoke(request);
      attempts.push(request.idempotencyKey);
      throw new Error('connect ECONNRESET lambda.us-east-1.amazonaws.com');
    },
  };
  return { invoker, attempts };
}

const topLevel: Scenario = {
  name: 'a task that cannot be invoked',
  input: { order: 1 },
  definition: {
    StartAt: 'Prepare',
    States: {
      Prepare: { Type: 'Pass', Next: 'Call' },
      Call: {
        Type: 'Task',
        Resource: BROKEN,
        // States.Runtime is terminal: neither Retry nor Catch on States.ALL may take it.
        Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
        End: true,
      },
      Caught: { Type: 'Pass', Result: 'caught', End: true },
    },
  },
};

const inMap: Scenario = {
  name: 'a Map iteration that cannot be invoked',
  input: { items: [1, 2, 3] },
  definition: {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemsPath: '$.items',
        ItemSelector: { 'value.$': '$$.Map.Item.Value' },
        ItemProcessor: {
          StartAt: 'Pick',
          States: {
            Pick: {
              Type: 'Choice',
              Choices: [{ Variable: '$.value', NumericEquals: 2, Next: 'Call' }],
              Default: 'Square',
            },
            Call: { Type: 'Task', Resource: BROKEN, End: true },
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

describe('I6: a message that keeps failing', () => {
  for (const scenario of [topLevel, inMap]) {
    it(`${scenario.name}: dead-lettered, execution FAILED with States.Runtime, event published`, async () => {
      let attempts: string[] = [];
      await withRig(
        {
          handlers: pureHandlers(),
          maxReceiveCount: MAX_RECEIVES,
          wrapInvoker: (inner) => {
            const wrapped = unreachable(inner);
            attempts = wrapped.attempts;
            return wrapped.invoker;
          },
        },
        async (rig) => {
          const arn = await startScenario(rig.runtime, scenario);
          await settleGuarded(rig);

          // The message was received the maximum number of times, then kept.
          expect(attempts.length).toBeGreaterThanOrEqual(MAX_RECEIVES);
          expect(new Set(attempts).size, 'one attempt, invoked again on each receive').toBe(1);
          const kept = rig.queue!.deadLetters;
          expect(kept).toHaveLength(1);
          expect(kept[0].receiveCount).toBe(MAX_RECEIVES);
          const deadId = kept[0].body.executionId;
          expect(deadId.startsWith(arn)).toBe(true);

          const outcome = await outcomeOf(rig.runtime, arn);
          expect(outcome.status).toBe('FAILED');
          expect(outcome.error).toBe('States.Runtime');
          expect(outcome.cause).toContain(kept[0].body.messageId);
          expect(outcome.cause).toContain(`after ${MAX_RECEIVES} attempts`);
          expect(outcome.cause).toContain('dead-letter queue');
          expect(outcome.types.at(-1)).toBe('ExecutionFailed');
          expect(countOf(outcome.types, 'ExecutionFailed')).toBe(1);

          // The execution whose message failed (the iteration, for the Map) failed too.
          const failed = await rig.runtime.describeExecution(deadId);
          expect({ status: failed.status, error: failed.snapshot.error }).toEqual({
            status: 'FAILED',
            error: 'States.Runtime',
          });

          const events = rig.bus.published.filter((event) => event.detail.executionArn === arn);
          expect(events.map((event) => event.detail.status)).toEqual(['RUNNING', 'FAILED']);
          expect(events[1].detail).toMatchObject({ error: 'States.Runtime', cause: outcome.cause });
          expect(rig.bus.published.every((event) => event.detail.executionArn === arn)).toBe(true);
          expect(rig.unexpectedErrors.length).toBeGreaterThanOrEqual(MAX_RECEIVES);
        },
      );
    });
  }
});
