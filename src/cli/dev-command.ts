/**
 * `quickstep dev`: the embedded services and the durable runtime, with the Step Functions API
 * on 127.0.0.1:<port>, until SIGINT or SIGTERM. One line per execution status change.
 */
import pc from 'picocolors';
import { startApiServer } from '../api/index.js';
import type { EventBridgeEvent } from '../adapters/local/bus/eventbridge-event.js';
import { loadFunctions } from '../adapters/local/load-functions.js';
import { LocalStack } from '../adapters/local/local-stack.js';
import { loadConfigStateMachines } from './dev-config.js';

export interface DevOptions {
  port?: string;
  functions?: string;
  config?: string;
  data?: string;
  dynamodbEndpoint?: string;
  fastTime?: boolean;
}

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const fail = (message: string) => {
  process.stderr.write(`${pc.red('✗')} ${message}\n`);
  return 2;
};

export async function devCommand(options: DevOptions): Promise<number> {
  const port = Number(options.port ?? '8083');
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    return fail(`--port must be 0 to 65535, got ${options.port}`);
  let handlers: Awaited<ReturnType<typeof loadFunctions>> | undefined;
  let machines: Awaited<ReturnType<typeof loadConfigStateMachines>> = [];
  try {
    if (options.functions) handlers = await loadFunctions(options.functions);
    if (options.config) machines = await loadConfigStateMachines(options.config);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const stack = await LocalStack.start({
    handlers,
    fastTime: options.fastTime,
    dataDir: options.data,
    dynamodbEndpoint: options.dynamodbEndpoint,
  });
  try {
    for (const machine of machines) {
      const record = await stack.runtime.deployStateMachine(machine);
      print(`${pc.green('✓')} deployed ${record.name} ${pc.dim(record.arn)}`);
    }
    stack.bus.subscribe({ 'detail-type': ['Execution Status Change'] }, (event) => print(statusLine(event)));
    const api = await startApiServer(stack.runtime, {
      port,
      onInternalError: (operation, error) => process.stderr.write(`${operation}: ${String(error)}\n`),
    });
    print(`Quickstep API listening on ${api.endpoint}${options.fastTime ? ' (virtual clock)' : ''}`);
    print(
      pc.dim(
        `  new SFNClient({ endpoint: '${api.endpoint}' }) · aws stepfunctions --endpoint-url ${api.endpoint}`,
      ),
    );
    await signalled();
    print('Stopping…');
    await api.close();
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  } finally {
    await stack.close();
  }
  return 0;
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

const COLORS: Record<string, (text: string) => string> = {
  RUNNING: pc.cyan,
  SUCCEEDED: pc.green,
  FAILED: pc.red,
  TIMED_OUT: pc.red,
  ABORTED: pc.yellow,
};

function statusLine(event: EventBridgeEvent): string {
  const { status, executionArn, error, cause } = event.detail;
  const color = COLORS[String(status)] ?? ((text: string) => text);
  const problem =
    typeof error === 'string' && error ? ` ${pc.red(error)}${cause ? `: ${String(cause)}` : ''}` : '';
  return `${pc.dim(event.time)} ${color(String(status).padEnd(9))} ${String(executionArn)}${problem}`;
}
