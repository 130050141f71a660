/**
 * Compiles a comparison rule (`Variable` plus one comparison operator or type test) into a
 * predicate. The literal operand's type is checked here, once, at parse time.
 */
import type { Json, JsonObject } from '../json.js';
import { getOwn } from '../json.js';
import type { ReferencePath } from '../jsonpath/path.js';
import { type Problems, pointer } from '../problems.js';
import type { Scope } from '../scope.js';
import { parseInstant } from '../timestamp.js';
import { COMPARISON_OPERATORS, type ComparisonOperator } from './comparison-operators.js';
import { compileConditionPath } from './compile-condition-path.js';
import { readConditionPath } from './read-condition-path.js';
import { TYPE_TESTS } from './type-tests.js';

export type Predicate = (scope: Scope) => boolean;

export function compileComparison(
  rule: JsonObject,
  name: string,
  at: string,
  problems: Problems,
): Predicate | undefined {
  const variable = compileVariable(rule, at, problems);
  // `?? null`: a non-JSON `undefined` value is then reported as the wrong type.
  const operand = getOwn(rule, name) ?? null;
  const operandAt = pointer(at, name);
  const typeTest = TYPE_TESTS.get(name);
  if (typeTest) {
    if (typeof operand !== 'boolean') return invalid(problems, operandAt, `${name} must be true or false`);
    if (!variable) return undefined;
    if (name === 'IsPresent') return (scope) => typeTest(variable.read(scope)) === operand;
    return (scope) => typeTest(readConditionPath(variable, scope)) === operand;
  }
  const operator = COMPARISON_OPERATORS.get(name);
  if (!operator) return undefined;
  if (operator.path) {
    const other = compileConditionPath(operand, name, operandAt, problems);
    if (!variable || !other) return undefined;
    return (scope) => operator.test(readConditionPath(variable, scope), readConditionPath(other, scope));
  }
  const ok = checkLiteral(operator, operand, operandAt, problems);
  if (!variable || !ok) return undefined;
  return (scope) => operator.test(readConditionPath(variable, scope), operand);
}

function compileVariable(rule: JsonObject, at: string, problems: Problems): ReferencePath | undefined {
  const value = getOwn(rule, 'Variable');
  if (value === undefined) {
    problems.add(
      pointer(at, 'Variable'),
      'MISSING_FIELD',
      'A comparison Choice rule requires the field Variable',
    );
    return undefined;
  }
  return compileConditionPath(value, 'Variable', pointer(at, 'Variable'), problems);
}

const EXPECTED = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  timestamp: 'an RFC 3339 timestamp string',
} as const;

function checkLiteral(operator: ComparisonOperator, operand: Json, at: string, problems: Problems): boolean {
  const kind = operator.operand;
  const typeOk =
    kind === 'timestamp' ? typeof operand === 'string' : typeof operand === kind && isFiniteIfNumber(operand);
  if (!typeOk) return invalid(problems, at, `${operator.name} must be ${EXPECTED[kind]}`) ?? false;
  if (kind === 'timestamp' && parseInstant(operand) === undefined) {
    problems.add(
      at,
      'INVALID_TIMESTAMP',
      `${operator.name} "${String(operand)}" is not an RFC 3339 timestamp`,
    );
    return false;
  }
  return true;
}

function isFiniteIfNumber(value: Json): boolean {
  return typeof value !== 'number' || Number.isFinite(value);
}

function invalid(problems: Problems, at: string, message: string): undefined {
  problems.add(at, 'SCHEMA_VALIDATION_FAILED', message);
  return undefined;
}
