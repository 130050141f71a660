/**
 * Compiles a `Catch` array: ErrorEquals, Next (its target's existence is checked by the
 * definition reader), Assign, and by query language ResultPath (JSONPath: a Reference Path;
 * `null` keeps the raw input, absent is `$`) or Output (JSONata).
 */
import { type JsonObject, getOwn, isJsonObject } from '../json.js';
import { type JsonataTemplate, compileJsonataTemplate } from '../jsonata/jsonata-template.js';
import { compileResultPath } from '../jsonpath/compile-result-path.js';
import type { ResultPath } from '../jsonpath/path.js';
import { type Problems, pointer } from '../problems.js';
import type { QueryLanguage } from '../query-language.js';
import { compileAssign } from '../variables/assign.js';
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

/** The field that only the other query language's catchers have. */
const OTHER_LANGUAGE_FIELD: Readonly<Record<QueryLanguage, string>> = {
  JSONPath: 'Output',
  JSONata: 'ResultPath',
};

export function compileCatchers(
  raw: unknown,
  at: string,
  problems: Problems,
  language: QueryLanguage = 'JSONPath',
): Catcher[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.add(at, 'SCHEMA_VALIDATION_FAILED', 'Catch must be an array of catchers');
    return [];
  }
  const catchers: Catcher[] = [];
  const lists: (string[] | undefined)[] = [];
  for (let index = 0; index < raw.length; index++) {
    const catcher = compileCatcher(raw[index], pointer(at, index), problems, language);
    lists.push(catcher?.errorEquals);
    if (catcher) catchers.push(catcher);
  }
  checkStatesAllLast(lists, at, problems);
  return catchers;
}

function compileCatcher(
  raw: unknown,
  at: string,
  problems: Problems,
  language: QueryLanguage,
): Catcher | undefined {
  if (!isJsonObject(raw)) {
    problems.add(at, 'SCHEMA_VALIDATION_FAILED', 'A catcher must be an object');
    return undefined;
  }
  const before = problems.count;
  reportUnknownFields(raw, CATCHER_FIELDS, 'catcher', at, problems);
  checkField(raw, 'Comment', isString, 'a string', at, problems);
  const other = OTHER_LANGUAGE_FIELD[language];
  if (Object.hasOwn(raw, other)) {
    problems.add(pointer(at, other), 'FORBIDDEN_FIELD', `${other} is not allowed in a ${language} catcher`);
  }
  const errorEquals = readErrorEquals(raw, at, problems);
  const next = readNext(raw, at, problems);
  const resultPath = language === 'JSONPath' ? readResultPath(raw, at, problems) : null;
  const assign = compileAssign(getOwn(raw, 'Assign'), pointer(at, 'Assign'), language, problems);
  const output = language === 'JSONata' ? readOutput(raw, at, problems) : undefined;
  if (problems.count > before || !errorEquals || next === undefined || resultPath === undefined)
    return undefined;
  const catcher: Catcher = { errorEquals, next, resultPath };
  if (assign) catcher.assign = assign;
  if (output) catcher.output = output;
  return catcher;
}

function readOutput(raw: JsonObject, at: string, problems: Problems): JsonataTemplate | undefined {
  const output = getOwn(raw, 'Output');
  return output === undefined ? undefined : compileJsonataTemplate(output, pointer(at, 'Output'), problems);
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
