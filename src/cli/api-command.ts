/**
 * What the API commands share: `--endpoint`, `--json` (the raw answer on stdout), and exit
 * status 0 done, 1 refused by the API or unreachable, 2 bad arguments.
 */
import pc from 'picocolors';
import { type ApiBody, ApiCallError, DEFAULT_ENDPOINT } from './api-client.js';

export interface ApiCommandOptions {
  endpoint?: string;
  json?: boolean;
}

/** Thrown for arguments rejected before any call: exit 2. */
export class UsageError extends Error {}

export async function runApiCommand(
  options: ApiCommandOptions,
  work: (endpoint: string) => Promise<{ answer: ApiBody; text: string }>,
): Promise<number> {
  try {
    const { answer, text } = await work(options.endpoint ?? DEFAULT_ENDPOINT);
    process.stdout.write(options.json ? `${JSON.stringify(answer)}\n` : text);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${pc.red('✗')} ${error.message}\n`);
      return 2;
    }
    if (error instanceof ApiCallError) {
      process.stderr.write(`${pc.red('✗')} ${pc.bold(error.type)}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** An API date (epoch seconds) as ISO 8601 text. */
export function isoDate(value: unknown): string {
  return typeof value === 'number' ? new Date(value * 1000).toISOString() : '';
}

/** Aligned `label  value` lines, skipping empty values. */
export function fields(rows: [string, unknown][]): string {
  const shown = rows.filter(([, value]) => value !== undefined && value !== null && value !== '');
  const width = Math.max(...shown.map(([label]) => label.length));
  return `${shown.map(([label, value]) => `${pc.dim(label.padEnd(width))}  ${String(value)}`).join('\n')}\n`;
}

export function colorStatus(status: unknown): string {
  const text = String(status);
  if (text === 'SUCCEEDED') return pc.green(text);
  if (text === 'RUNNING') return pc.cyan(text);
  if (text === 'ABORTED') return pc.yellow(text);
  return pc.red(text);
}
