/** The `quickstep` command. */
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { registerApiCommands } from './register-api-commands.js';
import { runCommand } from './run-command.js';
import { validateCommand } from './validate-command.js';

const USAGE_ERROR = 2;
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const program = new Command()
  .name('quickstep')
  .description(
    'Run Amazon States Language state machines on your laptop, and on AWS with Lambda, SQS and DynamoDB.',
  )
  .version(version, '-V, --version')
  .showHelpAfterError()
  .exitOverride()
  .addHelpText(
    'after',
    '\nExit status:\n  run       0 SUCCEEDED, 1 FAILED/TIMED_OUT/ABORTED, 2 definition, input or usage rejected\n  validate  0 valid, 2 invalid',
  );

program
  .command('run')
  .description('Run one execution of a state machine and print each state as it runs')
  .argument('<definition>', 'the state machine definition (.json, .yml or .yaml)')
  .option('-i, --input <json|@file>', 'execution input as JSON text, or @path to a JSON file', '{}')
  .option(
    '-f, --functions <module>',
    'JS/TS module whose exports are the Lambda handlers that Task states call',
  )
  .option(
    '-c, --config <serverless.yml>',
    'also use the Lambda handlers that its `functions` declare (handler: path/to/file.export)',
  )
  .option('--json', 'print exactly one JSON object: {executionArn, status, output?, error?, cause?}')
  .option(
    '--memory',
    'use the pure in-memory driver (always on a virtual clock) instead of the durable runtime',
  )
  .option(
    '--fast-time',
    'a virtual clock: Wait states, back-offs and timeouts take no real time (history keeps nominal times)',
  )
  .option(
    '--chaos [seed]',
    'deliver messages twice and out of order and inject crashes between side effects, reproducibly from the seed; the result must not change',
  )
  .option('--data <dir>', 'keep the embedded DynamoDB in this folder, so executions survive a restart')
  .option(
    '--dynamodb-endpoint <url>',
    'use this DynamoDB (DynamoDB Local, or AWS with "aws") instead of the embedded one; env QUICKSTEP_DYNAMODB_ENDPOINT',
  )
  .option('--name <name>', 'execution name (default: a random UUID)')
  .addHelpText(
    'after',
    '\nExit status: 0 SUCCEEDED, 1 FAILED/TIMED_OUT/ABORTED, 2 definition or input rejected (problems on stderr).\n\nExample:\n  quickstep run examples/order-pipeline/definition.json --functions examples/order-pipeline/functions.ts --input @examples/order-pipeline/input.json',
  )
  .action(async (definition: string, options) => {
    process.exitCode = await runCommand(definition, options);
  });

program
  .command('validate')
  .description('List every problem in a definition, each with its JSON Pointer and code')
  .argument('<file>', 'the state machine definition (.json, .yml or .yaml)')
  .option('--json', 'print {valid, problems} as JSON')
  .addHelpText('after', '\nExit status: 0 valid, 2 invalid (or not JSON/YAML at all).')
  .action(async (file: string, options) => {
    process.exitCode = await validateCommand(file, options);
  });

registerApiCommands(program);

for (const command of program.commands) command.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Commander's own exits: help and version are fine; a usage error is a rejected input (2), not a failed run (1).
  const code = error instanceof CommanderError ? error.code : undefined;
  const fine =
    code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help';
  process.exitCode = fine ? 0 : USAGE_ERROR;
  if (!(error instanceof CommanderError)) process.stderr.write(`${String(error)}\n`);
}
