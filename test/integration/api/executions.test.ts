/** Executions through @aws-sdk/client-sfn: start (idempotent), sync start, describe, stop, list. */
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  ListExecutionsCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { endedExecution, refusal, roleArn, useApi } from './api-harness.js';
import { doubleIt, explodes, waitsForToken } from './fixtures/definitions.js';

const api = useApi();
let doubler: string;
let exploder: string;
let waiter: string;
let expressDoubler: string;
let expressExploder: string;

beforeAll(async () => {
  const create = async (name: string, definition: string, type?: 'EXPRESS') =>
    (await api.client.send(new CreateStateMachineCommand({ name, definition, roleArn, type })))
      .stateMachineArn!;
  doubler = await create('doubler', doubleIt);
  exploder = await create('exploder', explodes);
  waiter = await create('waiter', waitsForToken());
  expressDoubler = await create('express-doubler', doubleIt, 'EXPRESS');
  expressExploder = await create('express-exploder', explodes, 'EXPRESS');
});

const describeExecution = (executionArn: string) =>
  api.client.send(new DescribeExecutionCommand({ executionArn }));
const ended = (executionArn: string) => endedExecution(api.client, executionArn);

describe('StartExecution and DescribeExecution', () => {
  it('starts an execution that runs to its end, described as Step Functions describes it', async () => {
    const started = await api.client.send(
      new StartExecutionCommand({ stateMachineArn: doubler, name: 'twenty-one', input: '{"value":21}' }),
    );
    expect(started.executionArn).toBe('arn:aws:states:us-east-1:123456789012:execution:doubler:twenty-one');
    expect(started.startDate).toBeInstanceOf(Date);
    const described = await ended(started.executionArn!);
    expect(described).toMatchObject({
      executionArn: started.executionArn,
      stateMachineArn: doubler,
      name: 'twenty-one',
      status: 'SUCCEEDED',
      input: '{"value":21}',
      output: '{"value":42}',
    });
    expect(described.startDate?.getTime()).toBe(started.startDate?.getTime());
    expect(described.stopDate!.getTime()).toBeGreaterThanOrEqual(described.startDate!.getTime());
  });

  it('is idempotent by name: the same name and input give the same ARN, other input ExecutionAlreadyExists', async () => {
    const request = { stateMachineArn: waiter, name: 'once', input: '{"order":1}' };
    const first = await api.client.send(new StartExecutionCommand(request));
    const again = await api.client.send(new StartExecutionCommand(request));
    expect(again.executionArn).toBe(first.executionArn);
    expect(again.startDate?.getTime()).toBe(first.startDate?.getTime());
    const other = await refusal(
      api.client.send(new StartExecutionCommand({ ...request, input: '{"order":2}' })),
    );
    expect(other.name).toBe('ExecutionAlreadyExists');
    await api.client.send(new StopExecutionCommand({ executionArn: first.executionArn }));
    const afterEnd = await refusal(api.client.send(new StartExecutionCommand(request)));
    expect(afterEnd.name).toBe('ExecutionAlreadyExists');
  });

  it('records a failing task as FAILED with its error and cause', async () => {
    const { executionArn } = await api.client.send(new StartExecutionCommand({ stateMachineArn: exploder }));
    const described = await ended(executionArn!);
    expect(described).toMatchObject({ status: 'FAILED', error: 'Exploded' });
    expect(described.cause).toContain('the handler exploded on purpose');
    expect(described.output).toBeUndefined();
  });

  it('refuses bad starts with the error types Step Functions uses', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ stateMachineArn: doubler, input: '{not json' }, 'InvalidExecutionInput'],
      [
        { stateMachineArn: doubler, input: JSON.stringify({ big: 'x'.repeat(300_000) }) },
        'InvalidExecutionInput',
      ],
      [{ stateMachineArn: doubler, name: 'has a space' }, 'InvalidName'],
      [{ stateMachineArn: doubler, name: 'x'.repeat(81) }, 'InvalidName'],
      [{ stateMachineArn: api.machineArn('ghost') }, 'StateMachineDoesNotExist'],
      [{ stateMachineArn: 'doubler' }, 'InvalidArn'],
      [{}, 'ValidationException'],
    ];
    for (const [request, type] of cases) {
      const refused = await refusal(
        api.client.send(new StartExecutionCommand(request as { stateMachineArn: string })),
      );
      expect([JSON.stringify(request).slice(0, 80), refused.name]).toEqual([
        JSON.stringify(request).slice(0, 80),
        type,
      ]);
    }
  });

  it('answers ExecutionDoesNotExist for an unknown execution and InvalidArn for a malformed one', async () => {
    const unknown = await refusal(describeExecution(`${doubler.replace('stateMachine', 'execution')}:nope`));
    expect(unknown.name).toBe('ExecutionDoesNotExist');
    const malformed = await refusal(
      describeExecution('arn:aws:states:us-east-1:123456789012:stateMachine:doubler'),
    );
    expect(malformed.name).toBe('InvalidArn');
    const ill = await refusal(
      api.client.send(new DescribeExecutionCommand({ executionArn: 42 as unknown as string })),
    );
    expect(ill).toMatchObject({
      name: 'ValidationException',
      message: 'executionArn must be a string, got a number',
    });
  });
});

describe('StartSyncExecution', () => {
  it('answers with the output once the execution has ended', async () => {
    const answer = await api.client.send(
      new StartSyncExecutionCommand({ stateMachineArn: expressDoubler, input: '{"value":5}' }),
    );
    expect(answer).toMatchObject({ status: 'SUCCEEDED', output: '{"value":10}', input: '{"value":5}' });
    expect(answer.stopDate).toBeInstanceOf(Date);
    expect((await describeExecution(answer.executionArn!)).status).toBe('SUCCEEDED');
  });

  it('answers FAILED with the error and cause', async () => {
    const answer = await api.client.send(new StartSyncExecutionCommand({ stateMachineArn: expressExploder }));
    expect(answer).toMatchObject({ status: 'FAILED', error: 'Exploded' });
    expect(answer.output).toBeUndefined();
  });

  it('refuses a STANDARD machine as Step Functions does, starting nothing', async () => {
    const refused = await refusal(
      api.client.send(new StartSyncExecutionCommand({ stateMachineArn: doubler, name: 'not-sync' })),
    );
    expect(refused).toEqual({
      name: 'StateMachineTypeNotSupported',
      message: 'This operation is not supported by this type of state machine',
    });
    const unknown = await refusal(
      api.client.send(
        new DescribeExecutionCommand({
          executionArn: `${doubler.replace(':stateMachine:', ':execution:')}:not-sync`,
        }),
      ),
    );
    expect(unknown.name).toBe('ExecutionDoesNotExist');
  });
});

describe('StopExecution', () => {
  it('aborts a running execution with the given error and cause; stopping it again is refused', async () => {
    const { executionArn } = await api.client.send(
      new StartExecutionCommand({ stateMachineArn: waiter, input: '{"order":7}' }),
    );
    const stopped = await api.client.send(
      new StopExecutionCommand({ executionArn, error: 'Operator', cause: 'changed my mind' }),
    );
    expect(stopped.stopDate).toBeInstanceOf(Date);
    const described = await describeExecution(executionArn!);
    expect(described).toMatchObject({ status: 'ABORTED', error: 'Operator', cause: 'changed my mind' });
    const again = await refusal(api.client.send(new StopExecutionCommand({ executionArn })));
    expect(again.name).toBe('ValidationException');
    const unknown = await refusal(
      api.client.send(new StopExecutionCommand({ executionArn: `${executionArn}x` })),
    );
    expect(unknown.name).toBe('ExecutionDoesNotExist');
  });
});

describe('ListExecutions', () => {
  it('lists newest first and filters by status', async () => {
    const running = await api.client.send(
      new StartExecutionCommand({ stateMachineArn: waiter, input: '{"order":8}' }),
    );
    const all = await api.client.send(new ListExecutionsCommand({ stateMachineArn: waiter }));
    expect(all.executions![0].executionArn).toBe(running.executionArn);
    const statuses = new Set(all.executions!.map((execution) => execution.status));
    expect(statuses).toEqual(new Set(['RUNNING', 'ABORTED']));

    const onlyRunning = await api.client.send(
      new ListExecutionsCommand({ stateMachineArn: waiter, statusFilter: 'RUNNING' }),
    );
    expect(onlyRunning.executions!.map((execution) => execution.executionArn)).toEqual([
      running.executionArn,
    ]);
    expect(onlyRunning.executions![0]).toMatchObject({ stateMachineArn: waiter, status: 'RUNNING' });
    const aborted = await api.client.send(
      new ListExecutionsCommand({ stateMachineArn: waiter, statusFilter: 'ABORTED' }),
    );
    expect(aborted.executions!.length).toBe(all.executions!.length - 1);
    for (const execution of aborted.executions!) expect(execution.stopDate).toBeInstanceOf(Date);
  });

  it('refuses an unknown machine, an unknown status and a bad page size', async () => {
    const unknown = await refusal(
      api.client.send(new ListExecutionsCommand({ stateMachineArn: api.machineArn('ghost') })),
    );
    expect(unknown.name).toBe('StateMachineDoesNotExist');
    const status = await refusal(
      api.client.send(
        new ListExecutionsCommand({ stateMachineArn: waiter, statusFilter: 'DONE' as 'RUNNING' }),
      ),
    );
    expect(status.name).toBe('ValidationException');
    const size = await refusal(
      api.client.send(new ListExecutionsCommand({ stateMachineArn: waiter, maxResults: 1001 })),
    );
    expect(size.name).toBe('ValidationException');
  });
});
