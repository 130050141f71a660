/** `quickstep history <executionArn> [--reverse]`: every event of GetExecutionHistory, one a line. */
import pc from 'picocolors';
import { type ApiBody, callApi } from './api-client.js';
import { type ApiCommandOptions, isoDate, runApiCommand } from './api-command.js';

const DETAIL_WIDTH = 160;

export async function historyCommand(
  executionArn: string,
  options: ApiCommandOptions & { reverse?: boolean },
): Promise<number> {
  return runApiCommand(options, async (endpoint) => {
    const events: ApiBody[] = [];
    let nextToken: unknown;
    do {
      const page = await callApi(endpoint, 'GetExecutionHistory', {
        executionArn,
        reverseOrder: Boolean(options.reverse),
        maxResults: 1000,
        nextToken,
      });
      events.push(...((page.events ?? []) as ApiBody[]));
      nextToken = page.nextToken;
    } while (nextToken);
    return { answer: { events }, text: events.map(eventLine).join('') };
  });
}

function eventLine(event: ApiBody): string {
  const member = Object.keys(event).find((key) => key.endsWith('EventDetails'));
  const details = member ? JSON.stringify(event[member]) : '';
  const shown = details.length > DETAIL_WIDTH ? `${details.slice(0, DETAIL_WIDTH - 1)}…` : details;
  const id = String(event.id).padStart(4);
  return `${id}  ${pc.dim(isoDate(event.timestamp))}  ${String(event.type).padEnd(28)} ${pc.dim(shown)}\n`;
}
