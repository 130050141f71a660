/** `quickstep start <stateMachine>`: StartExecution against a running `quickstep dev` (or any endpoint). */
import { callApi, resolveStateMachineArn } from './api-client.js';
import { type ApiCommandOptions, fields, isoDate, runApiCommand, UsageError } from './api-command.js';
import { readInput } from './read-input.js';

export async function startCommand(
  stateMachine: string,
  options: ApiCommandOptions & { input?: string; name?: string },
): Promise<number> {
  return runApiCommand(options, async (endpoint) => {
    const { input, error } = await readInput(options.input);
    if (error !== undefined) throw new UsageError(error);
    const stateMachineArn = await resolveStateMachineArn(endpoint, stateMachine);
    const answer = await callApi(endpoint, 'StartExecution', {
      stateMachineArn,
      name: options.name,
      input: JSON.stringify(input),
    });
    const text = fields([
      ['executionArn', answer.executionArn],
      ['startDate', isoDate(answer.startDate)],
    ]);
    return { answer, text };
  });
}
