import type { Problems } from '../problems.js';
import type { ChoiceRule } from './choice-rule.js';

/**
 * STUB (owner: choice helper). Compiles one rule of `Choices` (top level: needs `Next`) or a
 * nested rule inside And/Or/Not (no `Next`). Reports every problem under `pointer`.
 */
export function compileChoiceRule(
  raw: unknown,
  pointer: string,
  problems: Problems,
  nested = false,
): ChoiceRule | undefined {
  throw new Error(`not implemented: compileChoiceRule ${String(raw)} ${pointer} ${problems.count} ${nested}`);
}
