/** ListExecutions and GetExecutionHistory page through 1,000 items: every item exactly once, in order. */
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  ListExecutionsCommand,
  type ExecutionListItem,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { eventually, roleArn, useApi } from './api-harness.js';
import { loops, passThrough } from './fixtures/definitions.js';

// Pure states fused into one decision each: the same history, far fewer messages.
const api = useApi({ settings: { fuseStates: 50 } });

async function listAll(request: {
  stateMachineArn: string;
  maxResults?: number;
  statusFilter?: 'SUCCEEDED';
}) {
  const items: ExecutionListItem[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await api.client.send(new ListExecutionsCommand({ ...request, nextToken }));
    items.push(...page.executions!);
    nextToken = page.nextToken;
    pages++;
  } while (nextToken);
  return { items, pages };
}

async function historyAll(executionArn: string, maxResults: number, reverseOrder = false) {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await api.client.send(
      new GetExecutionHistoryCommand({ executionArn, maxResults, reverseOrder, nextToken }),
    );
    expect(page.events!.length).toBeLessThanOrEqual(maxResults);
    events.push(...page.events!);
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

describe('ListExecutions across 1,000 executions', () => {
  it('lists every execution exactly once, newest first, whatever the page size', async () => {
    const { stateMachineArn } = await api.client.send(
      new CreateStateMachineCommand({ name: 'many', definition: passThrough, roleArn }),
    );
    const started = new Set<string>();
    for (let batch = 0; batch < 50; batch++) {
      const arns = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api.client.send(new StartExecutionCommand({ stateMachineArn, name: `run-${batch * 20 + i}` })),
        ),
      );
      for (const { executionArn } of arns) started.add(executionArn!);
    }
    expect(started.size).toBe(1000);

    for (const maxResults of [77, undefined, 1000]) {
      const { items, pages } = await listAll({ stateMachineArn: stateMachineArn!, maxResults });
      const arns = items.map((item) => item.executionArn!);
      expect(arns.length).toBe(1000);
      expect(new Set(arns)).toEqual(started);
      expect(pages).toBe(Math.ceil(1000 / (maxResults ?? 100)));
      const dates = items.map((item) => item.startDate!.getTime());
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
    }

    const last = [...started].pop()!;
    await eventually(async () => {
      const { status } = await api.client.send(new DescribeExecutionCommand({ executionArn: last }));
      return status === 'SUCCEEDED' ? true : undefined;
    }, 'the executions to finish');
    await api.stack.settle();
    const succeeded = await listAll({
      stateMachineArn: stateMachineArn!,
      maxResults: 250,
      statusFilter: 'SUCCEEDED',
    });
    expect(new Set(succeeded.items.map((item) => item.executionArn!))).toEqual(started);
    expect(succeeded.items.length).toBe(1000);
  });
});

describe('GetExecutionHistory across 1,000 events', () => {
  it('gives every event exactly once, forward and in reverse', async () => {
    const { stateMachineArn } = await api.client.send(
      new CreateStateMachineCommand({ name: 'long', definition: loops(250), roleArn }),
    );
    const { executionArn } = await api.client.send(
      new StartExecutionCommand({ stateMachineArn, input: '{"n":0}' }),
    );
    await eventually(
      async () => {
        const { status } = await api.client.send(new DescribeExecutionCommand({ executionArn }));
        return status === 'RUNNING' ? undefined : status;
      },
      'the loop to end',
      60_000,
    );
    const forward = await historyAll(executionArn!, 37);
    const total = forward.length;
    expect(total).toBeGreaterThanOrEqual(1000);
    expect(forward.map((event) => event.id)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(forward.at(-1)!.type).toBe('ExecutionSucceeded');
    expect(forward.at(-1)!.executionSucceededEventDetails!.output).toBe('{"n":250}');

    const reverse = await historyAll(executionArn!, 1000, true);
    expect(reverse.map((event) => event.id)).toEqual(Array.from({ length: total }, (_, i) => total - i));
    const byDefault = await historyAll(executionArn!, 100);
    expect(byDefault.length).toBe(total);
  });
});
