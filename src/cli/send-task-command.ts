/** `quickstep send-success <token> <output>` and `send-failure <token>`: complete a `.waitForTaskToken` task. */
import { callApi } from './api-client.js';
import { type ApiCommandOptions, runApiCommand, UsageError } from './api-command.js';
import { readInput } from './read-input.js';

export async function sendSuccessCommand(
  taskToken: string,
  output: string,
  options: ApiCommandOptions,
): Promise<number> {
  return runApiCommand(options, async (endpoint) => {
    const { input, error } = await readInput(output);
    if (error !== undefined) throw new UsageError(error.replace(/^Input/, 'Output'));
    const answer = await callApi(endpoint, 'SendTaskSuccess', { taskToken, output: JSON.stringify(input) });
    return { answer, text: 'Task succeeded: the execution resumes with this output.\n' };
  });
}

export async function sendFailureCommand(
  taskToken: string,
  options: ApiCommandOptions & { error?: string; cause?: string },
): Promise<number> {
  return runApiCommand(options, async (endpoint) => {
    const answer = await callApi(endpoint, 'SendTaskFailure', {
      taskToken,
      error: options.error,
      cause: options.cause,
    });
    return { answer, text: 'Task failed: the execution handles the error (Retry, Catch) or fails.\n' };
  });
}
