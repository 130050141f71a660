/** RedriveExecution through the real SDK: a failed execution resumes at the failed state, same ARN. */
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  RedriveExecutionCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { roleArn, useApi } from './api-harness.js';

const api = useApi();

const definition = JSON.stringify({
  StartAt: 'Flaky',
  States: {
    Flaky: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:failFirstCall',
      Parameters: { key: 'redrive-api', 'redriveCount.$': '$$.Execution.RedriveCount' },
      End: true,
    },
  },
});

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 500 && !(await check()); tries++)
    await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('RedriveExecution', () => {
  it('resumes a FAILED execution under the same ARN; a SUCCEEDED one is ExecutionNotRedrivable', async () => {
    const { client } = api;
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({ name: 'redrivable', definition, roleArn }),
    );
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn, name: 'once' }));
    const status = async () => (await client.send(new DescribeExecutionCommand({ executionArn }))).status;
    await until(async () => (await status()) !== 'RUNNING');
    expect(await status()).toBe('FAILED');

    const { redriveDate } = await client.send(new RedriveExecutionCommand({ executionArn }));
    expect(redriveDate).toBeInstanceOf(Date);
    await until(async () => (await status()) !== 'RUNNING');
    const described = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.status).toBe('SUCCEEDED');
    expect(described.redriveCount).toBe(1);
    expect(JSON.parse(described.output ?? 'null')).toEqual({ key: 'redrive-api', attempt: 'second' });

    const { events = [] } = await client.send(
      new GetExecutionHistoryCommand({ executionArn, maxResults: 100 }),
    );
    const types = events.map((event) => event.type);
    expect(types.indexOf('ExecutionFailed')).toBeLessThan(types.indexOf('ExecutionRedriven'));
    expect(types.at(-1)).toBe('ExecutionSucceeded');

    const refusal = await client
      .send(new RedriveExecutionCommand({ executionArn }))
      .catch((error: Error) => error);
    expect((refusal as Error).name).toBe('ExecutionNotRedrivable');
  });
});
