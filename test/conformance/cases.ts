/** Loads the table of conformance cases: test/conformance/<topic>/<name>.json. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Json } from '../../src/asl/json.js';

export interface Expected {
  status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  output?: Json;
  error?: string;
  cause?: string;
  causeIncludes?: string;
  historyTypes?: string[];
}

export interface ConformanceCase {
  file: string;
  name: string;
  source?: string;
  definition: Json;
  input: Json;
  expected: Expected;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return entry.endsWith('.json') ? [path] : [];
  });
}

export function loadCases(root: string): ConformanceCase[] {
  return jsonFiles(root).flatMap((path) => {
    const file = relative(root, path);
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { cases: Omit<ConformanceCase, 'file'>[] };
    return parsed.cases.map((entry) => ({ ...entry, input: entry.input ?? {}, file }));
  });
}
