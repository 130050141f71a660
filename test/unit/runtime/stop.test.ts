/**
 * Stopping executions through the in-memory driver: ABORTED with one ExecutionAborted, running
 * children stopped, and whatever arrives afterwards (completions, callbacks, timers) changes
 * nothing. Every execution ends in exactly one terminal status (I1, I5).
 */
import { describe, expect, it } from 'vitest';
import type { MemoryDriver } from '../../../src/runtime/memory/memory-driver.js';
import {
  EXECUTION_ID,
  T0,
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

const callbackTask = {
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
  Parameters: { FunctionName: 'approver', Payload: { 'TaskToken.$': '$$.Task.Token', 'item.$': '$' } },
};

const approval = {
  StartAt: 'Approve',
  States: { Approve: { ...callbackTask, Next: 'Done' }, Done: { Type: 'Succeed' } },
};

function terminalEvents(driver: MemoryDriver, id = EXECUTION_ID): string[] {
  return typesOf(driver, id).filter((type) => TERMINAL_EVENTS.includes(type));
}

function childIds(driver: MemoryDriver): string[] {
  return [...driver.executions.keys()].filter((id) => id.startsWith(`${EXECUTION_ID}/`));
}

async function waitingApproval() {
  const approver = recordingHandler();
  const driver = makeDriver(approval, { approver: approver.handler });
  await startRun(driver, { order: 1 });
  await driver.runUntilIdle();
  const token = (approver.events[0] as { TaskToken: string }).TaskToken;
  return { driver, token };
}

describe('stop', () => {
  it('ends a running execution ABORTED with one ExecutionAborted event, its last', async () => {
    const { driver } = await waitingApproval();
    driver.stop(EXECUTION_ID, 'Operator.Stop', 'no longer needed');
    driver.stop(EXECUTION_ID);
    await driver.runUntilIdle();
    expect(snapshotOf(driver)).toMatchObject({
      status: 'ABORTED',
      error: 'Operator.Stop',
      cause: 'no longer needed',
      stopTime: T0,
    });
    expect(terminalEvents(driver)).toEqual(['ExecutionAborted']);
    expect(typesOf(driver).at(-1)).toBe('ExecutionAborted');
    expect(historyOf(driver).at(-1)?.details).toMatchObject({
      error: 'Operator.Stop',
      cause: 'no longer needed',
    });
  });

  it('on a finished execution changes nothing', async () => {
    const { driver, token } = await waitingApproval();
    driver.sendTaskSuccess(token, 'ok');
    await driver.runUntilIdle();
    const before = typesOf(driver);
    driver.stop(EXECUTION_ID);
    await driver.runUntilIdle();
    expect(snapshotOf(driver).status).toBe('SUCCEEDED');
    expect(typesOf(driver)).toEqual(before);
  });

  it('a request-response task finishing after the stop is ignored', async () => {
    const work = recordingHandler({ done: true });
    const driver = makeDriver(
      {
        StartAt: 'Work',
        States: {
          Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:work', End: true },
        },
      },
      { work: work.handler },
    );
    await startRun(driver, {});
    driver.stop(EXECUTION_ID);
    await driver.runUntilIdle();
    expect(work.events).toHaveLength(1);
    expect(snapshotOf(driver).status).toBe('ABORTED');
    expect(typesOf(driver)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'ExecutionAborted',
    ]);
  });
});

describe('a stop racing a task completion', () => {
  it.each([
    [
      'completion queued first',
      (driver: MemoryDriver, token: string) => {
        driver.sendTaskSuccess(token, 'ok');
        driver.stop(EXECUTION_ID);
      },
    ],
    [
      'stop queued first',
      (driver: MemoryDriver, token: string) => {
        driver.stop(EXECUTION_ID);
        driver.sendTaskSuccess(token, 'ok');
      },
    ],
    [
      'failure and stop',
      (driver: MemoryDriver, token: string) => {
        driver.sendTaskFailure(token, 'E', 'c');
        driver.stop(EXECUTION_ID);
      },
    ],
  ])('%s: exactly one terminal status and event', async (_label, race) => {
    const { driver, token } = await waitingApproval();
    race(driver, token);
    await driver.runUntilIdle();
    const status = snapshotOf(driver).status;
    const terminal = terminalEvents(driver);
    expect(terminal).toHaveLength(1);
    expect(terminal[0]).toBe(
      { SUCCEEDED: 'ExecutionSucceeded', FAILED: 'ExecutionFailed', ABORTED: 'ExecutionAborted' }[
        status as 'SUCCEEDED' | 'FAILED' | 'ABORTED'
      ],
    );
    expect(typesOf(driver).at(-1)).toBe(terminal[0]);
    expect(
      count(typesOf(driver), 'TaskSucceeded') + count(typesOf(driver), 'TaskFailed'),
    ).toBeLessThanOrEqual(1);
  });

  it('stop queued first wins', async () => {
    const { driver, token } = await waitingApproval();
    driver.stop(EXECUTION_ID);
    driver.sendTaskSuccess(token, 'ok');
    await driver.runUntilIdle();
    expect(snapshotOf(driver).status).toBe('ABORTED');
    expect(count(typesOf(driver), 'TaskSucceeded')).toBe(0);
  });
});

describe('stopping a Map', () => {
  const mapOfCallbacks = {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemProcessor: { StartAt: 'Approve', States: { Approve: { ...callbackTask, End: true } } },
        End: true,
      },
    },
  };

  it('stops its running children; their later callbacks change nothing', async () => {
    const approver = recordingHandler();
    const driver = makeDriver(mapOfCallbacks, { approver: approver.handler });
    await startRun(driver, [1, 2, 3]);
    await driver.runUntilIdle();
    expect(childIds(driver)).toHaveLength(3);
    const tokens = approver.events.map((event) => (event as { TaskToken: string }).TaskToken);
    expect(tokens).toHaveLength(3);

    driver.stop(EXECUTION_ID);
    await driver.runUntilIdle();
    expect(snapshotOf(driver).status).toBe('ABORTED');
    for (const id of childIds(driver)) expect(snapshotOf(driver, id).status).toBe('ABORTED');
    const parentHistory = typesOf(driver);
    expect(parentHistory.at(-1)).toBe('ExecutionAborted');

    for (const token of tokens) {
      try {
        driver.sendTaskSuccess(token, 'late');
      } catch {
        // Refusing the late callback is right too (see callbacks.test.ts).
      }
    }
    await driver.runUntilIdle();
    expect(typesOf(driver)).toEqual(parentHistory);
    for (const id of childIds(driver)) {
      expect(snapshotOf(driver, id).status).toBe('ABORTED');
      expect(count(typesOf(driver, id), 'TaskSucceeded')).toBe(0);
    }
  });

  it('late callbacks for the stopped children throw TaskTimedOut', async () => {
    const approver = recordingHandler();
    const driver = makeDriver(mapOfCallbacks, { approver: approver.handler });
    await startRun(driver, [1, 2]);
    await driver.runUntilIdle();
    driver.stop(EXECUTION_ID);
    await driver.runUntilIdle();
    const token = (approver.events[0] as { TaskToken: string }).TaskToken;
    expect(errorCodeOf(() => driver.sendTaskSuccess(token, 'late'))).toBe('TaskTimedOut');
  });

  it('completions of children that finished around the stop are ignored', async () => {
    // Iteration i waits i seconds; the stop is sent when the first iteration is recorded done.
    let driver: MemoryDriver | undefined;
    let stopped = false;
    driver = makeDriver(
      {
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            ItemProcessor: {
              StartAt: 'Pause',
              States: { Pause: { Type: 'Wait', SecondsPath: '$', End: true } },
            },
            End: true,
          },
        },
      },
      {},
      {
        onHistoryEvent: (executionId, event) => {
          if (!stopped && executionId === EXECUTION_ID && event.type === 'MapIterationSucceeded') {
            stopped = true;
            driver!.stop(EXECUTION_ID);
          }
        },
      },
    );
    await startRun(driver, [1, 2, 3, 4, 5, 6]);
    await driver.runUntilIdle();
    expect(stopped).toBe(true);
    expect(snapshotOf(driver).status).toBe('ABORTED');
    const types = typesOf(driver);
    expect(types.at(-1)).toBe('ExecutionAborted');
    expect(count(types, 'MapIterationSucceeded')).toBe(1);
    expect(count(types, 'MapStateSucceeded')).toBe(0);
    const statuses = childIds(driver).map((id) => snapshotOf(driver!, id).status);
    expect(statuses.filter((status) => status === 'SUCCEEDED')).toHaveLength(1);
    expect(statuses.filter((status) => status === 'ABORTED')).toHaveLength(5);
  });

  it('the execution TimeoutSeconds stops running children too', async () => {
    const driver = makeDriver({
      TimeoutSeconds: 10,
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'Long', States: { Long: { Type: 'Wait', Seconds: 60, End: true } } },
          End: true,
        },
      },
    });
    await startRun(driver, [1, 2, 3]);
    await driver.runUntilIdle();
    expect(snapshotOf(driver)).toMatchObject({
      status: 'TIMED_OUT',
      error: 'States.Timeout',
      stopTime: T0 + 10_000,
    });
    expect(terminalEvents(driver)).toEqual(['ExecutionTimedOut']);
    expect(typesOf(driver).at(-1)).toBe('ExecutionTimedOut');
    for (const id of childIds(driver)) expect(snapshotOf(driver, id).status).toBe('ABORTED');
  });
});
