/**
 * Task tokens through the in-memory driver (invariant I3): a token completes its task at most
 * once; late, repeated and forged callbacks get TaskTimedOut / TaskDoesNotExist / InvalidToken.
 */
import { describe, expect, it } from 'vitest';
import { QuickstepError } from '../../../src/runtime/errors.js';
import type { MemoryDriver } from '../../../src/runtime/memory/memory-driver.js';
import {
  EXECUTION_ID,
  TERMINAL_EVENTS,
  count,
  errorCodeOf,
  historyOf,
  makeDriver,
  recordingHandler,
  snapshotOf,
  startRun,
  typesOf,
} from './helpers.js';

function approvalMachine(task: Record<string, unknown> = {}, last = false) {
  return {
    StartAt: 'Approve',
    States: {
      Approve: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: {
          FunctionName: 'approver',
          Payload: { 'TaskToken.$': '$$.Task.Token', 'order.$': '$.order' },
        },
        ResultPath: '$.approval',
        Catch: [{ ErrorEquals: ['Rejected'], ResultPath: '$.rejection', Next: 'Rejected' }],
        ...(last ? { End: true } : { Next: 'Done' }),
        ...task,
      },
      ...(last ? {} : { Done: { Type: 'Succeed' } }),
      Rejected: { Type: 'Pass', Result: 'rejected', ResultPath: '$.outcome', End: true },
    },
  };
}

/** Starts an approval and runs until it waits for its callback; returns the token the handler saw. */
async function waitingApproval(
  raw: unknown = approvalMachine(),
): Promise<{ driver: MemoryDriver; token: string }> {
  const approver = recordingHandler();
  const driver = makeDriver(raw, { approver: approver.handler });
  await startRun(driver, { order: 7 });
  await driver.runUntilIdle();
  expect(approver.events).toHaveLength(1);
  const payload = approver.events[0] as { TaskToken: string; order: number };
  expect(payload.order).toBe(7);
  return { driver, token: payload.TaskToken };
}

describe('sendTaskSuccess', () => {
  it('completes a waiting lambda:invoke.waitForTaskToken task with the output it sends', async () => {
    const { driver, token } = await waitingApproval();
    expect(snapshotOf(driver).status).toBe('RUNNING');
    expect(typeof token).toBe('string');
    // At least 128 random bits: 22 base64url characters.
    expect(token.length).toBeGreaterThanOrEqual(22);
    expect(typesOf(driver)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
    ]);

    driver.sendTaskSuccess(token, { approved: true });
    await driver.runUntilIdle();
    expect(snapshotOf(driver)).toMatchObject({
      status: 'SUCCEEDED',
      output: { order: 7, approval: { approved: true } },
    });
    const types = typesOf(driver);
    expect(types.slice(5)).toEqual([
      'TaskSucceeded',
      'TaskStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(historyOf(driver).find((event) => event.type === 'TaskSucceeded')?.details).toMatchObject({
      output: { approved: true },
    });
  });

  it('the execution record keeps no copy of the token', async () => {
    const { driver, token } = await waitingApproval();
    expect(JSON.stringify(snapshotOf(driver))).not.toContain(token);
  });

  it('two executions get different tokens', async () => {
    const approver = recordingHandler();
    const driver = makeDriver(approvalMachine(), { approver: approver.handler });
    await startRun(driver, { order: 1 }, `${EXECUTION_ID}-a`);
    await startRun(driver, { order: 2 }, `${EXECUTION_ID}-b`);
    await driver.runUntilIdle();
    const tokens = approver.events.map((event) => (event as { TaskToken: string }).TaskToken);
    expect(new Set(tokens).size).toBe(2);
  });

  it('a second sendTaskSuccess with the same token throws TaskTimedOut', async () => {
    const { driver, token } = await waitingApproval();
    driver.sendTaskSuccess(token, { approved: true });
    await driver.runUntilIdle();
    const error = (() => {
      try {
        driver.sendTaskSuccess(token, { approved: false });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(QuickstepError);
    expect((error as QuickstepError).code).toBe('TaskTimedOut');
    expect(count(typesOf(driver), 'TaskSucceeded')).toBe(1);
  });

  it('a second sendTaskSuccess throws TaskTimedOut when the task was the last state too', async () => {
    const { driver, token } = await waitingApproval(approvalMachine({}, true));
    driver.sendTaskSuccess(token, { approved: true });
    await driver.runUntilIdle();
    expect(snapshotOf(driver).status).toBe('SUCCEEDED');
    expect(errorCodeOf(() => driver.sendTaskSuccess(token, { approved: false }))).toBe('TaskTimedOut');
    expect(errorCodeOf(() => driver.sendTaskFailure(token, 'Late', 'late'))).toBe('TaskTimedOut');
    expect(errorCodeOf(() => driver.sendTaskHeartbeat(token))).toBe('TaskTimedOut');
  });

  it('an unknown token throws TaskDoesNotExist', async () => {
    const { driver, token } = await waitingApproval();
    const forged =
      `${token.slice(0, -4)}AAAA` === token ? `${token.slice(0, -4)}BBBB` : `${token.slice(0, -4)}AAAA`;
    expect(errorCodeOf(() => driver.sendTaskSuccess(forged, {}))).toBe('TaskDoesNotExist');
    expect(errorCodeOf(() => driver.sendTaskFailure(forged, 'E', 'c'))).toBe('TaskDoesNotExist');
    expect(errorCodeOf(() => driver.sendTaskHeartbeat(forged))).toBe('TaskDoesNotExist');
    await driver.runUntilIdle();
    expect(snapshotOf(driver).status).toBe('RUNNING');
  });

  it.each([
    ['an empty token', ''],
    ['a 3,000-character token', 'a'.repeat(3000)],
  ])('%s throws InvalidToken', async (_label, bad) => {
    const { driver } = await waitingApproval();
    expect(errorCodeOf(() => driver.sendTaskSuccess(bad, {}))).toBe('InvalidToken');
    expect(errorCodeOf(() => driver.sendTaskFailure(bad, 'E', 'c'))).toBe('InvalidToken');
    expect(errorCodeOf(() => driver.sendTaskHeartbeat(bad))).toBe('InvalidToken');
  });

  it('two sendTaskSuccess calls racing complete the task exactly once (the first wins)', async () => {
    const { driver, token } = await waitingApproval();
    driver.sendTaskSuccess(token, { approved: 'first' });
    driver.sendTaskSuccess(token, { approved: 'second' });
    await driver.runUntilIdle();
    const types = typesOf(driver);
    expect(count(types, 'TaskSucceeded')).toBe(1);
    expect(count(types, 'ExecutionSucceeded')).toBe(1);
    expect(snapshotOf(driver).output).toEqual({ order: 7, approval: { approved: 'first' } });
  });

  it('a success and a failure racing: one outcome only', async () => {
    const { driver, token } = await waitingApproval();
    driver.sendTaskFailure(token, 'Rejected', 'no');
    driver.sendTaskSuccess(token, { approved: true });
    await driver.runUntilIdle();
    const types = typesOf(driver);
    expect(count(types, 'TaskFailed') + count(types, 'TaskSucceeded')).toBe(1);
    expect(types.filter((type) => TERMINAL_EVENTS.includes(type))).toEqual(['ExecutionSucceeded']);
    expect(snapshotOf(driver).output).toMatchObject({ outcome: 'rejected' });
  });
});

describe('sendTaskFailure', () => {
  it('routes to the matching Catch with {Error, Cause} at its ResultPath', async () => {
    const { driver, token } = await waitingApproval();
    driver.sendTaskFailure(token, 'Rejected', 'too expensive');
    await driver.runUntilIdle();
    expect(snapshotOf(driver)).toMatchObject({
      status: 'SUCCEEDED',
      output: { order: 7, rejection: { Error: 'Rejected', Cause: 'too expensive' }, outcome: 'rejected' },
    });
    expect(historyOf(driver).find((event) => event.type === 'TaskFailed')?.details).toMatchObject({
      error: 'Rejected',
      cause: 'too expensive',
    });
    expect(errorCodeOf(() => driver.sendTaskSuccess(token, {}))).toBe('TaskTimedOut');
  });

  it('an error no catcher matches fails the execution with it', async () => {
    const { driver, token } = await waitingApproval();
    driver.sendTaskFailure(token, 'Other', 'boom');
    await driver.runUntilIdle();
    expect(snapshotOf(driver)).toMatchObject({ status: 'FAILED', error: 'Other', cause: 'boom' });
  });
});

describe('heartbeat timeouts', () => {
  const withHeartbeat = (catchIt: boolean) =>
    approvalMachine({
      HeartbeatSeconds: 5,
      ...(catchIt
        ? {
            Catch: [
              { ErrorEquals: ['States.HeartbeatTimeout'], ResultPath: '$.rejection', Next: 'Rejected' },
            ],
          }
        : { Catch: [{ ErrorEquals: ['NeverThrown'], Next: 'Rejected' }] }),
    });

  it('with nobody calling back, the task times out HeartbeatSeconds after it started (virtual time)', async () => {
    const { driver } = await waitingApproval(withHeartbeat(false));
    const snapshot = snapshotOf(driver);
    // AWS records a missed heartbeat as States.Timeout; States.HeartbeatTimeout is for Retry/Catch.
    expect(snapshot).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    const timedOut = historyOf(driver).find((event) => event.type === 'TaskTimedOut');
    const started = historyOf(driver).find((event) => event.type === 'TaskStarted');
    expect(timedOut!.timestamp - started!.timestamp).toBe(5_000);
  });

  it('a callback after a heartbeat timeout that was caught throws TaskTimedOut', async () => {
    const { driver, token } = await waitingApproval(withHeartbeat(true));
    expect(snapshotOf(driver)).toMatchObject({ status: 'SUCCEEDED', output: { outcome: 'rejected' } });
    expect(errorCodeOf(() => driver.sendTaskSuccess(token, { approved: true }))).toBe('TaskTimedOut');
  });

  it('a callback after a heartbeat timeout that failed the execution throws TaskTimedOut', async () => {
    const { driver, token } = await waitingApproval(withHeartbeat(false));
    expect(snapshotOf(driver).status).toBe('FAILED');
    expect(errorCodeOf(() => driver.sendTaskSuccess(token, { approved: true }))).toBe('TaskTimedOut');
    expect(errorCodeOf(() => driver.sendTaskHeartbeat(token))).toBe('TaskTimedOut');
  });

  it('a heartbeat renews HeartbeatSeconds: a task answered after the first deadline still succeeds', async () => {
    // Branch A waits for its callback (HeartbeatSeconds 10). Branch B moves virtual time on:
    // at 6 s it sends A a heartbeat, at 12 s it answers A. Without the renewal A would time
    // out at 10 s; with it the deadline moved to 16 s.
    let driver: MemoryDriver | undefined;
    let token = '';
    const raw = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Approve',
              States: {
                Approve: {
                  Type: 'Task',
                  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
                  Parameters: { FunctionName: 'approver', Payload: { 'TaskToken.$': '$$.Task.Token' } },
                  HeartbeatSeconds: 10,
                  End: true,
                },
              },
            },
            {
              StartAt: 'Six',
              States: {
                Six: { Type: 'Wait', Seconds: 6, Next: 'Beat' },
                Beat: {
                  Type: 'Task',
                  Resource: 'arn:aws:lambda:us-east-1:123456789012:function:beat',
                  Next: 'Twelve',
                },
                Twelve: { Type: 'Wait', Seconds: 6, Next: 'Answer' },
                Answer: {
                  Type: 'Task',
                  Resource: 'arn:aws:lambda:us-east-1:123456789012:function:answer',
                  End: true,
                },
              },
            },
          ],
          End: true,
        },
      },
    };
    driver = makeDriver(raw, {
      approver: (event) => {
        token = (event as { TaskToken: string }).TaskToken;
        return null;
      },
      beat: () => {
        driver!.sendTaskHeartbeat(token);
        return 'beat';
      },
      answer: () => {
        driver!.sendTaskSuccess(token, 'approved');
        return 'answered';
      },
    });
    await startRun(driver, {});
    await driver.runUntilIdle();
    expect(snapshotOf(driver)).toMatchObject({ status: 'SUCCEEDED', output: ['approved', 'answered'] });
    expect(driver.merged.filter((entry) => entry.event.type === 'TaskTimedOut')).toEqual([]);
  });
});

describe('retried callback tasks', () => {
  it('a retry issues a new token; the old one is refused with TaskTimedOut', async () => {
    const approver = recordingHandler();
    const driver = makeDriver(
      approvalMachine({ Retry: [{ ErrorEquals: ['Again'], IntervalSeconds: 1, MaxAttempts: 1 }] }),
      { approver: approver.handler },
    );
    await startRun(driver, { order: 7 });
    await driver.runUntilIdle();
    const first = (approver.events[0] as { TaskToken: string }).TaskToken;
    driver.sendTaskFailure(first, 'Again', 'once more');
    await driver.runUntilIdle();
    expect(approver.events).toHaveLength(2);
    const second = (approver.events[1] as { TaskToken: string }).TaskToken;
    expect(second).not.toBe(first);
    expect(errorCodeOf(() => driver.sendTaskSuccess(first, 'stale'))).toBe('TaskTimedOut');
    driver.sendTaskSuccess(second, { approved: true });
    await driver.runUntilIdle();
    expect(snapshotOf(driver)).toMatchObject({
      status: 'SUCCEEDED',
      output: { approval: { approved: true } },
    });
  });
});

describe('callbacks on a stopped execution', () => {
  it('a callback for a task whose execution was stopped throws TaskTimedOut', async () => {
    const { driver, token } = await waitingApproval();
    driver.stop(EXECUTION_ID);
    await driver.runUntilIdle();
    expect(snapshotOf(driver).status).toBe('ABORTED');
    expect(errorCodeOf(() => driver.sendTaskSuccess(token, { approved: true }))).toBe('TaskTimedOut');
  });
});
