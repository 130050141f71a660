/**
 * Compiles one rule of a JSONata Choice state: `Condition` (a JSONata expression that must
 * yield a boolean), `Next`, and optionally `Assign` and `Output`. JSONPath's Variable and
 * comparison operators are forbidden here.
 */
import { type JsonObject, getOwn, isJsonObject } from '../json.js';
import { expressionBody } from '../jsonata/expression.js';
import { compileJsonataTemplate } from '../jsonata/jsonata-template.js';
import { type Problems, pointer } from '../problems.js';
import type { ConditionRule } from '../types.js';
import { compileAssign } from '../variables/assign.js';

const FIELDS: ReadonlySet<string> = new Set(['Condition', 'Next', 'Comment', 'Assign', 'Output']);
const JSONPATH_FIELDS: ReadonlySet<string> = new Set(['Variable', 'And', 'Or', 'Not']);

export function compileConditionRule(
  raw: unknown,
  at: string,
  problems: Problems,
): ConditionRule | undefined {
  if (!isJsonObject(raw)) {
    problems.add(at, 'SCHEMA_VALIDATION_FAILED', 'A Choice rule must be an object');
    return undefined;
  }
  const before = problems.count;
  reportOtherFields(raw, at, problems);
  const condition = readCondition(raw, at, problems);
  const next = getOwn(raw, 'Next');
  if (next === undefined)
    problems.add(pointer(at, 'Next'), 'MISSING_FIELD', 'A Choice rule requires the field Next');
  else if (typeof next !== 'string' || next.length === 0) {
    problems.add(pointer(at, 'Next'), 'SCHEMA_VALIDATION_FAILED', 'Next must be a non-empty string');
  }
  const assign = compileAssign(getOwn(raw, 'Assign'), pointer(at, 'Assign'), 'JSONata', problems);
  const rawOutput = getOwn(raw, 'Output');
  const output =
    rawOutput === undefined ? undefined : compileJsonataTemplate(rawOutput, pointer(at, 'Output'), problems);
  if (problems.count > before || !condition || typeof next !== 'string') return undefined;
  const rule: ConditionRule = { next, condition };
  if (assign) rule.assign = assign;
  if (output) rule.output = output;
  return rule;
}

function readCondition(raw: JsonObject, at: string, problems: Problems) {
  const value = getOwn(raw, 'Condition');
  const where = pointer(at, 'Condition');
  if (value === undefined) {
    problems.add(where, 'MISSING_FIELD', 'A JSONata Choice rule requires the field Condition');
    return undefined;
  }
  if (typeof value !== 'boolean' && expressionBody(value) === undefined) {
    problems.add(
      where,
      'SCHEMA_VALIDATION_FAILED',
      'Condition must be a JSONata expression ({% … %}) or a boolean',
    );
    return undefined;
  }
  return compileJsonataTemplate(value, where, problems);
}

function reportOtherFields(raw: JsonObject, at: string, problems: Problems): void {
  for (const key of Object.keys(raw)) {
    if (FIELDS.has(key)) continue;
    if (JSONPATH_FIELDS.has(key) || /^(String|Numeric|Boolean|Timestamp|Is)/.test(key)) {
      problems.add(pointer(at, key), 'FORBIDDEN_FIELD', `${key} is not allowed in a JSONata Choice rule`);
    } else {
      problems.add(pointer(at, key), 'UNKNOWN_FIELD', `${key} is not a field of a Choice rule`);
    }
  }
}
