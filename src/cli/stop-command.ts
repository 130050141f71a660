/** `quickstep stop <executionArn> [--error] [--cause]`: StopExecution (the execution ends ABORTED). */
import { callApi } from './api-client.js';
import { type ApiCommandOptions, fields, isoDate, runApiCommand } from './api-command.js';

export async function stopCommand(
  executionArn: string,
  options: ApiCommandOptions & { error?: string; cause?: string },
): Promise<number> {
  return runApiCommand(options, async (endpoint) => {
    const answer = await callApi(endpoint, 'StopExecution', {
      executionArn,
      error: options.error,
      cause: options.cause,
    });
    return {
      answer,
      text: fields([
        ['stopped', executionArn],
        ['stopDate', isoDate(answer.stopDate)],
      ]),
    };
  });
}
