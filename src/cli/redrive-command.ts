/** `quickstep redrive <executionArn>`: RedriveExecution (a failed execution resumes where it stopped). */
import { callApi } from './api-client.js';
import { type ApiCommandOptions, fields, isoDate, runApiCommand } from './api-command.js';

export async function redriveCommand(executionArn: string, options: ApiCommandOptions): Promise<number> {
  return runApiCommand(options, async (endpoint) => {
    const answer = await callApi(endpoint, 'RedriveExecution', { executionArn });
    return {
      answer,
      text: fields([
        ['redriven', executionArn],
        ['redriveDate', isoDate(answer.redriveDate)],
      ]),
    };
  });
}
