/**
 * The API served in-process on a LocalStack (dynalite, local queue, virtual clock), driven by
 * the real `@aws-sdk/client-sfn`: what a user's code sees, minus the child process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll } from 'vitest';
import type { LambdaHandler } from '../../../src/adapters/local/local-task-invoker.js';
import { LocalStack, type LocalStackOptions } from '../../../src/adapters/local/local-stack.js';
import { type ApiServer, startApiServer } from '../../../src/api/index.js';
import { repoRoot } from '../../cli/run-quickstep.js';
import * as functions from './fixtures/functions.js';

export interface ApiHarness {
  stack: LocalStack;
  server: ApiServer;
  client: SFNClient;
  /** A state machine's ARN in the stack's region and account. */
  machineArn(name: string): string;
}

/** The SDK's types require a role; Quickstep records it (nothing assumes it locally). */
export const roleArn = 'arn:aws:iam::123456789012:role/quickstep-tests';

export function sfnClient(endpoint: string): SFNClient {
  return new SFNClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    // StartSyncExecution's host prefix would turn 127.0.0.1 into sync-127.0.0.1.
    disableHostPrefix: true,
    // A refused request must surface as the test's failure, not be retried.
    maxAttempts: 1,
  });
}

export function useApi(options: LocalStackOptions & { syncTimeoutMs?: number } = {}): ApiHarness {
  const harness = {} as ApiHarness;
  beforeAll(async () => {
    const handlers = new Map<string, LambdaHandler>();
    for (const [name, value] of Object.entries(functions)) {
      if (typeof value === 'function') handlers.set(name, value as LambdaHandler);
    }
    harness.stack = await LocalStack.start({ handlers, fastTime: true, ...options });
    harness.server = await startApiServer(harness.stack.runtime, {
      port: 0,
      syncTimeoutMs: options.syncTimeoutMs,
      onInternalError: (operation, error) => console.error(operation, error),
    });
    harness.client = sfnClient(harness.server.endpoint);
    const { region, account } = harness.stack.runtime.settings;
    harness.machineArn = (name) => `arn:aws:states:${region}:${account}:stateMachine:${name}`;
  });
  afterAll(async () => {
    harness.client?.destroy();
    await harness.server?.close();
    await harness.stack?.close();
  });
  return harness;
}

/** The error a call was refused with (its `__type` is the SDK error's name). */
export async function refusal(call: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await call;
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('expected the call to be refused, and it succeeded');
}

/** Polls until `check` returns a value (the runtime works on behind the API call). */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The execution's description once it has ended. */
export function endedExecution(client: SFNClient, executionArn: string) {
  return eventually(async () => {
    const described = await client.send(new DescribeExecutionCommand({ executionArn }));
    return described.status === 'RUNNING' ? undefined : described;
  }, `${executionArn} to end`);
}

/** `quickstep dev` started as users start it: a child process on a free port. */
export interface DevProcess {
  process: ChildProcess;
  endpoint: string;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  exited: Promise<number | null>;
}

export async function startQuickstepDev(args: string[]): Promise<DevProcess> {
  let printed = '';
  const child = spawn(process.execPath, ['bin/quickstep.js', 'dev', '--port', '0', ...args], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
  const endpoint = await eventually(
    async () => /listening on (http:\/\/\S+)/.exec(printed)?.[1],
    'quickstep dev to listen',
    20_000,
  );
  return { process: child, endpoint, output: () => printed, exited };
}
