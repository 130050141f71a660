/** `quickstep dev` and the commands that talk to its Step Functions API. */
import type { Command } from 'commander';
import { DEFAULT_ENDPOINT } from './api-client.js';
import { describeCommand } from './describe-command.js';
import { devCommand } from './dev-command.js';
import { historyCommand } from './history-command.js';
import { listCommand } from './list-command.js';
import { redriveCommand } from './redrive-command.js';
import { sendFailureCommand, sendSuccessCommand } from './send-task-command.js';
import { startCommand } from './start-command.js';
import { stopCommand } from './stop-command.js';

const EXIT_STATUS =
  '\nExit status: 0 done, 1 refused by the API (its error type on stderr) or unreachable, 2 bad arguments.';

export function registerApiCommands(program: Command): void {
  program
    .command('dev')
    .description('Serve the Step Functions API (and run executions) on localhost until Ctrl-C')
    .option('-p, --port <port>', 'port on 127.0.0.1 (0: any free port, printed)', '8083')
    .option(
      '-f, --functions <module>',
      'JS/TS module whose exports are the Lambda handlers that Task states call',
    )
    .option(
      '-c, --config <serverless.yml>',
      'deploy the state machines under custom.quickstep.stateMachines (again whenever their files change) and use its functions as the local Lambda handlers',
    )
    .option('--data <dir>', 'keep the embedded DynamoDB in this folder, so executions survive a restart')
    .option(
      '--dynamodb-endpoint <url>',
      'use this DynamoDB (DynamoDB Local, or AWS with "aws") instead of the embedded one; env QUICKSTEP_DYNAMODB_ENDPOINT',
    )

    .option('--fast-time', 'a virtual clock: waits, back-offs and timeouts take no real time')
    .action(async (options) => {
      process.exitCode = await devCommand(options);
    });

  const api = (name: string, description: string) =>
    program
      .command(name)
      .description(description)
      .option('-e, --endpoint <url>', 'the Step Functions API', DEFAULT_ENDPOINT)
      .option('--json', 'print the API answer as JSON')
      .addHelpText('after', EXIT_STATUS);

  api('start', 'Start an execution (StartExecution)')
    .argument('<stateMachine>', 'state machine name or ARN')
    .option('-i, --input <json|@file>', 'execution input as JSON text, or @path to a JSON file', '{}')
    .option('--name <name>', 'execution name (default: a random UUID); the same name and input start once')
    .action(async (stateMachine: string, options) => {
      process.exitCode = await startCommand(stateMachine, options);
    });
  api('describe', 'Show an execution: status, input, output, error (DescribeExecution)')
    .argument('<executionArn>')
    .action(async (executionArn: string, options) => {
      process.exitCode = await describeCommand(executionArn, options);
    });
  api('history', "Print an execution's history, one event a line (GetExecutionHistory)")
    .argument('<executionArn>')
    .option('--reverse', 'newest event first')
    .action(async (executionArn: string, options) => {
      process.exitCode = await historyCommand(executionArn, options);
    });
  api('list', "List a state machine's executions, newest first (ListExecutions)")
    .argument('<stateMachine>', 'state machine name or ARN')
    .option('-s, --status <status>', 'only RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED ones')
    .option('--max <n>', 'at most this many', '100')
    .action(async (stateMachine: string, options) => {
      process.exitCode = await listCommand(stateMachine, options);
    });
  api('stop', 'Stop a running execution: it ends ABORTED (StopExecution)')
    .argument('<executionArn>')
    .option('--error <error>', 'error name recorded')
    .option('--cause <cause>', 'cause recorded')
    .action(async (executionArn: string, options) => {
      process.exitCode = await stopCommand(executionArn, options);
    });
  api(
    'redrive',
    'Resume a FAILED, TIMED_OUT or ABORTED execution at the state that stopped it (RedriveExecution)',
  )
    .argument('<executionArn>')
    .action(async (executionArn: string, options) => {
      process.exitCode = await redriveCommand(executionArn, options);
    });
  api('send-success', 'Complete a .waitForTaskToken task with an output (SendTaskSuccess)')
    .argument('<token>', 'the task token')
    .argument('<output>', 'the task output: JSON text, or @path to a JSON file')
    .action(async (token: string, output: string, options) => {
      process.exitCode = await sendSuccessCommand(token, output, options);
    });
  api('send-failure', 'Fail a .waitForTaskToken task (SendTaskFailure)')
    .argument('<token>', 'the task token')
    .option('--error <error>', 'error name, matched by Retry and Catch')
    .option('--cause <cause>', 'human-readable cause')
    .action(async (token: string, options) => {
      process.exitCode = await sendFailureCommand(token, options);
    });
}
