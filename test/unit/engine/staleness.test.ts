/**
 * The basis of invariant I1: an event that does not address the execution's current wait —
 * stale, duplicate, or for an execution that has ended — is `ignored`, with the snapshot
 * unchanged and no history events or effects, so that a driver can drop it.
 */
import { describe, expect, it } from 'vitest';
import type { Definition } from '../../../src/asl/index.js';
import { step } from '../../../src/engine/index.js';
import type { Decision, EngineEvent, Snapshot } from '../../../src/engine/types.js';
import {
  deepFreeze,
  definitionOf,
  deliver,
  jsonCopy,
  lastEffect,
  startAndAdvance,
  testEnv,
  waitIdOf,
} from './helpers.js';

const lambda = 'arn:aws:lambda:us-east-1:123456789012:function:work';

const taskMachine = definitionOf({
  StartAt: 'Work',
  States: {
    Work: { Type: 'Task', Resource: lambda, TimeoutSeconds: 60, Next: 'After' },
    After: { Type: 'Wait', Seconds: 10, End: true },
  },
});

const callbackMachine = definitionOf({
  StartAt: 'Ask',
  States: {
    Ask: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token' } },
      HeartbeatSeconds: 10,
      End: true,
    },
  },
});

const parallelMachine = definitionOf({
  StartAt: 'Both',
  States: {
    Both: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
        { StartAt: 'B', States: { B: { Type: 'Pass', End: true } } },
      ],
      End: true,
    },
  },
});

const mapMachine = definitionOf({
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      MaxConcurrency: 1,
      ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      End: true,
    },
  },
});

const retryMachine = definitionOf({
  StartAt: 'Work',
  States: {
    Work: {
      Type: 'Task',
      Resource: lambda,
      Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 5, MaxAttempts: 1 }],
      End: true,
    },
  },
});

function expectIgnored(decision: Decision, snapshot: Snapshot): void {
  expect(decision.ignored, 'the event should be ignored').toEqual(expect.any(String));
  expect(decision.snapshot).toEqual(snapshot);
  expect(decision.snapshot.seq).toBe(snapshot.seq);
  expect(decision.events).toEqual([]);
  expect(decision.effects).toEqual([]);
}

function stepFrozen(definition: Definition, snapshot: Snapshot, event: EngineEvent): Promise<Decision> {
  return step(definition, deepFreeze(jsonCopy(snapshot)), event, testEnv());
}

const ok = (waitId: string): EngineEvent => ({ type: 'TaskSucceeded', waitId, output: { done: true } });

describe('Advance outside the entering phase', () => {
  it('is ignored while a task runs, while waiting, while retrying and while children run', async () => {
    const env = testEnv();
    const task = (await startAndAdvance(taskMachine, {}, env)).snapshot;
    expect(task.position?.phase.kind).toBe('task');
    const waiting = (await deliver(taskMachine, task, ok(waitIdOf(task)), env)).snapshot;
    expect(waiting.position?.phase.kind).toBe('waiting');
    const failed = { type: 'TaskFailed' as const, waitId: '', error: 'E', cause: 'c' };
    const retrying = (await startAndAdvance(retryMachine, {}, env)).snapshot;
    const retryPhase = (await deliver(retryMachine, retrying, { ...failed, waitId: waitIdOf(retrying) }, env))
      .snapshot;
    expect(retryPhase.position?.phase.kind).toBe('retrying');
    const children = (await startAndAdvance(parallelMachine, {}, env)).snapshot;
    expect(children.position?.phase.kind).toBe('children');

    for (const [definition, snapshot] of [
      [taskMachine, task],
      [taskMachine, waiting],
      [retryMachine, retryPhase],
      [parallelMachine, children],
    ] as const) {
      expectIgnored(await stepFrozen(definition, snapshot, { type: 'Advance' }), snapshot);
    }
  });
});

describe('Advance naming a commit', () => {
  const pass = definitionOf({
    StartAt: 'One',
    States: { One: { Type: 'Pass', Next: 'Two' }, Two: { Type: 'Pass', End: true } },
  });

  it('applies when it names the commit that asked for it, and is stale otherwise', async () => {
    const env = testEnv();
    const first = (await startAndAdvance(pass, {}, env)).decisions;
    // The start asked to enter One; entering One asked to enter Two.
    const afterOne = first[1].snapshot;
    expect(afterOne.position).toMatchObject({ state: 'Two', phase: { kind: 'entering' } });
    const old = await stepFrozen(pass, afterOne, { type: 'Advance', seq: first[0].snapshot.seq });
    expectIgnored(old, afterOne);
    const future = await stepFrozen(pass, afterOne, { type: 'Advance', seq: afterOne.seq + 1 });
    expectIgnored(future, afterOne);
    const current = await stepFrozen(pass, afterOne, { type: 'Advance', seq: afterOne.seq });
    expect(current.ignored).toBeUndefined();
    expect(current.events.map((event) => event.type)).toEqual([
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
  });
});

describe('events for another wait', async () => {
  const env = testEnv();
  const task = (await startAndAdvance(taskMachine, {}, env)).snapshot;
  const other = `${waitIdOf(task)}-other`;

  it.each<[string, EngineEvent]>([
    ['TaskSucceeded', ok(other)],
    ['TaskFailed', { type: 'TaskFailed', waitId: other, error: 'E', cause: 'c' }],
    ['TaskSubmitted', { type: 'TaskSubmitted', waitId: other }],
    ['TaskHeartbeat', { type: 'TaskHeartbeat', waitId: other }],
    ['TimerFired', { type: 'TimerFired', waitId: other }],
    [
      'ChildCompleted',
      { type: 'ChildCompleted', waitId: other, index: 0, outcome: { status: 'SUCCEEDED', output: 1 } },
    ],
  ])('%s with a wait id that is not the task’s is ignored', async (_name, event) => {
    expectIgnored(await stepFrozen(taskMachine, task, event), task);
  });

  it('a ChildCompleted addressed to a task’s own wait id is ignored (it is not a join)', async () => {
    const event: EngineEvent = {
      type: 'ChildCompleted',
      waitId: waitIdOf(task),
      index: 0,
      outcome: { status: 'SUCCEEDED', output: 1 },
    };
    expectIgnored(await stepFrozen(taskMachine, task, event), task);
  });

  it('a TaskSucceeded addressed to a Wait state’s timer id is ignored', async () => {
    const waiting = (await deliver(taskMachine, task, ok(waitIdOf(task)), env)).snapshot;
    expectIgnored(await stepFrozen(taskMachine, waiting, ok(waitIdOf(waiting))), waiting);
  });

  it('a TimerFired for the task’s heartbeat id after the heartbeat was renewed is ignored', async () => {
    const asking = (await startAndAdvance(callbackMachine, {}, env)).snapshot;
    const phase = asking.position?.phase;
    if (phase?.kind !== 'task' || !phase.heartbeatWaitId) throw new Error('expected a heartbeat wait');
    const renewed = (
      await deliver(callbackMachine, asking, { type: 'TaskHeartbeat', waitId: phase.waitId }, env)
    ).snapshot;
    expectIgnored(
      await stepFrozen(callbackMachine, renewed, { type: 'TimerFired', waitId: phase.heartbeatWaitId }),
      renewed,
    );
  });

  it('a TaskHeartbeat for a task without HeartbeatSeconds is ignored', async () => {
    expectIgnored(
      await stepFrozen(taskMachine, task, { type: 'TaskHeartbeat', waitId: waitIdOf(task) }),
      task,
    );
  });
});

describe('duplicates', () => {
  it('a second TaskSucceeded for the same wait is ignored', async () => {
    const env = testEnv();
    const task = (await startAndAdvance(taskMachine, {}, env)).snapshot;
    const done = (await deliver(taskMachine, task, ok(waitIdOf(task)), env)).snapshot;
    expectIgnored(await stepFrozen(taskMachine, done, ok(waitIdOf(task))), done);
  });

  it('a TaskFailed after the TaskSucceeded of the same wait is ignored', async () => {
    const env = testEnv();
    const task = (await startAndAdvance(taskMachine, {}, env)).snapshot;
    const done = (await deliver(taskMachine, task, ok(waitIdOf(task)), env)).snapshot;
    const late: EngineEvent = { type: 'TaskFailed', waitId: waitIdOf(task), error: 'E', cause: 'c' };
    expectIgnored(await stepFrozen(taskMachine, done, late), done);
  });

  it('the task’s own timeout timer after it succeeded is ignored', async () => {
    const env = testEnv();
    const trail = await startAndAdvance(taskMachine, {}, env);
    const timer = lastEffect(trail, 'StartTimer');
    expect(timer.purpose).toBe('TaskTimeout');
    const done = (await deliver(taskMachine, trail.snapshot, ok(waitIdOf(trail.snapshot)), env)).snapshot;
    expectIgnored(await stepFrozen(taskMachine, done, { type: 'TimerFired', waitId: timer.waitId }), done);
  });

  it('a second TaskSubmitted for the same wait is ignored', async () => {
    const env = testEnv();
    const asking = (await startAndAdvance(callbackMachine, {}, env)).snapshot;
    const submitted = {
      type: 'TaskSubmitted' as const,
      waitId: waitIdOf(asking),
      output: { MessageId: 'm' },
    };
    const once = await step(callbackMachine, deepFreeze(asking), submitted, env);
    expect(once.events.map((event) => event.type)).toEqual(['TaskSubmitted']);
    expectIgnored(await stepFrozen(callbackMachine, once.snapshot, submitted), once.snapshot);
  });

  it('a ChildCompleted delivered twice for the same Parallel branch is ignored the second time', async () => {
    const env = testEnv();
    const trail = await startAndAdvance(parallelMachine, { x: 1 }, env);
    const { waitId } = lastEffect(trail, 'StartChildren');
    const first: EngineEvent = {
      type: 'ChildCompleted',
      waitId,
      index: 0,
      outcome: { status: 'SUCCEEDED', output: 'a' },
    };
    const once = await step(parallelMachine, deepFreeze(trail.snapshot), first, env);
    expect(once.ignored).toBeUndefined();
    expectIgnored(await stepFrozen(parallelMachine, once.snapshot, first), once.snapshot);
    // The same index with another outcome is a duplicate too: the first outcome stands.
    const conflicting: EngineEvent = { ...first, outcome: { status: 'FAILED', error: 'E', cause: 'c' } };
    expectIgnored(await stepFrozen(parallelMachine, once.snapshot, conflicting), once.snapshot);
  });

  it('a ChildCompleted for a Map iteration not yet launched, or out of range, is ignored', async () => {
    const env = testEnv();
    const trail = await startAndAdvance(mapMachine, [1, 2, 3], env);
    const start = lastEffect(trail, 'StartChildren');
    expect(start.children.map((child) => child.index)).toEqual([0]);
    for (const index of [1, 2, 3, -1]) {
      const event: EngineEvent = {
        type: 'ChildCompleted',
        waitId: start.waitId,
        index,
        outcome: { status: 'SUCCEEDED', output: index },
      };
      expectIgnored(await stepFrozen(mapMachine, trail.snapshot, event), trail.snapshot);
    }
  });
});

describe('after the execution ended', async () => {
  const env = testEnv();
  const task = (await startAndAdvance(taskMachine, {}, env)).snapshot;
  const waitId = waitIdOf(task);
  const afterTask = (await deliver(taskMachine, task, ok(waitId), env)).snapshot;
  const timedMachine = definitionOf({ ...(taskMachine.source as object), TimeoutSeconds: 30 });
  const timedTask = (await startAndAdvance(timedMachine, {}, env)).snapshot;
  const ended: [string, Definition, Snapshot][] = [
    [
      'SUCCEEDED',
      taskMachine,
      (await deliver(taskMachine, afterTask, { type: 'TimerFired', waitId: waitIdOf(afterTask) }, env))
        .snapshot,
    ],
    [
      'FAILED',
      taskMachine,
      (await deliver(taskMachine, task, { type: 'TaskFailed', waitId, error: 'E', cause: 'c' }, env))
        .snapshot,
    ],
    [
      'FAILED by States.Timeout',
      taskMachine,
      (await deliver(taskMachine, task, { type: 'TimerFired', waitId }, env)).snapshot,
    ],
    ['ABORTED', taskMachine, (await deliver(taskMachine, task, { type: 'Stop' }, env)).snapshot],
    [
      'TIMED_OUT',
      timedMachine,
      (await deliver(timedMachine, timedTask, { type: 'TimerFired', waitId: 'execution-timeout' }, env))
        .snapshot,
    ],
  ];

  it('the fixtures really ended', async () => {
    expect(ended.map(([, , snapshot]) => [snapshot.status, snapshot.error])).toEqual([
      ['SUCCEEDED', undefined],
      ['FAILED', 'E'],
      ['FAILED', 'States.Timeout'],
      ['ABORTED', undefined],
      ['TIMED_OUT', 'States.Timeout'],
    ]);
    // The TIMED_OUT fixture used the same wait id as the task machine's first task.
    expect(waitIdOf(timedTask)).toBe(waitId);
  });

  const events: EngineEvent[] = [
    { type: 'Advance' },
    ok(waitId),
    { type: 'TaskFailed', waitId, error: 'E', cause: 'c' },
    { type: 'TaskSubmitted', waitId },
    { type: 'TaskHeartbeat', waitId },
    { type: 'TimerFired', waitId },
    { type: 'TimerFired', waitId: 'execution-timeout' },
    { type: 'ChildCompleted', waitId, index: 0, outcome: { status: 'SUCCEEDED', output: null } },
    { type: 'Stop' },
    { type: 'Stop', error: 'Late', cause: 'too late' },
  ];

  for (const [label, definition, snapshot] of ended) {
    it.each(events.map((event) => [event.type, event] as const))(
      `%s on a ${label} execution is ignored`,
      async (_t, event) => {
        expectIgnored(await stepFrozen(definition, snapshot, event), snapshot);
      },
    );
  }
});
