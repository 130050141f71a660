/**
 * GetExecutionHistory of an execution with Parallel and Map states, through @aws-sdk/client-sfn:
 * branch and iteration events (child executions of their own) merged into the parent's history
 * as Step Functions shows them, renumbered, and paged either way over the merged view.
 */
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  RedriveExecutionCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { endedExecution, eventually, roleArn, useApi } from './api-harness.js';

const api = useApi();
const lambda = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

/** A Parallel of two branches, then a Map of 3 (two at a time) whose iterations hold a Parallel. */
const definition = JSON.stringify({
  StartAt: 'Both',
  States: {
    Both: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Left', States: { Left: { Type: 'Pass', Result: 'left', End: true } } },
        { StartAt: 'Right', States: { Right: { Type: 'Task', Resource: lambda('double'), End: true } } },
      ],
      ResultPath: null,
      Next: 'Each',
    },
    Each: {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 2,
      ItemProcessor: {
        StartAt: 'Double',
        States: {
          Double: { Type: 'Task', Resource: lambda('double'), Next: 'Inner' },
          Inner: {
            Type: 'Parallel',
            Branches: [{ StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } }],
            End: true,
          },
        },
      },
      End: true,
    },
  },
});

async function history(executionArn: string, options: { reverseOrder?: boolean; maxResults?: number } = {}) {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await api.client.send(
      new GetExecutionHistoryCommand({ executionArn, nextToken, ...options }),
    );
    if (options.maxResults) expect(page.events!.length).toBeLessThanOrEqual(options.maxResults);
    events.push(...page.events!);
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

describe('GetExecutionHistory with Parallel and Map', () => {
  let executionArn: string;
  let events: HistoryEvent[];

  beforeAll(async () => {
    const { stateMachineArn } = await api.client.send(
      new CreateStateMachineCommand({ name: 'fan-out', definition, roleArn }),
    );
    ({ executionArn } = (await api.client.send(
      new StartExecutionCommand({
        stateMachineArn,
        input: JSON.stringify({ value: 1, items: [{ value: 10 }, { value: 20 }, { value: 30 }] }),
      }),
    )) as { executionArn: string });
    expect((await endedExecution(api.client, executionArn)).status).toBe('SUCCEEDED');
    events = await history(executionArn);
  });

  const ofType = (type: string) => events.filter((event) => event.type === type);
  const position = (event: HistoryEvent | undefined) => events.indexOf(event!);

  it('shows every branch and iteration event between the state started and succeeded events', () => {
    const types = events.map((event) => event.type);
    expect(types.slice(0, 3)).toEqual(['ExecutionStarted', 'ParallelStateEntered', 'ParallelStateStarted']);
    expect(types.at(-1)).toBe('ExecutionSucceeded');
    const branchStates = events
      .slice(position(ofType('ParallelStateStarted')[0]), position(ofType('ParallelStateSucceeded')[0]))
      .flatMap((event) => event.stateEnteredEventDetails?.name ?? []);
    expect(branchStates.sort()).toEqual(['Left', 'Right']);
    // Three iterations, each a Task and an inner Parallel with one Pass branch.
    expect(
      ofType('TaskStateEntered').filter((e) => e.stateEnteredEventDetails?.name === 'Double'),
    ).toHaveLength(3);
    expect(
      ofType('PassStateEntered').filter((e) => e.stateEnteredEventDetails?.name === 'Echo'),
    ).toHaveLength(3);
    const mapStarted = position(ofType('MapStateStarted')[0]);
    const mapSucceeded = position(ofType('MapStateSucceeded')[0]);
    expect(ofType('MapStateStarted')[0].mapStateStartedEventDetails).toEqual({ length: 3 });
    for (const echo of ofType('PassStateEntered').filter(
      (e) => e.stateEnteredEventDetails?.name === 'Echo',
    )) {
      expect(position(echo)).toBeGreaterThan(mapStarted);
      expect(position(echo)).toBeLessThan(mapSucceeded);
    }
  });

  it("puts each iteration's events after its MapIterationStarted and before its MapIterationSucceeded", () => {
    for (const index of [0, 1, 2]) {
      const started = ofType('MapIterationStarted').find(
        (e) => e.mapIterationStartedEventDetails?.index === index,
      );
      const succeeded = ofType('MapIterationSucceeded').find(
        (e) => e.mapIterationSucceededEventDetails?.index === index,
      );
      expect(started?.mapIterationStartedEventDetails).toEqual({ name: 'Each', index });
      const entered = ofType('TaskStateEntered').find(
        (e) => e.stateEnteredEventDetails?.input === JSON.stringify({ value: (index + 1) * 10 }),
      );
      expect(position(started)).toBeLessThan(position(entered));
      expect(position(entered)).toBeLessThan(position(succeeded));
      // The iteration's first event was caused by its MapIterationStarted.
      expect(entered?.previousEventId).toBe(started?.id);
    }
  });

  it('numbers the merged events 1..n, each previousEventId naming an earlier event', () => {
    expect(events.map((event) => event.id)).toEqual(events.map((_, i) => i + 1));
    expect(events[0].previousEventId).toBe(0);
    for (const event of events.slice(1)) {
      expect(event.previousEventId).toBeGreaterThan(0);
      expect(event.previousEventId).toBeLessThan(event.id!);
    }
  });

  it('pages over the merged view forward and in reverse, every event exactly once', async () => {
    expect(await history(executionArn, { maxResults: 4 })).toEqual(events);
    expect(await history(executionArn, { maxResults: 7, reverseOrder: true })).toEqual(
      events.slice().reverse(),
    );
  });
});

describe('GetExecutionHistory of a Map still running', () => {
  it('shows the iterations so far, then their ends once they come', async () => {
    const waits = JSON.stringify({
      StartAt: 'Approvals',
      States: {
        Approvals: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'Approve',
            States: {
              Approve: {
                Type: 'Task',
                Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
                Parameters: { FunctionName: 'recordToken', Payload: { 'token.$': '$$.Task.Token' } },
                End: true,
              },
            },
          },
          End: true,
        },
      },
    });
    const { stateMachineArn } = await api.client.send(
      new CreateStateMachineCommand({ name: 'approvals-map', definition: waits, roleArn }),
    );
    const { executionArn } = await api.client.send(
      new StartExecutionCommand({ stateMachineArn, input: '[{"order":1},{"order":2}]' }),
    );
    const scheduled = await eventually(async () => {
      const found = (await history(executionArn!)).filter((event) => event.type === 'TaskScheduled');
      return found.length === 2 ? found : undefined;
    }, 'both iterations to wait');
    const running = await history(executionArn!);
    expect(running.filter((event) => event.type === 'MapIterationStarted')).toHaveLength(2);
    expect(running.some((event) => event.type === 'MapIterationSucceeded')).toBe(false);

    for (const event of scheduled) {
      const taskToken = JSON.parse(event.taskScheduledEventDetails!.parameters!).Payload.token as string;
      await api.client.send(new SendTaskSuccessCommand({ taskToken, output: '{"approved":true}' }));
    }
    expect((await endedExecution(api.client, executionArn!)).status).toBe('SUCCEEDED');
    const ended = await history(executionArn!);
    expect(ended.filter((event) => event.type === 'MapIterationSucceeded')).toHaveLength(2);
    expect(ended.filter((event) => event.type === 'TaskSucceeded')).toHaveLength(2);
    expect(ended.map((event) => event.type).slice(-3)).toEqual([
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ]);
  });
});

describe('GetExecutionHistory of a redriven Map', () => {
  it('shows the re-run iterations after ExecutionRedriven, under their new MapIterationStarted', async () => {
    const retried = JSON.stringify({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'Flaky',
            States: { Flaky: { Type: 'Task', Resource: lambda('failFirstCall'), End: true } },
          },
          End: true,
        },
      },
    });
    const { stateMachineArn } = await api.client.send(
      new CreateStateMachineCommand({ name: 'flaky-map', definition: retried, roleArn }),
    );
    const { executionArn } = await api.client.send(
      new StartExecutionCommand({ stateMachineArn, input: '[{"key":"merged-a"},{"key":"merged-b"}]' }),
    );
    expect((await endedExecution(api.client, executionArn!)).status).toBe('FAILED');
    await api.client.send(new RedriveExecutionCommand({ executionArn }));
    await eventually(async () => {
      const { status } = await api.client.send(new DescribeExecutionCommand({ executionArn }));
      return status === 'SUCCEEDED' ? status : undefined;
    }, 'the redriven execution to succeed');
    const events = await history(executionArn!);
    const types = events.map((event) => event.type);
    const redriven = types.indexOf('ExecutionRedriven');
    expect(types.slice(0, redriven)).toContain('MapIterationFailed');
    const rerun = events.slice(redriven);
    // Every iteration that had not succeeded (failed, or stopped with it) runs again.
    const succeededBefore = events
      .slice(0, redriven)
      .flatMap((event) => event.mapIterationSucceededEventDetails?.index ?? []);
    const restarted = rerun.flatMap((event) => event.mapIterationStartedEventDetails?.index ?? []);
    expect(restarted.sort()).toEqual([0, 1].filter((index) => !succeededBefore.includes(index)));
    const succeeded = rerun.filter((event) => event.type === 'LambdaFunctionSucceeded');
    expect(
      succeeded.map((event) => JSON.parse(event.lambdaFunctionSucceededEventDetails!.output!).attempt),
    ).toEqual(succeeded.map(() => 'second'));
    expect(succeeded.length).toBeGreaterThan(0);
    expect(types.slice(-3)).toEqual(['MapStateSucceeded', 'MapStateExited', 'ExecutionSucceeded']);
    expect(events.map((event) => event.id)).toEqual(events.map((_, i) => i + 1));
  });
});
