/** `--input` as JSON text or `@file`; a clear error for anything that is not JSON. */
import { readFile } from 'node:fs/promises';
import type { Json } from '../asl/json.js';

export async function readInput(option: string | undefined): Promise<{ input?: Json; error?: string }> {
  if (option === undefined) return { input: {} };
  let text = option;
  if (option.startsWith('@')) {
    try {
      text = await readFile(option.slice(1), 'utf8');
    } catch (error) {
      return {
        error: `Cannot read input file ${option.slice(1)}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  try {
    return { input: JSON.parse(text) as Json };
  } catch (error) {
    return { error: `Input is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}
