/**
 * `Assign`: the variables a state (or a Choice rule, or a catcher) sets when it completes.
 * JSONPath: a payload template (`name.$` keys take a path or an intrinsic call); JSONata:
 * every value may hold `{% … %}` expressions. Names are checked here; scope rules (no
 * assignment to an outer scope's name) by check-variable-scopes.
 */
import type { Json } from '../json.js';
import { isJsonObject } from '../json.js';
import { type JsonataTemplate, compileJsonataTemplate } from '../jsonata/jsonata-template.js';
import { type PayloadTemplate, compilePayloadTemplate } from '../payload-template.js';
import { type Problems, pointer } from '../problems.js';
import type { QueryLanguage } from '../query-language.js';

import { variableNameProblem } from './variable-name.js';

interface AssignFields {
  pointer: string;
  /** Variable names, and the keys as written (`name.$` in JSONPath), in the same order. */
  names: string[];
  keys: string[];
}

export type Assign =
  | (AssignFields & { language: 'JSONPath'; template: PayloadTemplate })
  | (AssignFields & { language: 'JSONata'; template: JsonataTemplate });

/** Undefined when absent or when a problem was reported. */
export function compileAssign(
  raw: Json | undefined,
  at: string,
  language: QueryLanguage,
  problems: Problems,
): Assign | undefined {
  if (raw === undefined) return undefined;
  if (!isJsonObject(raw)) {
    problems.add(at, 'SCHEMA_VALIDATION_FAILED', 'Assign must be an object of variable names and values');
    return undefined;
  }
  const before = problems.count;
  const names: string[] = [];
  for (const key of Object.keys(raw)) {
    const name = language === 'JSONPath' && key.endsWith('.$') ? key.slice(0, -2) : key;
    const problem = variableNameProblem(name);
    if (problem) problems.add(pointer(at, key), 'INVALID_VARIABLE', `Assign: ${problem}`);
    names.push(name);
  }
  if (language === 'JSONata') {
    const template = compileJsonataTemplate(raw, at, problems);
    return template && problems.count === before
      ? { language, pointer: at, names, keys: Object.keys(raw), template }
      : undefined;
  }
  const template = compilePayloadTemplate(raw, at, problems);
  return template && problems.count === before
    ? { language, pointer: at, names, keys: Object.keys(raw), template }
    : undefined;
}
