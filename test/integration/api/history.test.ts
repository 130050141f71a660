/** GetExecutionHistory through @aws-sdk/client-sfn: Step Functions' event shapes, paging both ways. */
import {
  CreateStateMachineCommand,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { endedExecution, eventually, refusal, roleArn, useApi } from './api-harness.js';
import { doubleIt, waitsForToken } from './fixtures/definitions.js';

const api = useApi();
let doubler: string;
let waiter: string;

beforeAll(async () => {
  const create = async (name: string, definition: string) =>
    (await api.client.send(new CreateStateMachineCommand({ name, definition, roleArn }))).stateMachineArn!;
  doubler = await create('doubler', doubleIt);
  waiter = await create('waiter', waitsForToken());
});

const ended = (executionArn: string) => endedExecution(api.client, executionArn);

describe('GetExecutionHistory', () => {
  let events: HistoryEvent[];
  let executionArn: string;

  beforeAll(async () => {
    executionArn = (
      await api.client.send(new StartExecutionCommand({ stateMachineArn: doubler, input: '{"value":3}' }))
    ).executionArn!;
    await ended(executionArn);
    events = (await api.client.send(new GetExecutionHistoryCommand({ executionArn }))).events!;
  });

  it('gives the events in order, each with its type-named details member and JSON as text', () => {
    expect(events.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events.map((event) => [event.id, event.previousEventId])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 3],
      [5, 4],
      [6, 5],
      [7, 6],
    ]);
    for (const event of events) expect(event.timestamp).toBeInstanceOf(Date);
    expect(events[0].executionStartedEventDetails).toMatchObject({
      input: '{"value":3}',
      roleArn: expect.any(String),
    });
    expect(events[1].stateEnteredEventDetails).toEqual({
      name: 'Double',
      input: '{"value":3}',
      inputDetails: { truncated: false },
    });
    expect(events[2].lambdaFunctionScheduledEventDetails).toMatchObject({
      resource: 'arn:aws:lambda:us-east-1:123456789012:function:double',
      input: '{"value":3}',
    });
    expect(events[3]).not.toHaveProperty('lambdaFunctionStartedEventDetails');
    expect(events[4].lambdaFunctionSucceededEventDetails?.output).toBe('{"value":6}');
    expect(events[5].stateExitedEventDetails).toMatchObject({ name: 'Double', output: '{"value":6}' });
    expect(events[6].executionSucceededEventDetails?.output).toBe('{"value":6}');
  });

  it('pages forward and in reverse, and leaves out the data when asked', async () => {
    const reverse = await api.client.send(
      new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 3 }),
    );
    expect(reverse.events!.map((event) => event.id)).toEqual([7, 6, 5]);
    const rest = await api.client.send(
      new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, nextToken: reverse.nextToken }),
    );
    expect(rest.events!.map((event) => event.id)).toEqual([4, 3, 2, 1]);
    expect(rest.nextToken).toBeUndefined();

    const bare = await api.client.send(
      new GetExecutionHistoryCommand({ executionArn, includeExecutionData: false }),
    );
    expect(bare.events![0].executionStartedEventDetails).not.toHaveProperty('input');
    expect(bare.events![1].stateEnteredEventDetails).toEqual({ name: 'Double' });
  });

  it('records a task integration as TaskScheduled with its parameters as text', async () => {
    const { executionArn: waiting } = await api.client.send(
      new StartExecutionCommand({ stateMachineArn: waiter, input: '{"order":9}' }),
    );
    const scheduled = await eventually(async () => {
      const history = await api.client.send(new GetExecutionHistoryCommand({ executionArn: waiting }));
      return history.events!.find((event) => event.type === 'TaskScheduled');
    }, 'TaskScheduled');
    const details = scheduled.taskScheduledEventDetails!;
    expect(details).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke.waitForTaskToken',
      region: 'us-east-1',
    });
    expect(JSON.parse(details.parameters!)).toMatchObject({
      FunctionName: 'recordToken',
      Payload: { order: 9 },
    });
    await api.client.send(new StopExecutionCommand({ executionArn: waiting }));
  });

  it('refuses an unknown execution and a forged page token', async () => {
    const unknown = await refusal(
      api.client.send(new GetExecutionHistoryCommand({ executionArn: `${executionArn}-x` })),
    );
    expect(unknown.name).toBe('ExecutionDoesNotExist');
    const forged = await refusal(
      api.client.send(new GetExecutionHistoryCommand({ executionArn, nextToken: 'eyJwayI6IngifQ' })),
    );
    expect(forged.name).toBe('InvalidToken');
  });
});
