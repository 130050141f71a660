/**
 * Task states as decisions: the InvokeTask effect (parameters, pattern, idempotency key,
 * token), the history events Step Functions records, task timeouts and heartbeats.
 */
import { describe, expect, it } from 'vitest';
import type { Definition } from '../../../src/asl/index.js';
import { step } from '../../../src/engine/index.js';
import type { Effect } from '../../../src/engine/types.js';
import { StepHarness } from './harness.js';
import {
  EXECUTION_ID,
  T0,
  deepFreeze,
  definitionOf,
  deliver,
  effectsOf,
  eventsOf,
  lastEffect,
  sha256Hex,
  startAndAdvance,
  testEnv,
  typesOf,
  waitIdOf,
} from './helpers.js';

const lambdaArn = 'arn:aws:lambda:us-east-1:123456789012:function:work';

function taskMachine(task: Record<string, unknown>, extraStates: Record<string, unknown> = {}): Definition {
  return definitionOf({
    StartAt: 'Work',
    States: { Work: { Type: 'Task', End: true, ...task }, ...extraStates },
  });
}

describe('InvokeTask effect', () => {
  it('carries the evaluated parameters, the pattern, the wait id and the timeouts', async () => {
    const env = testEnv();
    const definition = taskMachine({
      Resource: 'arn:aws:states:::lambda:invoke',
      InputPath: '$.order',
      Parameters: { FunctionName: 'charge', Payload: { 'id.$': '$.id', fixed: 'yes' } },
      TimeoutSeconds: 20,
    });
    const trail = await startAndAdvance(definition, { order: { id: 'o-1' }, other: true }, env);
    const invoke = lastEffect(trail, 'InvokeTask');
    expect(invoke).toMatchObject({
      type: 'InvokeTask',
      waitId: waitIdOf(trail.snapshot),
      stateName: 'Work',
      resource: 'arn:aws:states:::lambda:invoke',
      pattern: 'request-response',
      parameters: { FunctionName: 'charge', Payload: { id: 'o-1', fixed: 'yes' } },
      timeoutSeconds: 20,
    });
    expect(invoke.taskToken).toBeUndefined();
    expect(invoke.heartbeatSeconds).toBeUndefined();
    expect(invoke.idempotencyKey).toEqual(expect.any(String));
    expect(typesOf(trail)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted']);
    expect(eventsOf(trail)[2].details).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke',
      region: 'us-east-1',
      parameters: { FunctionName: 'charge', Payload: { id: 'o-1', fixed: 'yes' } },
      timeoutInSeconds: 20,
    });
    expect(trail.snapshot.position?.phase).toMatchObject({ kind: 'task', waitId: invoke.waitId });
  });

  it.each([
    ['arn:aws:states:::lambda:invoke', 'request-response'],
    ['arn:aws:states:::states:startExecution.sync', 'sync'],
    ['arn:aws:states:::states:startExecution.sync:2', 'sync:2'],
    ['arn:aws:states:::sqs:sendMessage.waitForTaskToken', 'waitForTaskToken'],
    [lambdaArn, 'request-response'],
  ])('%s → pattern %s', async (resource, pattern) => {
    const trail = await startAndAdvance(taskMachine({ Resource: resource }), {}, testEnv());
    expect(lastEffect(trail, 'InvokeTask').pattern).toBe(pattern);
  });

  it('a bare Lambda function ARN records LambdaFunction* events', async () => {
    const env = testEnv();
    const definition = taskMachine({ Resource: lambdaArn });
    const trail = await startAndAdvance(definition, { a: 1 }, env);
    expect(typesOf(trail)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
    ]);
    expect(eventsOf(trail)[2].details).toMatchObject({ resource: lambdaArn, input: { a: 1 } });
    const done = await deliver(
      definition,
      trail.snapshot,
      { type: 'TaskSucceeded', waitId: waitIdOf(trail.snapshot), output: 7 },
      env,
    );
    expect(typesOf(done)).toEqual(['LambdaFunctionSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    expect(done.snapshot.output).toBe(7);
  });
});

describe('task tokens', () => {
  const definition = taskMachine({
    Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
    Parameters: { QueueUrl: 'https://sqs/q', MessageBody: { 'token.$': '$$.Task.Token', 'n.$': '$.n' } },
  });

  it('only .waitForTaskToken tasks get a token; it is $$.Task.Token and travels in the effect', async () => {
    const env = testEnv();
    const trail = await startAndAdvance(definition, { n: 3 }, env);
    expect(env.tokens).toHaveLength(1);
    const [token] = env.tokens;
    const invoke = lastEffect(trail, 'InvokeTask');
    expect(invoke.taskToken).toBe(token);
    expect(invoke.parameters).toEqual({ QueueUrl: 'https://sqs/q', MessageBody: { token, n: 3 } });

    const plain = testEnv();
    const request = await startAndAdvance(
      taskMachine({ Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' } }),
      {},
      plain,
    );
    expect(plain.tokens).toEqual([]);
    expect(lastEffect(request, 'InvokeTask').taskToken).toBeUndefined();
  });

  it('the snapshot keeps the SHA-256 of the token, never the token', async () => {
    const env = testEnv();
    const trail = await startAndAdvance(definition, { n: 3 }, env);
    const [token] = env.tokens;
    expect(trail.snapshot.position?.phase).toMatchObject({ kind: 'task', tokenHash: sha256Hex(token) });
    for (const decision of trail.decisions) expect(JSON.stringify(decision.snapshot)).not.toContain(token);
  });

  it('a retried .waitForTaskToken task gets a fresh token', async () => {
    const env = testEnv();
    const retried = taskMachine({
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token' } },
      Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 1 }],
    });
    const first = (await startAndAdvance(retried, {}, env)).snapshot;
    const failed = await deliver(
      retried,
      first,
      { type: 'TaskFailed', waitId: waitIdOf(first), error: 'E', cause: '' },
      env,
    );
    env.time = T0 + 1_000;
    const second = await deliver(
      retried,
      failed.snapshot,
      { type: 'TimerFired', waitId: waitIdOf(failed.snapshot) },
      env,
    );
    expect(env.tokens).toHaveLength(2);
    expect(env.tokens[1]).not.toBe(env.tokens[0]);
    expect(second.snapshot.position?.phase).toMatchObject({ tokenHash: sha256Hex(env.tokens[1]) });
  });
});

describe('idempotency keys (I7: execution, state, attempt)', () => {
  it('differ between attempts of a retried task and are stable for the same attempt', async () => {
    const env = testEnv();
    const definition = taskMachine({
      Resource: lambdaArn,
      Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 2 }],
    });
    const keys: string[] = [];
    let trail = await startAndAdvance(definition, {}, env);
    keys.push(lastEffect(trail, 'InvokeTask').idempotencyKey);
    const replayed = await startAndAdvance(definition, {}, testEnv());
    expect(lastEffect(replayed, 'InvokeTask').idempotencyKey).toBe(keys[0]);
    for (let attempt = 0; attempt < 2; attempt++) {
      const failed = await deliver(
        definition,
        trail.snapshot,
        { type: 'TaskFailed', waitId: waitIdOf(trail.snapshot), error: 'E', cause: '' },
        env,
      );
      trail = await deliver(
        definition,
        failed.snapshot,
        { type: 'TimerFired', waitId: waitIdOf(failed.snapshot) },
        env,
      );
      keys.push(lastEffect(trail, 'InvokeTask').idempotencyKey);
    }
    expect(new Set(keys).size).toBe(3);
  });

  it('differ between iterations of a Map running the same Task', async () => {
    const definition = definitionOf({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'Work',
            States: { Work: { Type: 'Task', Resource: lambdaArn, End: true } },
          },
          End: true,
        },
      },
    });
    const harness = await new StepHarness(definition, { tasks: { Work: () => ({ ok: true, output: 1 }) } })
      .start([1, 2, 3])
      .run();
    const keys = harness.taskCalls.map((call) => call.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
  });

  it('differ between two visits of the same Task state in a loop (each visit is a new invocation)', async () => {
    // Work runs twice, with different inputs: a task that deduplicates by key must not
    // mistake the second visit for a redelivery of the first.
    const definition = definitionOf({
      StartAt: 'Work',
      States: {
        Work: { Type: 'Task', Resource: lambdaArn, ResultPath: null, Next: 'Count' },
        Count: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)' }, Next: 'Again' },
        Again: {
          Type: 'Choice',
          Choices: [{ Variable: '$.n', NumericLessThan: 2, Next: 'Work' }],
          Default: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    });
    const harness = await new StepHarness(definition, { tasks: { Work: () => ({ ok: true, output: null }) } })
      .start({ n: 0 })
      .run();
    expect(harness.root.status).toBe('SUCCEEDED');
    expect(harness.taskCalls.map((call) => call.parameters)).toEqual([{ n: 0 }, { n: 1 }]);
    const [first, second] = harness.taskCalls.map((call) => call.idempotencyKey);
    expect(second).not.toBe(first);
  });
});

describe('task timeouts', () => {
  it('TimeoutSeconds: a TaskTimeout timer on the task’s wait; firing fails it with States.Timeout', async () => {
    const env = testEnv({ now: T0 });
    const definition = taskMachine({
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'f' },
      TimeoutSeconds: 45,
    });
    const trail = await startAndAdvance(definition, {}, env);
    const timer = lastEffect(trail, 'StartTimer');
    expect(timer).toEqual({
      type: 'StartTimer',
      waitId: waitIdOf(trail.snapshot),
      dueTime: T0 + 45_000,
      purpose: 'TaskTimeout',
    });
    env.time = T0 + 45_000;
    const fired = await deliver(
      definition,
      trail.snapshot,
      { type: 'TimerFired', waitId: timer.waitId },
      env,
    );
    expect(typesOf(fired)).toEqual(['TaskTimedOut', 'ExecutionFailed']);
    expect(eventsOf(fired)[0].details).toMatchObject({ error: 'States.Timeout' });
    expect(fired.snapshot).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    // A result arriving after the timeout is stale.
    const late = await step(
      definition,
      deepFreeze(fired.snapshot),
      { type: 'TaskSucceeded', waitId: timer.waitId, output: 1 },
      env,
    );
    expect(late.ignored).toEqual(expect.any(String));
  });

  it('a bare Lambda ARN times out with LambdaFunctionTimedOut, and Catch sees States.Timeout', async () => {
    const env = testEnv({ now: T0 });
    const definition = definitionOf({
      StartAt: 'Work',
      States: {
        Work: {
          Type: 'Task',
          Resource: lambdaArn,
          TimeoutSeconds: 5,
          Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'Fallback' }],
          Next: 'Done',
        },
        Fallback: { Type: 'Pass', End: true },
        Done: { Type: 'Succeed' },
      },
    });
    const trail = await startAndAdvance(definition, { keep: 1 }, env);
    env.time = T0 + 5_000;
    const fired = await deliver(
      definition,
      trail.snapshot,
      { type: 'TimerFired', waitId: waitIdOf(trail.snapshot) },
      env,
    );
    expect(typesOf(fired).slice(0, 2)).toEqual(['LambdaFunctionTimedOut', 'TaskStateExited']);
    expect(fired.snapshot).toMatchObject({ status: 'SUCCEEDED' });
    expect(fired.snapshot.output).toMatchObject({ Error: 'States.Timeout' });
  });

  it('TimeoutSecondsPath reads the timeout from the input', async () => {
    const env = testEnv({ now: T0 });
    const definition = taskMachine({ Resource: lambdaArn, TimeoutSecondsPath: '$.limit' });
    const trail = await startAndAdvance(definition, { limit: 12 }, env);
    expect(lastEffect(trail, 'StartTimer')).toMatchObject({ purpose: 'TaskTimeout', dueTime: T0 + 12_000 });
    expect(lastEffect(trail, 'InvokeTask').timeoutSeconds).toBe(12);
  });
});

describe('heartbeats', () => {
  // AWS: a missed heartbeat fails the task with States.Timeout ("ran longer than TimeoutSeconds,
  // or failed to send a heartbeat for longer than HeartbeatSeconds"); States.HeartbeatTimeout is
  // "only available inside the Catch and Retry fields". The catchers below tell the two apart.
  const definition = definitionOf({
    StartAt: 'Ask',
    States: {
      Ask: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token' } },
        HeartbeatSeconds: 10,
        TimeoutSeconds: 100,
        Catch: [
          { ErrorEquals: ['States.HeartbeatTimeout'], ResultPath: '$.caught', Next: 'Missed' },
          { ErrorEquals: ['States.Timeout'], ResultPath: '$.caught', Next: 'TooLong' },
        ],
        End: true,
      },
      Missed: { Type: 'Pass', Result: 'missed heartbeat', ResultPath: '$.verdict', End: true },
      TooLong: { Type: 'Pass', Result: 'ran too long', ResultPath: '$.verdict', End: true },
    },
  });

  async function started() {
    const env = testEnv({ now: T0 });
    const trail = await startAndAdvance(definition, {}, env);
    const timers = effectsOf(trail).filter(
      (effect): effect is Extract<Effect, { type: 'StartTimer' }> => effect.type === 'StartTimer',
    );
    return { env, trail, timers };
  }

  it('HeartbeatSeconds: a HeartbeatTimeout timer with its own wait id; firing is a missed heartbeat', async () => {
    const { env, trail, timers } = await started();
    const taskWait = waitIdOf(trail.snapshot);
    const heartbeat = timers.find((timer) => timer.purpose === 'HeartbeatTimeout')!;
    expect(heartbeat).toMatchObject({ dueTime: T0 + 10_000 });
    expect(heartbeat.waitId).not.toBe(taskWait);
    expect(timers.find((timer) => timer.purpose === 'TaskTimeout')).toMatchObject({
      waitId: taskWait,
      dueTime: T0 + 100_000,
    });
    expect(lastEffect(trail, 'InvokeTask').heartbeatSeconds).toBe(10);

    env.time = T0 + 10_000;
    const fired = await deliver(
      definition,
      trail.snapshot,
      { type: 'TimerFired', waitId: heartbeat.waitId },
      env,
    );
    expect(typesOf(fired).slice(0, 2)).toEqual(['TaskTimedOut', 'TaskStateExited']);
    expect(eventsOf(fired)[0].details).toMatchObject({ error: 'States.Timeout' });
    expect(fired.snapshot).toMatchObject({ status: 'SUCCEEDED', output: { verdict: 'missed heartbeat' } });
    expect(fired.snapshot.output).toMatchObject({ caught: { Error: 'States.Timeout' } });
  });

  it('TimeoutSeconds expiring is not a missed heartbeat', async () => {
    const { env, trail, timers } = await started();
    let snapshot = trail.snapshot;
    for (let at = 5_000; at < 100_000; at += 5_000) {
      env.time = T0 + at;
      snapshot = (
        await step(
          definition,
          deepFreeze(snapshot),
          { type: 'TaskHeartbeat', waitId: waitIdOf(snapshot) },
          env,
        )
      ).snapshot;
    }
    const taskTimer = timers.find((timer) => timer.purpose === 'TaskTimeout')!;
    env.time = T0 + 100_000;
    const fired = await deliver(definition, snapshot, { type: 'TimerFired', waitId: taskTimer.waitId }, env);
    // Heartbeats every 5 s kept the heartbeat alive but do not extend TimeoutSeconds.
    expect(fired.snapshot).toMatchObject({ status: 'SUCCEEDED', output: { verdict: 'ran too long' } });
  });

  it('a heartbeat renews the heartbeat wait: the old timer goes stale, the new one is due later', async () => {
    const { env, trail, timers } = await started();
    const oldTimer = timers.find((timer) => timer.purpose === 'HeartbeatTimeout')!;
    env.time = T0 + 8_000;
    const beat = await step(
      definition,
      deepFreeze(trail.snapshot),
      { type: 'TaskHeartbeat', waitId: waitIdOf(trail.snapshot) },
      env,
    );
    expect(beat.ignored).toBeUndefined();
    const newTimer = beat.effects.find((effect) => effect.type === 'StartTimer');
    expect(newTimer).toMatchObject({ purpose: 'HeartbeatTimeout', dueTime: T0 + 18_000 });
    expect((newTimer as { waitId: string }).waitId).not.toBe(oldTimer.waitId);
    // The task itself keeps its wait: callbacks with the same token still address it.
    expect(waitIdOf(beat.snapshot)).toBe(waitIdOf(trail.snapshot));

    env.time = T0 + 10_000;
    const stale = await step(
      definition,
      deepFreeze(beat.snapshot),
      { type: 'TimerFired', waitId: oldTimer.waitId },
      env,
    );
    expect(stale.ignored).toEqual(expect.any(String));

    env.time = T0 + 18_000;
    const fired = await deliver(
      definition,
      beat.snapshot,
      { type: 'TimerFired', waitId: (newTimer as { waitId: string }).waitId },
      env,
    );
    expect(fired.snapshot).toMatchObject({ status: 'SUCCEEDED', output: { verdict: 'missed heartbeat' } });
  });

  it('without a catcher, a missed heartbeat fails the execution with States.Timeout', async () => {
    const env = testEnv({ now: T0 });
    const bare = taskMachine({
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token' } },
      HeartbeatSeconds: 10,
    });
    const trail = await startAndAdvance(bare, {}, env);
    const heartbeat = lastEffect(trail, 'StartTimer');
    env.time = heartbeat.dueTime;
    const fired = await deliver(bare, trail.snapshot, { type: 'TimerFired', waitId: heartbeat.waitId }, env);
    expect(typesOf(fired)).toEqual(['TaskTimedOut', 'ExecutionFailed']);
    expect(fired.snapshot).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  });

  it('a Retry on States.HeartbeatTimeout runs the task again with a fresh heartbeat', async () => {
    const env = testEnv({ now: T0 });
    const retried = taskMachine({
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token' } },
      HeartbeatSeconds: 10,
      Retry: [{ ErrorEquals: ['States.HeartbeatTimeout'], IntervalSeconds: 1, MaxAttempts: 1 }],
    });
    const trail = await startAndAdvance(retried, {}, env);
    const heartbeat = lastEffect(trail, 'StartTimer');
    env.time = heartbeat.dueTime;
    const fired = await deliver(
      retried,
      trail.snapshot,
      { type: 'TimerFired', waitId: heartbeat.waitId },
      env,
    );
    expect(fired.snapshot.position?.phase.kind).toBe('retrying');
    const retry = lastEffect(fired, 'StartTimer');
    expect(retry).toMatchObject({ purpose: 'Retry', dueTime: heartbeat.dueTime + 1_000 });
  });

  it('TaskSubmitted is recorded once, and the task still waits for its callback', async () => {
    const { env, trail } = await started();
    const waitId = waitIdOf(trail.snapshot);
    const submitted = await step(
      definition,
      deepFreeze(trail.snapshot),
      { type: 'TaskSubmitted', waitId, output: { MessageId: 'm-1' } },
      env,
    );
    expect(submitted.events.map((event) => event.type)).toEqual(['TaskSubmitted']);
    expect(submitted.events[0].details).toMatchObject({ output: { MessageId: 'm-1' } });
    expect(submitted.snapshot.position?.phase).toMatchObject({ kind: 'task', waitId });
    const again = await step(
      definition,
      deepFreeze(submitted.snapshot),
      { type: 'TaskSubmitted', waitId, output: { MessageId: 'm-1' } },
      env,
    );
    expect(again.ignored).toEqual(expect.any(String));
    const done = await deliver(
      definition,
      submitted.snapshot,
      { type: 'TaskSucceeded', waitId, output: { ok: 1 } },
      env,
    );
    expect(typesOf(done)).toEqual(['TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    expect(done.snapshot.output).toEqual({ ok: 1 });
    expect(done.snapshot.id).toBe(EXECUTION_ID);
  });
});

describe('task results and failures', () => {
  it('ResultSelector, ResultPath and OutputPath shape the task result', async () => {
    const env = testEnv();
    const definition = taskMachine({
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'f' },
      ResultSelector: { 'value.$': '$.Payload.v' },
      ResultPath: '$.result',
      OutputPath: '$.result',
    });
    const trail = await startAndAdvance(definition, { in: 1 }, env);
    const done = await deliver(
      definition,
      trail.snapshot,
      {
        type: 'TaskSucceeded',
        waitId: waitIdOf(trail.snapshot),
        output: { Payload: { v: 9 }, StatusCode: 200 },
      },
      env,
    );
    expect(eventsOf(done)[0]).toMatchObject({
      type: 'TaskSucceeded',
      details: { output: { Payload: { v: 9 }, StatusCode: 200 } },
    });
    expect(done.snapshot).toMatchObject({ status: 'SUCCEEDED', output: { value: 9 } });
  });

  it('a TaskFailed without Retry or Catch fails the execution with its error and cause', async () => {
    const env = testEnv();
    const definition = taskMachine({
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'f' },
    });
    const trail = await startAndAdvance(definition, {}, env);
    const failed = await deliver(
      definition,
      trail.snapshot,
      { type: 'TaskFailed', waitId: waitIdOf(trail.snapshot), error: 'Oops', cause: 'bad' },
      env,
    );
    expect(typesOf(failed)).toEqual(['TaskFailed', 'ExecutionFailed']);
    expect(eventsOf(failed)[0].details).toMatchObject({ error: 'Oops', cause: 'bad' });
    expect(eventsOf(failed)[1].details).toEqual({ error: 'Oops', cause: 'bad' });
    expect(failed.snapshot).toMatchObject({ status: 'FAILED', error: 'Oops', cause: 'bad' });
    expect(failed.decisions.at(-1)!.effects).toContainEqual({
      type: 'Finish',
      status: 'FAILED',
      error: 'Oops',
      cause: 'bad',
    });
  });
});
