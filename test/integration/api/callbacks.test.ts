/**
 * `.waitForTaskToken` tasks completed through SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat,
 * the token handed to a local Lambda as a worker would receive it. Time is virtual: the test holds
 * the clock while it plays the worker, and lets go to let heartbeat timeouts happen.
 */
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/adapters/local/clock/virtual-clock.js';
import { endedExecution, eventually, refusal, roleArn, useApi } from './api-harness.js';
import { waitsForToken } from './fixtures/definitions.js';
import { receivedTokens } from './fixtures/functions.js';

const api = useApi();
let approval: string;
let heartbeats: string;

beforeAll(async () => {
  const create = async (name: string, definition: string) =>
    (await api.client.send(new CreateStateMachineCommand({ name, definition, roleArn }))).stateMachineArn!;
  approval = await create('approval', waitsForToken());
  heartbeats = await create('heartbeats', waitsForToken({ heartbeatSeconds: 30 }));
});

/** Starts an execution and returns it with the token its Lambda was handed. */
async function startWaiting(stateMachineArn: string, order: number) {
  const before = receivedTokens.length;
  const { executionArn } = await api.client.send(
    new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ order }) }),
  );
  const token = await eventually(async () => receivedTokens[before], 'the Lambda to receive the token');
  return { executionArn: executionArn!, token };
}

const describeExecution = (executionArn: string) =>
  api.client.send(new DescribeExecutionCommand({ executionArn }));

const ended = (executionArn: string) => endedExecution(api.client, executionArn);

const success = (taskToken: string, output = '{"approved":true}') =>
  api.client.send(new SendTaskSuccessCommand({ taskToken, output }));

describe('SendTaskSuccess', () => {
  it('completes the task once: the execution resumes with the output, a second call is TaskTimedOut', async () => {
    const { executionArn, token } = await startWaiting(approval, 1);
    expect((await describeExecution(executionArn)).status).toBe('RUNNING');
    await success(token);
    const described = await ended(executionArn);
    expect(described).toMatchObject({ status: 'SUCCEEDED', output: '{"approved":true}' });
    const again = await refusal(success(token));
    expect(again.name).toBe('TaskTimedOut');
  });

  it('refuses output that is not JSON (InvalidOutput) and leaves the task open', async () => {
    const { executionArn, token } = await startWaiting(approval, 2);
    const refused = await refusal(success(token, '{not json'));
    expect(refused.name).toBe('InvalidOutput');
    expect((await describeExecution(executionArn)).status).toBe('RUNNING');
    await success(token, '{"second":"try"}');
    expect((await ended(executionArn)).output).toBe('{"second":"try"}');
  });

  it('answers TaskDoesNotExist for a token never issued, InvalidToken for a malformed one', async () => {
    const unknown = await refusal(success('a'.repeat(64)));
    expect(unknown.name).toBe('TaskDoesNotExist');
    const malformed = await refusal(success('t'.repeat(3000)));
    expect(malformed.name).toBe('InvalidToken');
    const missing = await refusal(
      api.client.send(new SendTaskSuccessCommand({ output: '{}' } as { taskToken: string; output: string })),
    );
    expect(missing).toMatchObject({ name: 'ValidationException', message: 'taskToken is required' });
  });
});

describe('SendTaskFailure', () => {
  it('fails the task with the error and cause given; the execution fails with them', async () => {
    const { executionArn, token } = await startWaiting(approval, 3);
    await api.client.send(
      new SendTaskFailureCommand({ taskToken: token, error: 'Rejected', cause: 'over budget' }),
    );
    expect(await ended(executionArn)).toMatchObject({
      status: 'FAILED',
      error: 'Rejected',
      cause: 'over budget',
    });
    const late = await refusal(api.client.send(new SendTaskFailureCommand({ taskToken: token })));
    expect(late.name).toBe('TaskTimedOut');
  });

  it('refuses an error name over 256 characters', async () => {
    const refused = await refusal(
      api.client.send(new SendTaskFailureCommand({ taskToken: 'x', error: 'E'.repeat(257) })),
    );
    expect(refused.name).toBe('ValidationException');
  });
});

describe('SendTaskHeartbeat and HeartbeatSeconds', () => {
  /** Seconds from the task's scheduling to its timing out, read from the history. */
  async function secondsToTimeout(executionArn: string): Promise<number> {
    const { events } = await api.client.send(new GetExecutionHistoryCommand({ executionArn }));
    const at = (type: string) => events!.find((event) => event.type === type)!.timestamp!.getTime();
    return (at('TaskTimedOut') - at('TaskScheduled')) / 1000;
  }

  it('times a task out when no heartbeat comes; late callbacks are then TaskTimedOut', async () => {
    const { executionArn, token } = await startWaiting(heartbeats, 4);
    const described = await ended(executionArn);
    expect(described).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(await secondsToTimeout(executionArn)).toBe(30);
    expect((await refusal(api.client.send(new SendTaskHeartbeatCommand({ taskToken: token })))).name).toBe(
      'TaskTimedOut',
    );
    expect((await refusal(success(token))).name).toBe('TaskTimedOut');
  });

  it('pushes the heartbeat deadline back with each heartbeat', async () => {
    const clock = api.stack.clock;
    if (!(clock instanceof VirtualClock)) throw new Error('this test needs the virtual clock');
    const release = clock.hold();
    let executionArn: string;
    try {
      const started = await startWaiting(heartbeats, 5);
      executionArn = started.executionArn;
      clock.advanceBy(20_000);
      await api.client.send(new SendTaskHeartbeatCommand({ taskToken: started.token }));
    } finally {
      release();
    }
    // Without the heartbeat at 20 s the task would time out at 30 s; with it, at 20 + 30 s.
    expect(await ended(executionArn)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(await secondsToTimeout(executionArn)).toBe(50);
  });

  it('accepts a heartbeat for an open task without HeartbeatSeconds, which changes nothing', async () => {
    const { executionArn, token } = await startWaiting(approval, 6);
    await api.client.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    expect((await describeExecution(executionArn)).status).toBe('RUNNING');
    await success(token);
    expect((await ended(executionArn)).status).toBe('SUCCEEDED');
  });
});
