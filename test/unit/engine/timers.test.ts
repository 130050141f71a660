/**
 * Timers as data: a Wait's due time, a retry's back-off (IntervalSeconds × BackoffRate^n,
 * capped by MaxDelaySeconds, FULL jitter from env.random), task and execution timeouts. The
 * clock is env.now, set by the test; nothing sleeps.
 */
import { describe, expect, it } from 'vitest';
import type { Definition } from '../../../src/asl/index.js';
import { step } from '../../../src/engine/index.js';
import type { Effect, Snapshot } from '../../../src/engine/types.js';
import {
  T0,
  type TestEnv,
  type Trail,
  deepFreeze,
  definitionOf,
  deliver,
  effectsOf,
  eventsOf,
  lastEffect,
  startAndAdvance,
  testEnv,
  typesOf,
  waitIdOf,
} from './helpers.js';

const lambda = 'arn:aws:lambda:us-east-1:123456789012:function:work';

function waitMachine(wait: Record<string, unknown>): Definition {
  return definitionOf({
    StartAt: 'Pause',
    States: { Pause: { Type: 'Wait', ...wait, Next: 'Done' }, Done: { Type: 'Pass', End: true } },
  });
}

function timersOf(trail: Trail): Extract<Effect, { type: 'StartTimer' }>[] {
  return effectsOf(trail).filter(
    (effect): effect is Extract<Effect, { type: 'StartTimer' }> => effect.type === 'StartTimer',
  );
}

describe('Wait', () => {
  it('Seconds: a Wait timer due Seconds after entry; its TimerFired exits the state', async () => {
    const env = testEnv({ now: T0 });
    const definition = waitMachine({ Seconds: 90 });
    const entered = await startAndAdvance(definition, { a: 1 }, env);
    expect(typesOf(entered)).toEqual(['ExecutionStarted', 'WaitStateEntered']);
    const timer = lastEffect(entered, 'StartTimer');
    expect(timer).toEqual({
      type: 'StartTimer',
      waitId: waitIdOf(entered.snapshot),
      dueTime: T0 + 90_000,
      purpose: 'Wait',
    });
    expect(entered.snapshot.position?.phase.kind).toBe('waiting');

    env.time = T0 + 90_000;
    const fired = await deliver(
      definition,
      entered.snapshot,
      { type: 'TimerFired', waitId: timer.waitId },
      env,
    );
    expect(typesOf(fired)).toEqual([
      'WaitStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    expect(eventsOf(fired)[0]).toMatchObject({
      timestamp: T0 + 90_000,
      details: { name: 'Pause', output: { a: 1 } },
    });
    expect(fired.snapshot).toMatchObject({ status: 'SUCCEEDED', output: { a: 1 } });
  });

  it('Timestamp in the future: due at that instant', async () => {
    const env = testEnv({ now: T0 });
    const entered = await startAndAdvance(waitMachine({ Timestamp: '2026-01-01T01:00:00Z' }), {}, env);
    expect(lastEffect(entered, 'StartTimer').dueTime).toBe(Date.parse('2026-01-01T01:00:00Z'));
  });

  it('Timestamp already past: exits at once, no timer', async () => {
    const env = testEnv({ now: T0 });
    const trail = await startAndAdvance(waitMachine({ Timestamp: '2025-12-31T23:59:00Z' }), {}, env);
    expect(timersOf(trail)).toEqual([]);
    expect(trail.snapshot.status).toBe('SUCCEEDED');
    expect(typesOf(trail)).toContain('WaitStateExited');
  });

  it('SecondsPath and TimestampPath read the effective input', async () => {
    const env = testEnv({ now: T0 });
    const bySeconds = await startAndAdvance(waitMachine({ SecondsPath: '$.delay' }), { delay: 7 }, env);
    expect(lastEffect(bySeconds, 'StartTimer').dueTime).toBe(T0 + 7_000);
    const byStamp = await startAndAdvance(
      waitMachine({ TimestampPath: '$.at' }),
      { at: '2026-01-02T00:00:00Z' },
      env,
    );
    expect(lastEffect(byStamp, 'StartTimer').dueTime).toBe(Date.parse('2026-01-02T00:00:00Z'));
  });

  it('a TimerFired delivered twice exits the state once', async () => {
    const env = testEnv({ now: T0 });
    const definition = waitMachine({ Seconds: 5 });
    const entered = await startAndAdvance(definition, {}, env);
    const fired = { type: 'TimerFired' as const, waitId: waitIdOf(entered.snapshot) };
    env.time = T0 + 5_000;
    const once = await deliver(definition, entered.snapshot, fired, env);
    const twice = await step(definition, deepFreeze(once.snapshot), fired, env);
    expect(twice.ignored).toEqual(expect.any(String));
    expect(typesOf(once).filter((type) => type === 'WaitStateExited')).toHaveLength(1);
  });
});

describe('Retry back-off', () => {
  function retryMachine(retrier: Record<string, unknown>, extra: Record<string, unknown> = {}): Definition {
    return definitionOf({
      StartAt: 'Work',
      States: {
        Work: {
          Type: 'Task',
          Resource: lambda,
          Parameters: { 'retry.$': '$$.State.RetryCount' },
          Retry: [{ ErrorEquals: ['Boom'], ...retrier }],
          Catch: [{ ErrorEquals: ['NeverThrown'], Next: 'Caught' }],
          ...extra,
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    });
  }

  /** Fails the current attempt at `at`; returns the retry timer (if any) and the trail. */
  async function failAt(
    definition: Definition,
    snapshot: Snapshot,
    env: TestEnv,
    at: number,
    error = 'Boom',
  ) {
    env.time = at;
    const trail = await deliver(
      definition,
      snapshot,
      { type: 'TaskFailed', waitId: waitIdOf(snapshot), error, cause: 'c' },
      env,
    );
    return { trail, timer: timersOf(trail).find((timer) => timer.purpose === 'Retry') };
  }

  /** Fires the retry timer at its due time: the state runs again (no new StateEntered). */
  function retry(definition: Definition, snapshot: Snapshot, env: TestEnv, dueTime: number): Promise<Trail> {
    env.time = dueTime;
    return deliver(definition, snapshot, { type: 'TimerFired', waitId: waitIdOf(snapshot) }, env);
  }

  it('waits IntervalSeconds × BackoffRate^n, capped by MaxDelaySeconds, then fails after MaxAttempts', async () => {
    const env = testEnv({ now: T0 });
    const definition = retryMachine({
      IntervalSeconds: 2,
      BackoffRate: 3,
      MaxAttempts: 4,
      MaxDelaySeconds: 10,
    });
    let snapshot = (await startAndAdvance(definition, {}, env)).snapshot;
    const expectedDelays = [2_000, 6_000, 10_000, 10_000];
    let now = T0;
    for (const [n, delay] of expectedDelays.entries()) {
      now += 1_000; // each attempt fails a second after it starts
      const { trail, timer } = await failAt(definition, snapshot, env, now);
      expect(timer, `retry ${n + 1}`).toBeDefined();
      expect(timer!.dueTime - now, `delay before retry ${n + 1}`).toBe(delay);
      expect(trail.snapshot.position?.phase).toEqual({ kind: 'retrying', waitId: timer!.waitId });
      expect(typesOf(trail)).toEqual(['LambdaFunctionFailed']);
      now = timer!.dueTime;
      const again = await retry(definition, trail.snapshot, env, now);
      expect(typesOf(again)).toEqual(['LambdaFunctionScheduled', 'LambdaFunctionStarted']);
      expect(lastEffect(again, 'InvokeTask').parameters).toEqual({ retry: n + 1 });
      snapshot = again.snapshot;
    }
    const { trail, timer } = await failAt(definition, snapshot, env, now + 1_000);
    expect(timer).toBeUndefined();
    expect(trail.snapshot).toMatchObject({ status: 'FAILED', error: 'Boom', cause: 'c' });
  });

  it('defaults: IntervalSeconds 1, BackoffRate 2, MaxAttempts 3, then Catch', async () => {
    const env = testEnv({ now: T0 });
    const definition = retryMachine({}, { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }] });
    let snapshot = (await startAndAdvance(definition, {}, env)).snapshot;
    const delays: number[] = [];
    for (;;) {
      const { trail, timer } = await failAt(definition, snapshot, env, env.time);
      if (!timer) {
        expect(typesOf(trail)).toEqual([
          'LambdaFunctionFailed',
          'TaskStateExited',
          'PassStateEntered',
          'PassStateExited',
          'ExecutionSucceeded',
        ]);
        expect(trail.snapshot.output).toEqual({ Error: 'Boom', Cause: 'c' });
        break;
      }
      delays.push(timer.dueTime - env.time);
      snapshot = (await retry(definition, trail.snapshot, env, timer.dueTime)).snapshot;
    }
    expect(delays).toEqual([1_000, 2_000, 4_000]);
  });

  it('FULL jitter waits random() × the computed delay, random taken from env', async () => {
    const draws = [0.25, 0.5, 0];
    const env = testEnv({ now: T0, random: () => draws.shift() ?? 0.75 });
    const definition = retryMachine({
      IntervalSeconds: 4,
      BackoffRate: 2,
      MaxAttempts: 4,
      JitterStrategy: 'FULL',
    });
    let snapshot = (await startAndAdvance(definition, {}, env)).snapshot;
    const delays: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const { trail, timer } = await failAt(definition, snapshot, env, env.time);
      delays.push(timer!.dueTime - env.time);
      snapshot = (await retry(definition, trail.snapshot, env, timer!.dueTime)).snapshot;
    }
    // Uncapped delays 4 s, 8 s, 16 s, 32 s scaled by 0.25, 0.5, 0, 0.75.
    expect(delays).toEqual([1_000, 4_000, 0, 24_000]);
  });

  it('each retrier counts its own attempts and back-off', async () => {
    const env = testEnv({ now: T0 });
    const definition = definitionOf({
      StartAt: 'Work',
      States: {
        Work: {
          Type: 'Task',
          Resource: lambda,
          Retry: [
            { ErrorEquals: ['A'], IntervalSeconds: 1, MaxAttempts: 1 },
            { ErrorEquals: ['B'], IntervalSeconds: 3, BackoffRate: 2, MaxAttempts: 2 },
          ],
          End: true,
        },
      },
    });
    let snapshot = (await startAndAdvance(definition, {}, env)).snapshot;
    const delays: number[] = [];
    for (const error of ['B', 'A', 'B']) {
      const { trail, timer } = await failAt(definition, snapshot, env, env.time, error);
      delays.push(timer!.dueTime - env.time);
      snapshot = (await retry(definition, trail.snapshot, env, timer!.dueTime)).snapshot;
    }
    expect(delays).toEqual([3_000, 1_000, 6_000]);
    const { trail, timer } = await failAt(definition, snapshot, env, env.time, 'A');
    expect(timer).toBeUndefined();
    expect(trail.snapshot).toMatchObject({ status: 'FAILED', error: 'A' });
  });

  it('a timer left over from an earlier attempt is stale: the retry is not cut short', async () => {
    const env = testEnv({ now: T0 });
    const definition = retryMachine({ IntervalSeconds: 1, MaxAttempts: 2 }, { TimeoutSeconds: 30 });
    const first = await startAndAdvance(definition, {}, env);
    const firstTimeout = lastEffect(first, 'StartTimer');
    expect(firstTimeout).toMatchObject({ purpose: 'TaskTimeout', dueTime: T0 + 30_000 });
    const { trail, timer } = await failAt(definition, first.snapshot, env, T0 + 5_000);
    // The retry timer fired twice: the second copy finds the state running again.
    const second = await retry(definition, trail.snapshot, env, timer!.dueTime);
    const duplicate = await step(
      definition,
      deepFreeze(second.snapshot),
      { type: 'TimerFired', waitId: timer!.waitId },
      env,
    );
    expect(duplicate.ignored).toEqual(expect.any(String));
    const secondTimeout = lastEffect(second, 'StartTimer');
    expect(secondTimeout).toMatchObject({ purpose: 'TaskTimeout', dueTime: T0 + 6_000 + 30_000 });
    expect(secondTimeout.waitId).not.toBe(firstTimeout.waitId);

    env.time = T0 + 30_000;
    const stale = await step(
      definition,
      deepFreeze(second.snapshot),
      { type: 'TimerFired', waitId: firstTimeout.waitId },
      env,
    );
    expect(stale.ignored).toEqual(expect.any(String));
    expect(stale.snapshot).toEqual(second.snapshot);

    env.time = secondTimeout.dueTime;
    const timedOut = await deliver(
      definition,
      second.snapshot,
      { type: 'TimerFired', waitId: secondTimeout.waitId },
      env,
    );
    expect(typesOf(timedOut)[0]).toBe('LambdaFunctionTimedOut');
    // States.Timeout is not "Boom": no retrier matches, so the execution fails.
    expect(timedOut.snapshot).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  });
});

describe('execution TimeoutSeconds', () => {
  it('starts an ExecutionTimeout timer at start; when it fires the execution is TIMED_OUT', async () => {
    const env = testEnv({ now: T0 });
    const definition = definitionOf({
      TimeoutSeconds: 60,
      StartAt: 'Pause',
      States: { Pause: { Type: 'Wait', Seconds: 3600, End: true } },
    });
    const trail = await startAndAdvance(definition, {}, env);
    const timers = timersOf(trail);
    const executionTimer = timers.find((timer) => timer.purpose === 'ExecutionTimeout');
    expect(executionTimer?.dueTime).toBe(T0 + 60_000);
    const waitTimer = timers.find((timer) => timer.purpose === 'Wait')!;

    env.time = T0 + 60_000;
    const fired = await step(
      definition,
      deepFreeze(trail.snapshot),
      { type: 'TimerFired', waitId: executionTimer!.waitId },
      env,
    );
    expect(fired.snapshot).toMatchObject({
      status: 'TIMED_OUT',
      error: 'States.Timeout',
      stopTime: T0 + 60_000,
    });
    expect(fired.events.map((event) => event.type)).toEqual(['ExecutionTimedOut']);
    expect(fired.events[0].details).toMatchObject({ error: 'States.Timeout' });
    expect(fired.effects).toContainEqual(expect.objectContaining({ type: 'Finish', status: 'TIMED_OUT' }));

    env.time = T0 + 3_600_000;
    const late = await step(
      definition,
      deepFreeze(fired.snapshot),
      { type: 'TimerFired', waitId: waitTimer.waitId },
      env,
    );
    expect(late.ignored).toEqual(expect.any(String));
  });

  it('stops the children still running (and only those) when a Map is cut short', async () => {
    const env = testEnv({ now: T0 });
    const definition = definitionOf({
      TimeoutSeconds: 10,
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          MaxConcurrency: 2,
          ItemProcessor: { StartAt: 'Long', States: { Long: { Type: 'Wait', Seconds: 60, End: true } } },
          End: true,
        },
      },
    });
    const trail = await startAndAdvance(definition, [1, 2, 3], env);
    const started = lastEffect(trail, 'StartChildren');
    expect(started.children.map((child) => child.index)).toEqual([0, 1]);
    // Child 0 has finished (its completion applied); child 1 still runs; item 2 never started.
    const done = await step(
      definition,
      deepFreeze(trail.snapshot),
      {
        type: 'ChildCompleted',
        waitId: started.waitId,
        index: 0,
        outcome: { status: 'SUCCEEDED', output: 1 },
      },
      env,
    );
    const relaunched = done.effects.find((effect) => effect.type === 'StartChildren');
    expect(relaunched).toMatchObject({ children: [expect.objectContaining({ index: 2 })] });
    const running = [
      started.children[1].id,
      (relaunched as Extract<Effect, { type: 'StartChildren' }>).children[0].id,
    ];

    env.time = T0 + 10_000;
    const fired = await step(
      definition,
      deepFreeze(done.snapshot),
      { type: 'TimerFired', waitId: 'execution-timeout' },
      env,
    );
    expect(fired.snapshot.status).toBe('TIMED_OUT');
    const stops = fired.effects.filter((effect) => effect.type === 'StopChildren');
    expect(new Set(stops.flatMap((effect) => effect.childIds))).toEqual(new Set(running));
    expect(fired.events.map((event) => event.type)).toEqual(['ExecutionTimedOut']);
  });
});
