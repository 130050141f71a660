import type { ChoiceRule } from '../../../../src/asl/choice/choice-rule.js';
import { compileChoiceRule } from '../../../../src/asl/choice/compile-choice-rule.js';
import type { Json } from '../../../../src/asl/json.js';
import { type Problem, Problems } from '../../../../src/asl/problems.js';
import type { Scope } from '../../../../src/asl/scope.js';

export function scope(input: Json, context: Json = {}): Scope {
  return { input, context, random: () => 0 };
}

/** Compiles a top-level rule that must be valid. */
export function rule(raw: unknown): ChoiceRule {
  const problems = new Problems();
  const compiled = compileChoiceRule(raw, '/States/Check/Choices/0', problems);
  if (!compiled) throw new Error(`unexpected problems: ${JSON.stringify(problems.list)}`);
  return compiled;
}

/** Evaluates a nested-style condition (Next is added) against an input. */
export function holds(condition: Record<string, unknown>, input: Json, context: Json = {}): boolean {
  return rule({ ...condition, Next: 'Target' }).test(scope(input, context));
}

/** The problems of a top-level rule at `/States/Check/Choices/0`. */
export function problemsOf(raw: unknown): Problem[] {
  const problems = new Problems();
  const compiled = compileChoiceRule(raw, '/States/Check/Choices/0', problems);
  if (compiled && problems.count === 0) return [];
  return problems.list;
}
