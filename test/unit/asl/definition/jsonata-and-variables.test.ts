/**
 * Validation of JSONata states and workflow variables: a table of definitions and the
 * complete set of problems (JSON Pointer and code) the reader must report for each.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../../../src/asl/index.js';

interface ValidationCase {
  name: string;
  source?: string;
  definition: unknown;
  problems: { path: string; code: string }[];
}

const table = JSON.parse(
  readFileSync(new URL('./jsonata-and-variables-problems.json', import.meta.url), 'utf8'),
) as { cases: ValidationCase[] };

const sorted = (list: { path: string; code: string }[]) =>
  list.map(({ path, code }) => `${code} ${path}`).sort();

describe('validation of JSONata states and variables', () => {
  it.each(table.cases.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const result = parseDefinition(entry.definition);
    expect(sorted(result.problems)).toEqual(sorted(entry.problems));
    expect(result.definition === undefined).toBe(entry.problems.length > 0);
  });
});
