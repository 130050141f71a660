/**
 * Compiles one rule of a Choice state's `Choices` (top level: carries `Next`) or a rule nested
 * in And/Or/Not (no `Next`) into a predicate, reporting every problem, recursively, under
 * `at`. Returns undefined when the rule has any problem.
 */
import { type JsonObject, getOwn, isJsonObject } from '../json.js';
import { type Problems, pointer } from '../problems.js';
import { compileAssign } from '../variables/assign.js';
import type { ChoiceRule } from './choice-rule.js';
import { COMBINATORS, compileCombinator } from './compile-combinator.js';
import { type Predicate, compileComparison } from './compile-comparison.js';
import { COMPARISON_OPERATORS } from './comparison-operators.js';
import { TYPE_TESTS } from './type-tests.js';

const RULE_FIELDS: ReadonlySet<string> = new Set([
  'Variable',
  'Next',
  'Comment',
  'Assign',
  'Condition',
  'Output',
]);

function isOperator(key: string): boolean {
  return COMPARISON_OPERATORS.has(key) || TYPE_TESTS.has(key) || COMBINATORS.has(key);
}

export function compileChoiceRule(
  raw: unknown,
  at: string,
  problems: Problems,
  nested = false,
): ChoiceRule | undefined {
  if (!isJsonObject(raw)) {
    problems.add(at, 'SCHEMA_VALIDATION_FAILED', 'A Choice rule must be an object');
    return undefined;
  }
  const before = problems.count;
  const operators = Object.keys(raw).filter(isOperator);
  reportOtherFields(raw, at, problems, nested);
  const next = nested ? undefined : readNext(raw, at, problems);
  const test = compileOperator(raw, operators, at, problems);
  const assign = nested
    ? undefined
    : compileAssign(getOwn(raw, 'Assign'), pointer(at, 'Assign'), 'JSONPath', problems);
  if (problems.count > before || !test) return undefined;
  const rule: ChoiceRule = next === undefined ? { test } : { next, test };
  if (assign) rule.assign = assign;
  return rule;
}

function compileOperator(
  rule: JsonObject,
  operators: string[],
  at: string,
  problems: Problems,
): Predicate | undefined {
  // A JSONata Condition was already reported as forbidden; no operator is expected beside it.
  if (operators.length === 0 && Object.hasOwn(rule, 'Condition')) return undefined;
  if (operators.length !== 1) {
    const found = operators.length === 0 ? 'none' : operators.join(', ');
    problems.add(
      at,
      'INVALID_CHOICE_RULE',
      `A Choice rule needs exactly one comparison operator, And, Or or Not (found ${found})`,
    );
    return undefined;
  }
  const [name] = operators;
  if (!COMBINATORS.has(name)) return compileComparison(rule, name, at, problems);
  if (Object.hasOwn(rule, 'Variable')) {
    problems.add(
      pointer(at, 'Variable'),
      'INVALID_CHOICE_RULE',
      `A rule with ${name} cannot have a Variable`,
    );
  }
  const compileNested = (inner: unknown, innerAt: string) =>
    compileChoiceRule(inner, innerAt, problems, true)?.test;
  return compileCombinator(name, getOwn(rule, name), at, problems, compileNested);
}

function readNext(rule: JsonObject, at: string, problems: Problems): string | undefined {
  const next = getOwn(rule, 'Next');
  if (next === undefined) {
    problems.add(pointer(at, 'Next'), 'MISSING_FIELD', 'A top-level Choice rule requires the field Next');
    return undefined;
  }
  if (typeof next === 'string' && next.length > 0) return next;
  problems.add(pointer(at, 'Next'), 'SCHEMA_VALIDATION_FAILED', 'Next must be a non-empty string');
  return undefined;
}

function reportOtherFields(rule: JsonObject, at: string, problems: Problems, nested: boolean): void {
  for (const key of Object.keys(rule)) {
    const keyAt = pointer(at, key);
    if (isOperator(key)) continue;
    if (!RULE_FIELDS.has(key)) {
      problems.add(keyAt, 'UNKNOWN_FIELD', `${key} is not a field of a Choice rule`);
    } else if (key === 'Next' && nested) {
      problems.add(
        keyAt,
        'INVALID_CHOICE_RULE',
        'Next is only allowed on a top-level Choice rule, not inside And, Or or Not',
      );
    } else if (key === 'Comment' && typeof getOwn(rule, key) !== 'string') {
      problems.add(keyAt, 'SCHEMA_VALIDATION_FAILED', 'Comment must be a string');
    } else if (key === 'Assign' && nested) {
      problems.add(keyAt, 'FORBIDDEN_FIELD', 'Assign is only allowed on a top-level Choice rule');
    } else if (key === 'Condition' || key === 'Output') {
      problems.add(keyAt, 'FORBIDDEN_FIELD', `${key} is only allowed in a JSONata Choice rule`);
    }
  }
}
