/**
 * `quickstep dev --config serverless.yml` as a child process, on a service in a temp folder:
 * the functions the serverless.yml declares run as local handlers (no --functions), and an
 * edit of a definition file is deployed as a new version — new executions take it, a running
 * one keeps its own, an invalid edit leaves the previous version in place.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  type SFNClient,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevProcess, endedExecution, eventually, sfnClient, startQuickstepDev } from './api-harness.js';

const serverlessYml = `service: shop
provider:
  name: aws
  stage: dev
functions:
  greet:
    handler: handlers/greet.hello
  keep:
    handler: handlers/greet.keep
custom:
  quickstep:
    stateMachines:
      hello:
        definition: \${file(definitions/hello.asl.json)}
        definitionSubstitutions:
          GreetFunction: !GetAtt GreetLambdaFunction.Arn
`;

const handlers = `export async function hello(event: { name: string }) {
  return { greeting: \`Hello, \${event.name}\` };
}
export function keep() {
  return { kept: true };
}
`;

// biome-ignore lint/suspicious/noTemplateCurlyInString: a DefinitionSubstitutions placeholder, not a template.
const greet = { Type: 'Task', Resource: '${GreetFunction}', ResultPath: '$.greeted' };
/** v1 greets, then waits for a callback through the function by its deployed name. */
const version1 = {
  StartAt: 'Greet',
  States: {
    Greet: { ...greet, Next: 'Hold' },
    Hold: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: 'shop-dev-keep', Payload: { 'token.$': '$$.Task.Token' } },
      End: true,
    },
  },
};
const version2 = {
  StartAt: 'Greet',
  States: {
    Greet: { ...greet, Next: 'Shout' },
    Shout: { Type: 'Pass', Result: 'v2', ResultPath: '$.version', End: true },
  },
};

let folder: string;
let dev: DevProcess | undefined;
const output = () => dev?.output() ?? '';
let client: SFNClient;
const helloArn = 'arn:aws:states:us-east-1:123456789012:stateMachine:hello';
const definitionFile = () => join(folder, 'definitions', 'hello.asl.json');

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'quickstep-dev-'));
  await mkdir(join(folder, 'handlers'));
  await mkdir(join(folder, 'definitions'));
  await writeFile(join(folder, 'serverless.yml'), serverlessYml);
  await writeFile(join(folder, 'handlers', 'greet.ts'), handlers);
  await writeFile(definitionFile(), JSON.stringify(version1, null, 2));
  dev = await startQuickstepDev(['--fast-time', '--config', join(folder, 'serverless.yml')]);
  const { endpoint } = dev;
  client = sfnClient(endpoint);
}, 30_000);

afterAll(async () => {
  client?.destroy();
  if (dev?.process.exitCode === null) dev.process.kill('SIGKILL');
  await rm(folder, { recursive: true, force: true });
});

const definitionOf = async () =>
  JSON.parse((await client.send(new DescribeStateMachineCommand({ stateMachineArn: helloArn }))).definition!);
const linesMatching = (pattern: RegExp) =>
  output()
    .split('\n')
    .filter((line) => pattern.test(line));

describe('quickstep dev --config', () => {
  let waiting: string;

  it("runs the serverless.yml's functions, named by !GetAtt …LambdaFunction.Arn and by deployed name", async () => {
    expect(output()).toContain('deployed hello');
    expect((await definitionOf()).States.Greet.Resource).toBe(
      'arn:aws:lambda:us-east-1:123456789012:function:greet',
    );
    ({ executionArn: waiting } = (await client.send(
      new StartExecutionCommand({ stateMachineArn: helloArn, input: '{"name":"Ada"}' }),
    )) as { executionArn: string });
    const scheduled = await eventually(async () => {
      const { events } = await client.send(new GetExecutionHistoryCommand({ executionArn: waiting }));
      return events!.find((event) => event.type === 'TaskScheduled');
    }, 'the callback task');
    expect(JSON.parse(scheduled.taskScheduledEventDetails!.parameters!).FunctionName).toBe('shop-dev-keep');
    const { events } = await client.send(new GetExecutionHistoryCommand({ executionArn: waiting }));
    const greeted = events!.find((event) => event.type === 'LambdaFunctionSucceeded');
    expect(JSON.parse(greeted!.lambdaFunctionSucceededEventDetails!.output!)).toEqual({
      greeting: 'Hello, Ada',
    });
  });

  it('deploys an edited definition: new executions take it, the running one keeps its own', async () => {
    await writeFile(definitionFile(), JSON.stringify(version2, null, 2));
    await eventually(
      async () => (linesMatching(/reloaded hello revision/).length === 1 ? true : undefined),
      'the reload line',
    );
    expect(Object.keys((await definitionOf()).States)).toEqual(['Greet', 'Shout']);

    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn: helloArn, input: '{"name":"Grace"}' }),
    );
    const ended = await endedExecution(client, executionArn!);
    expect(JSON.parse(ended.output!)).toEqual({
      name: 'Grace',
      greeted: { greeting: 'Hello, Grace' },
      version: 'v2',
    });

    const pinned = await client.send(new DescribeStateMachineForExecutionCommand({ executionArn: waiting }));
    expect(Object.keys(JSON.parse(pinned.definition!).States)).toEqual(['Greet', 'Hold']);
    const { events } = await client.send(new GetExecutionHistoryCommand({ executionArn: waiting }));
    const scheduled = events!.find((event) => event.type === 'TaskScheduled');
    const taskToken = JSON.parse(scheduled!.taskScheduledEventDetails!.parameters!).Payload.token as string;
    await client.send(new SendTaskSuccessCommand({ taskToken, output: '{"approved":true}' }));
    expect((await endedExecution(client, waiting)).status).toBe('SUCCEEDED');
  });

  it('prints the problems of an invalid edit and keeps the previous version', async () => {
    await writeFile(definitionFile(), JSON.stringify({ StartAt: 'Missing', States: { Greet: greet } }));
    await eventually(
      async () => (linesMatching(/hello not reloaded/).length === 1 ? true : undefined),
      'the refusal',
    );
    expect(output()).toMatch(/\/StartAt\s+\S+/);
    expect(Object.keys((await definitionOf()).States)).toEqual(['Greet', 'Shout']);
    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn: helloArn, input: '{"name":"Lin"}' }),
    );
    expect((await endedExecution(client, executionArn!)).status).toBe('SUCCEEDED');
    const described = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(JSON.parse(described.output!).version).toBe('v2');
  });
});
