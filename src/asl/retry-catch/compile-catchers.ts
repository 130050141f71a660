/**
 * Compiles a `Catch` array: ErrorEquals, Next (its target's existence is checked by the
 * definition reader), ResultPath (a Reference Path; `null` keeps the raw input, absent is `$`).
 * `Assign` and `Output` are valid ASL that Quickstep does not run yet.
 */
import { type JsonObject, getOwn, isJsonObject } from '../json.js';
import { compileResultPath } from '../jsonpath/compile-result-path.js';
import type { ResultPath } from '../jsonpath/path.js';
import { type Problems, pointer } from '../problems.js';
import type { Catcher } from './catcher.js';
import { checkField, isString, reportUnknownFields } from './entry-fields.js';
import { checkStatesAllLast, readErrorEquals } from './error-equals.js';

const CATCHER_FIELDS: ReadonlySet<string> = new Set([
  'ErrorEquals',
  'Next',
  'ResultPath',
  'Comment',
  'Assign',
  'Output',
]);

export function compileCatchers(raw: unknown, at: string, problems: Problems): Catcher[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.add(at, 'SCHEMA_VALIDATION_FAILED', 'Catch must be an array of catchers');
    return [];
  }
  const catchers: Catcher[] = [];
  const lists: (string[] | undefined)[] = [];
  for (let index = 0; index < raw.length; index++) {
    const catcher = compileCatcher(raw[index], pointer(at, index), problems);
    lists.push(catcher?.errorEquals);
    if (catcher) catchers.push(catcher);
  }
  checkStatesAllLast(lists, at, problems);
  return catchers;
}

function compileCatcher(raw: unknown, at: string, problems: Problems): Catcher | undefined {
  if (!isJsonObject(raw)) {
    problems.add(at, 'SCHEMA_VALIDATION_FAILED', 'A catcher must be an object');
    return undefined;
  }
  const before = problems.count;
  reportUnknownFields(raw, CATCHER_FIELDS, 'catcher', at, problems);
  checkField(raw, 'Comment', isString, 'a string', at, problems);
  for (const key of ['Assign', 'Output']) {
    if (Object.hasOwn(raw, key)) {
      problems.add(pointer(at, key), 'UNSUPPORTED_FEATURE', `${key} on a catcher is not supported yet`);
    }
  }
  const errorEquals = readErrorEquals(raw, at, problems);
  const next = readNext(raw, at, problems);
  const resultPath = readResultPath(raw, at, problems);
  if (problems.count > before || !errorEquals || next === undefined || resultPath === undefined)
    return undefined;
  return { errorEquals, next, resultPath };
}

function readNext(raw: JsonObject, at: string, problems: Problems): string | undefined {
  const next = getOwn(raw, 'Next');
  if (next === undefined) {
    problems.add(pointer(at, 'Next'), 'MISSING_FIELD', 'A catcher requires the field Next');
    return undefined;
  }
  if (typeof next === 'string' && next.length > 0) return next;
  problems.add(pointer(at, 'Next'), 'SCHEMA_VALIDATION_FAILED', 'Next must be a non-empty string');
  return undefined;
}

/** null: keep the raw input; undefined: a problem was reported. */
function readResultPath(raw: JsonObject, at: string, problems: Problems): ResultPath | null | undefined {
  const text = getOwn(raw, 'ResultPath');
  if (text === null) return null;
  if (text !== undefined && typeof text !== 'string') {
    problems.add(
      pointer(at, 'ResultPath'),
      'SCHEMA_VALIDATION_FAILED',
      'ResultPath must be a string or null',
    );
    return undefined;
  }
  const compiled = compileResultPath(text ?? '$');
  if (compiled.ok) return compiled.value;
  problems.add(pointer(at, 'ResultPath'), 'INVALID_REFERENCE_PATH', compiled.message);
  return undefined;
}
