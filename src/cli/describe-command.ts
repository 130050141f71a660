/** `quickstep describe <executionArn>`: DescribeExecution, readable. */
import { callApi } from './api-client.js';
import { type ApiCommandOptions, colorStatus, fields, isoDate, runApiCommand } from './api-command.js';

export async function describeCommand(executionArn: string, options: ApiCommandOptions): Promise<number> {
  return runApiCommand(options, async (endpoint) => {
    const answer = await callApi(endpoint, 'DescribeExecution', { executionArn });
    const text = fields([
      ['executionArn', answer.executionArn],
      ['stateMachineArn', answer.stateMachineArn],
      ['name', answer.name],
      ['status', colorStatus(answer.status)],
      ['startDate', isoDate(answer.startDate)],
      ['stopDate', isoDate(answer.stopDate)],
      ['input', pretty(answer.input)],
      ['output', pretty(answer.output)],
      ['error', answer.error],
      ['cause', answer.cause],
    ]);
    return { answer, text };
  });
}

/** JSON text as one compact line (it came as a string; it may be long, but it stays one field). */
function pretty(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.stringify(JSON.parse(value));
  } catch {
    return value;
  }
}
