/**
 * `quickstep dev` as users start it — a child process on a free port — driven by
 * @aws-sdk/client-sfn and by the `quickstep start | describe | history | list | stop |
 * send-success | send-failure` commands, then stopped with SIGTERM.
 */
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  type SFNClient,
  StartExecutionCommand,
  StartSyncExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickstep } from '../../cli/run-quickstep.js';
import { type DevProcess, eventually, sfnClient, startQuickstepDev } from './api-harness.js';

const fixtures = 'test/integration/api/fixtures';
let dev: DevProcess;
let endpoint: string;
let client: SFNClient;
const output = () => dev.output();

beforeAll(async () => {
  dev = await startQuickstepDev([
    '--fast-time',
    '--functions',
    `${fixtures}/functions.ts`,
    '--config',
    `${fixtures}/serverless.yml`,
  ]);
  endpoint = dev.endpoint;
  client = sfnClient(endpoint);
}, 30_000);

afterAll(async () => {
  client?.destroy();
  if (dev?.process.exitCode === null) dev.process.kill('SIGKILL');
});

const cli = (...args: string[]) => quickstep([...args, '--endpoint', endpoint]);
const arn = (name: string) => `arn:aws:states:us-east-1:123456789012:stateMachine:${name}`;

describe('quickstep dev', () => {
  it('prints the port it chose and deploys the machines that serverless.yml declares', async () => {
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(endpoint).not.toMatch(/:0$/);
    for (const name of ['approvals', 'greeter', 'doubler']) {
      const machine = await client.send(new DescribeStateMachineCommand({ stateMachineArn: arn(name) }));
      expect(machine.status).toBe('ACTIVE');
      expect(output()).toContain(`deployed ${name}`);
    }
    const greeted = await client.send(
      new StartSyncExecutionCommand({ stateMachineArn: arn('greeter'), input: '{"name":"Ada"}' }),
    );
    expect(greeted).toMatchObject({ status: 'SUCCEEDED', output: '{"greeting":"Hello, Ada!"}' });
  });

  it('runs a callback task to its end: token from the history, completed with `quickstep send-success`', async () => {
    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn: arn('approvals'), input: '{"order":42}' }),
    );
    const scheduled = await eventually(async () => {
      const { events } = await client.send(new GetExecutionHistoryCommand({ executionArn }));
      return events!.find((event) => event.type === 'TaskScheduled');
    }, 'TaskScheduled');
    const token = JSON.parse(scheduled.taskScheduledEventDetails!.parameters!).Payload.token as string;

    const sent = await cli('send-success', token, '{"approved":true}');
    expect(sent).toMatchObject({ code: 0, stdout: expect.stringContaining('Task succeeded') });
    await eventually(async () => {
      const { status } = await client.send(new DescribeExecutionCommand({ executionArn }));
      return status === 'SUCCEEDED' ? status : undefined;
    }, 'the execution to succeed');

    const again = await cli('send-success', token, '{}');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('TaskTimedOut');

    const described = await cli('describe', executionArn!);
    expect(described.code).toBe(0);
    expect(described.stdout).toMatch(/status\s+SUCCEEDED/);
    expect(described.stdout).toMatch(/output\s+\{"approved":true\}/);

    const history = await cli('history', executionArn!, '--reverse');
    expect(history.code).toBe(0);
    const types = history.stdout
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/)[2]);
    expect(types[0]).toBe('ExecutionSucceeded');
    expect(types.at(-1)).toBe('ExecutionStarted');
    expect(types).toContain('TaskSucceeded');
    expect(output()).toMatch(
      new RegExp(`SUCCEEDED\\s+${executionArn!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });

  it('starts, lists, stops and fails through the CLI', async () => {
    const started = await cli('start', 'approvals', '--input', '{"order":7}', '--name', 'cli-run', '--json');
    expect(started.code).toBe(0);
    const { executionArn } = JSON.parse(started.stdout) as { executionArn: string };
    expect(executionArn).toBe('arn:aws:states:us-east-1:123456789012:execution:approvals:cli-run');

    const running = await cli('list', 'approvals', '--status', 'RUNNING');
    expect(running.stdout).toContain(executionArn);
    expect(running.stdout).toMatch(/RUNNING/);

    const stopped = await cli('stop', executionArn, '--error', 'Operator', '--cause', 'testing');
    expect(stopped).toMatchObject({ code: 0, stdout: expect.stringContaining('stopDate') });
    const aborted = await cli('list', 'approvals', '--status', 'ABORTED', '--json');
    const listed = JSON.parse(aborted.stdout) as { executions: { executionArn: string; status: string }[] };
    expect(listed.executions).toEqual([expect.objectContaining({ executionArn, status: 'ABORTED' })]);

    const failure = await cli('send-failure', 'no-such-token', '--error', 'Nope');
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('TaskDoesNotExist');
    const badInput = await cli('start', 'approvals', '--input', '{oops');
    expect(badInput.code).toBe(2);
    const unknown = await cli('start', 'nothing-here');
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('StateMachineDoesNotExist') });
  });

  it('stops cleanly on SIGTERM', async () => {
    dev.process.kill('SIGTERM');
    expect(await dev.exited).toBe(0);
    expect(output()).toContain('Stopping');
    const unreachable = await cli(
      'describe',
      'arn:aws:states:us-east-1:123456789012:execution:approvals:cli-run',
    );
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('ConnectionError');
  });
});
