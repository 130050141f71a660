/** `quickstep list <stateMachine> [--status]`: ListExecutions, newest first. */
import { type ApiBody, callApi, resolveStateMachineArn } from './api-client.js';
import { type ApiCommandOptions, colorStatus, isoDate, runApiCommand, UsageError } from './api-command.js';

export async function listCommand(
  stateMachine: string,
  options: ApiCommandOptions & { status?: string; max?: string },
): Promise<number> {
  return runApiCommand(options, async (endpoint) => {
    const max = Number(options.max ?? '100');
    if (!Number.isInteger(max) || max < 1)
      throw new UsageError(`--max must be a positive integer, got ${options.max}`);
    const stateMachineArn = await resolveStateMachineArn(endpoint, stateMachine);
    const executions: ApiBody[] = [];
    let nextToken: unknown;
    do {
      const page = await callApi(endpoint, 'ListExecutions', {
        stateMachineArn,
        statusFilter: options.status?.toUpperCase(),
        maxResults: Math.min(1000, max - executions.length),
        nextToken,
      });
      executions.push(...((page.executions ?? []) as ApiBody[]));
      nextToken = page.nextToken;
    } while (nextToken && executions.length < max);
    const lines = executions.map(
      (item) =>
        `${colorStatus(String(item.status).padEnd(9))}  ${isoDate(item.startDate)}  ${String(item.executionArn)}\n`,
    );
    const text = lines.length > 0 ? lines.join('') : 'No executions.\n';
    return { answer: { executions, nextToken }, text };
  });
}
