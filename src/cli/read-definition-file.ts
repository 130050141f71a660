/** Reads a definition file (JSON, or YAML for .yml/.yaml) into the typed form or its problems. */
import { readFile } from 'node:fs/promises';
import { parseDefinitionText } from '../asl/index.js';
import type { Problem } from '../asl/problems.js';
import type { Definition } from '../asl/types.js';

export async function readDefinitionFile(
  path: string,
): Promise<{ definition?: Definition; problems: Problem[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [{ path: '', code: 'INVALID_JSON', message: `Cannot read ${path}: ${reason}` }] };
  }
  const format = /\.ya?ml$/i.test(path) ? 'yaml' : 'json';
  return parseDefinitionText(text, { format });
}
