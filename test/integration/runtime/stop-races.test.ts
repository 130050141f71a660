/**
 * StopExecution against what else may end an execution: a task completing at the same time,
 * a callback at the same time; and stopping a Map, whose running iterations must end ABORTED
 * while nothing that arrives later changes the parent.
 */
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/asl/json.js';
import type { HistoryEvent } from '../../../src/engine/types.js';
import { QuickstepError } from '../../../src/runtime/errors.js';
import { countOf, fullHistory, outcomeOf, typesOf } from './history.js';
import type { Scenario } from './machines.js';
import { type Rig, withRig } from './rig.js';
import { settleGuarded, startScenario } from './run.js';

const TERMINAL_EVENTS = ['ExecutionSucceeded', 'ExecutionFailed', 'ExecutionAborted', 'ExecutionTimedOut'];
const TERMINAL_STATUSES = ['SUCCEEDED', 'FAILED', 'ABORTED', 'TIMED_OUT'];

/** A Lambda handler that holds each call until the test lets it go. */
function gate() {
  let invoked!: () => void;
  const calls = new Promise<void>((resolve) => (invoked = resolve));
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const handler = async (event: Json) => {
    invoked();
    await opened;
    return { done: true, event };
  };
  return { handler, calls, open };
}

const gated: Scenario = {
  name: 'gated task',
  input: { n: 1 },
  definition: {
    StartAt: 'Work',
    States: {
      Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:gate', End: true },
    },
  },
};

const callback: Scenario = {
  name: 'callback task',
  input: { n: 2 },
  definition: {
    StartAt: 'Hold',
    States: {
      Hold: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        Parameters: { QueueUrl: 'https://sqs.local/hold', MessageBody: { 'token.$': '$$.Task.Token' } },
        End: true,
      },
    },
  },
};

/** Exactly one terminal status: in the record, in history, and on the bus. */
async function expectOneEnding(rig: Rig, arn: string): Promise<string> {
  const outcome = await outcomeOf(rig.runtime, arn);
  expect(TERMINAL_STATUSES).toContain(outcome.status);
  const endings = outcome.types.filter((type) => TERMINAL_EVENTS.includes(type));
  expect(endings, 'terminal history events').toHaveLength(1);
  expect(outcome.types.at(-1)).toBe(endings[0]);
  const published = rig.bus.published
    .filter((event) => event.detail.executionArn === arn && event.detail.status !== 'RUNNING')
    .map((event) => event.detail.status);
  expect(new Set(published), 'terminal status events').toEqual(new Set([outcome.status]));
  return outcome.status;
}

async function tokenOf(rig: Rig, index = 0): Promise<string> {
  for (let i = 0; i < 200 && rig.invoker.sinks.deliveries.length <= index; i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  return (rig.invoker.sinks.deliveries[index].payload as { token: string }).token;
}

describe('a stop racing a completion', () => {
  it('a stop while the task runs wins; the completion that follows changes nothing', async () => {
    const { handler, calls, open } = gate();
    await withRig({ handlers: { gate: handler } }, async (rig) => {
      const arn = await startScenario(rig.runtime, gated);
      await calls;
      await rig.runtime.stopExecution(arn, 'Stopped', 'mid-task');
      open();
      await settleGuarded(rig);
      expect(await expectOneEnding(rig, arn)).toBe('ABORTED');
      expect(typesOf(await fullHistory(rig.runtime, arn))).not.toContain('TaskSucceeded');
    });
  });

  for (let round = 0; round < 4; round++) {
    it(`a stop and a task completion at the same moment end in one status (round ${round + 1})`, async () => {
      const { handler, calls, open } = gate();
      await withRig({ handlers: { gate: handler } }, async (rig) => {
        const arn = await startScenario(rig.runtime, gated);
        await calls;
        const stopping = rig.runtime.stopExecution(arn).catch((error: unknown) => error);
        if (round % 2 === 0) open();
        else setImmediate(open);
        const stopped = await stopping;
        await settleGuarded(rig);
        const status = await expectOneEnding(rig, arn);
        if (stopped instanceof Error) {
          // The stop read a finished execution: it must say so, as StopExecution does.
          expect(stopped).toBeInstanceOf(QuickstepError);
          expect(status).toBe('SUCCEEDED');
        }
      });
    });
  }

  it('a stop and a callback for the same task at the same moment end in one status', async () => {
    await withRig({}, async (rig) => {
      for (let round = 0; round < 4; round++) {
        const arn = await startScenario(rig.runtime, callback, { name: `race-${round}` });
        const token = await tokenOf(rig, round);
        const [stop, success] = await Promise.all([
          rig.runtime.stopExecution(arn).then(
            () => 'stopped',
            (error: QuickstepError) => error.code,
          ),
          rig.runtime.sendTaskSuccess(token, '{"ok":true}').then(
            () => 'sent',
            (error: QuickstepError) => error.code,
          ),
        ]);
        await settleGuarded(rig);
        const status = await expectOneEnding(rig, arn);
        if (status === 'ABORTED') expect(success).toBe('TaskTimedOut');
        else expect({ status, success }).toEqual({ status: 'SUCCEEDED', success: 'sent' });
        expect(['stopped', 'ValidationException']).toContain(stop);
      }
    });
  });
});

const mapOfCallbacks: Scenario = {
  name: 'Map of callbacks',
  input: { items: [1, 2, 3, 4, 5, 6] },
  definition: {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemsPath: '$.items',
        MaxConcurrency: 3,
        ItemProcessor: {
          StartAt: 'Hold',
          States: {
            Hold: {
              Type: 'Task',
              Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
              Parameters: {
                QueueUrl: 'https://sqs.local/hold',
                MessageBody: { 'token.$': '$$.Task.Token', 'item.$': '$' },
              },
              End: true,
            },
          },
        },
        End: true,
      },
    },
  },
};

describe('stopping a Map', () => {
  it('stops its running iterations, and no later completion changes the parent', async () => {
    await withRig({}, async (rig) => {
      const arn = await startScenario(rig.runtime, mapOfCallbacks);
      await settleGuarded(rig);
      const tokens = rig.invoker.sinks.deliveries.map(
        (delivery) => (delivery.payload as { token: string }).token,
      );
      expect(tokens, 'iterations waiting (MaxConcurrency 3)').toHaveLength(3);
      // One iteration finishes before the stop: it stays SUCCEEDED, the fourth starts.
      await rig.runtime.sendTaskSuccess(tokens[0], '{"first":true}');
      await settleGuarded(rig);
      const children = rig.store.created.filter((id) => id !== arn);
      expect(children).toHaveLength(4);

      await rig.runtime.stopExecution(arn, 'Stopped', 'by the test');
      await settleGuarded(rig);
      const statuses = await Promise.all(
        children.map(async (id) => (await rig.runtime.describeExecution(id)).status),
      );
      expect(statuses).toEqual(['SUCCEEDED', 'ABORTED', 'ABORTED', 'ABORTED']);
      expect(rig.store.created, 'no iteration starts after the stop').toHaveLength(5);

      const before: HistoryEvent[] = await fullHistory(rig.runtime, arn);
      const publishedBefore = rig.bus.published.length;
      // Late callbacks for the stopped iterations.
      const late = rig.invoker.sinks.deliveries
        .slice(1)
        .map((delivery) => (delivery.payload as { token: string }).token);
      for (const token of late) {
        await expect(rig.runtime.sendTaskSuccess(token, '{"late":true}')).rejects.toMatchObject({
          code: 'TaskTimedOut',
        });
      }
      // A completion message for the parent arriving late (a redelivered or delayed one).
      const record = await rig.runtime.describeExecution(children[1]);
      await rig.runtime.handleMessage({
        messageId: `${children[1]}#99#done`,
        executionId: arn,
        event: {
          type: 'ChildCompleted',
          waitId: record.snapshot.parent!.waitId,
          index: 1,
          outcome: { status: 'SUCCEEDED', output: { late: true } },
        },
      });
      await settleGuarded(rig);

      const after = await outcomeOf(rig.runtime, arn);
      expect(after.status).toBe('ABORTED');
      expect(after.types).toEqual(typesOf(before));
      expect(countOf(after.types, 'ExecutionAborted')).toBe(1);
      expect(rig.bus.published).toHaveLength(publishedBefore);
      for (const id of children.slice(1))
        expect((await rig.runtime.describeExecution(id)).status).toBe('ABORTED');
    });
  });
});
