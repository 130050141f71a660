/**
 * `quickstep run <definition>`: one execution on the embedded engine — the durable runtime
 * over the embedded services, or with `--memory` the in-memory driver. Exit 0 when it
 * SUCCEEDED, 1 when it ended otherwise, 2 when the definition or input was rejected.
 */
import { basename, dirname, resolve } from 'node:path';
import pc from 'picocolors';
import { executionArn } from '../runtime/arn.js';
import type { RunOutcome } from './run-outcome.js';
import { runOnLocalStack } from './run-on-local-stack.js';
import { runOnMemory } from './run-on-memory.js';
import { formatDuration } from './format-duration.js';
import { loadDevConfig } from './dev-config.js';
import { loadHandlers } from './load-handlers.js';
import { formatProblems } from './print-problems.js';
import { ProgressPrinter } from './progress-printer.js';
import { readDefinitionFile } from './read-definition-file.js';
import { readInput } from './read-input.js';

export interface RunOptions {
  input?: string;
  functions?: string;
  /** A serverless.yml whose `functions` are the local handlers. */
  config?: string;
  json?: boolean;
  memory?: boolean;
  name?: string;
  fastTime?: boolean;
  chaos?: string | boolean;
  data?: string;
  dynamodbEndpoint?: string;
}

export async function runCommand(file: string, options: RunOptions): Promise<number> {
  const { definition, problems } = await readDefinitionFile(file);
  if (!definition) {
    process.stderr.write(formatProblems(file, problems));
    return 2;
  }
  const { input, error } = await readInput(options.input);
  if (error !== undefined || input === undefined) {
    process.stderr.write(`${pc.red('✗')} ${error}\n`);
    return 2;
  }
  let handlers: Awaited<ReturnType<typeof loadHandlers>>;
  try {
    const config = options.config ? await loadDevConfig(options.config) : undefined;
    handlers = await loadHandlers(options.functions, config);
  } catch (failure) {
    process.stderr.write(`${pc.red('✗')} ${failure instanceof Error ? failure.message : String(failure)}\n`);
    return 2;
  }
  const stateMachineName = stateMachineNameOf(file);
  const executionName = options.name ?? crypto.randomUUID();
  const printer = options.json
    ? undefined
    : new ProgressPrinter(executionArn(stateMachineName, executionName), (line) =>
        process.stdout.write(`${line}\n`),
      );
  // In --json mode stdout carries exactly one JSON object: handler logs go to stderr, as on Lambda they go to CloudWatch.
  const restoreConsole = options.json ? routeConsoleToStderr() : () => {};
  const run = { handlers, stateMachineName, executionName, onHistoryEvent: printer?.onEvent };
  const outcome = await (options.memory
    ? runOnMemory(definition, input, run)
    : runOnLocalStack(definition, input, {
        ...run,
        fastTime: Boolean(options.fastTime),
        chaos: chaosOf(options.chaos),
        dataDir: options.data,
        dynamodbEndpoint: options.dynamodbEndpoint,
        onLine: options.json ? undefined : (line) => process.stdout.write(`${line}\n`),
      })
  ).finally(restoreConsole);
  process.stdout.write(options.json ? `${JSON.stringify(summary(outcome))}\n` : humanSummary(outcome));
  return outcome.status === 'SUCCEEDED' ? 0 : 1;
}

function chaosOf(option: string | boolean | undefined) {
  if (option === undefined || option === false) return undefined;
  const seed = option === true ? 1 : Number(option);
  return { seed: Number.isFinite(seed) ? seed : 1 };
}

function summary(result: RunOutcome) {
  return {
    executionArn: result.executionArn,
    status: result.status,
    output: result.output,
    error: result.error,
    cause: result.cause,
  };
}

function humanSummary(result: RunOutcome): string {
  const took = formatDuration((result.stopTime ?? result.startTime) - result.startTime);
  const ok = result.status === 'SUCCEEDED';
  const head = `\n${ok ? pc.green('✓ SUCCEEDED') : pc.red(`✗ ${result.status}`)} ${pc.dim(`in ${took} (${result.transitions} transitions; ${result.detail})`)}\n`;
  if (result.status === 'RUNNING') {
    return `${head}The execution is waiting for a callback (a task token) that nothing sent.\n`;
  }
  if (ok) return `${head}${JSON.stringify(result.output, null, 2)}\n`;
  return `${head}${pc.red(result.error ?? '')}${result.cause ? `: ${result.cause}` : ''}\n`;
}

/** The file's name without extension; for a generic `definition.json`, its folder's name. */
function stateMachineNameOf(file: string): string {
  const base = basename(file).replace(/\.(asl\.)?(json|ya?ml)$/i, '');
  const name = /^(definition|state-?machine)$/i.test(base) ? basename(dirname(resolve(file))) : base;
  return name.replace(/[^A-Za-z0-9_-]/g, '-') || 'local';
}

function routeConsoleToStderr(): () => void {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  console.log = console.info = console.debug = console.error;
  return () => Object.assign(console, saved);
}
