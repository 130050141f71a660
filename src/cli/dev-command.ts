/**
 * `quickstep dev`: the embedded services and the durable runtime, with the Step Functions API
 * on 127.0.0.1:<port>, until SIGINT or SIGTERM. One line per execution status change; with
 * `--config`, the serverless.yml's functions are the local handlers and its state machines are
 * deployed, and deployed again when their files change.
 */
import pc from 'picocolors';
import { startApiServer } from '../api/index.js';
import type { EventBridgeEvent } from '../adapters/local/bus/eventbridge-event.js';
import { LocalStack } from '../adapters/local/local-stack.js';
import { ConfigReloader } from './config-reloader.js';
import { type DevConfig, deployable, loadDevConfig } from './dev-config.js';
import { loadHandlers } from './load-handlers.js';

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
  let handlers: Awaited<ReturnType<typeof loadHandlers>>;
  let config: DevConfig | undefined;
  try {
    config = options.config ? await loadDevConfig(options.config) : undefined;
    if (config) deployable(config);
    handlers = await loadHandlers(options.functions, config);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const stack = await LocalStack.start({
    handlers,
    fastTime: options.fastTime,
    dataDir: options.data,
    dynamodbEndpoint: options.dynamodbEndpoint,
  });
  const reloader = options.config ? new ConfigReloader(options.config, stack.runtime, print) : undefined;
  try {
    if (reloader && config) await reloader.start(config);
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
    reloader?.close();
    await reloader?.settled();
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
