/**
 * And, Or (non-empty arrays of nested rules) and Not (one nested rule). Evaluation
 * short-circuits, so `And: [IsPresent, …]` guards the comparisons after it, the pattern the
 * Step Functions documentation recommends for optional fields.
 */
import type { Json } from '../json.js';
import { type Problems, pointer } from '../problems.js';
import type { Predicate } from './compile-comparison.js';

/** Compiles one nested rule (no Next) at a pointer; passed in to keep the modules acyclic. */
export type CompileNested = (raw: unknown, at: string) => Predicate | undefined;

export const COMBINATORS: ReadonlySet<string> = new Set(['And', 'Or', 'Not']);

export function compileCombinator(
  name: string,
  operand: Json | undefined,
  at: string,
  problems: Problems,
  compileNested: CompileNested,
): Predicate | undefined {
  const operandAt = pointer(at, name);
  if (name === 'Not') {
    const inner = compileNested(operand, operandAt);
    return inner && ((scope) => !inner(scope));
  }
  if (!Array.isArray(operand) || operand.length === 0) {
    problems.add(operandAt, 'SCHEMA_VALIDATION_FAILED', `${name} must be a non-empty array of Choice rules`);
    return undefined;
  }
  const predicates: Predicate[] = [];
  // An index loop rather than map: a hole in a sparse array is then reported, not skipped.
  for (let index = 0; index < operand.length; index++) {
    const predicate = compileNested(operand[index], pointer(operandAt, index));
    if (predicate) predicates.push(predicate);
  }
  if (predicates.length !== operand.length) return undefined;
  return name === 'And'
    ? (scope) => predicates.every((predicate) => predicate(scope))
    : (scope) => predicates.some((predicate) => predicate(scope));
}
