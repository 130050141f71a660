/**
 * A compiled payload template (Parameters, ResultSelector, ItemSelector, Credentials): keys
 * ending in `.$` take a path or an intrinsic call, nested objects and arrays recurse, other
 * values are literal. Compiled once into closures; a constant template costs nothing to
 * evaluate.
 */
import type { Json } from './json.js';
import { compileNode } from './payload-template/compile-node.js';
import type { Problems } from './problems.js';
import type { Scope } from './scope.js';

export interface PayloadTemplate {
  /**
   * Throws StatesError: States.Runtime when a path selects nothing (what AWS raises, with
   * its cause wording), States.IntrinsicFailure when an intrinsic call fails.
   */
  evaluate(scope: Scope): Json;
}

/** Reports every problem under `pointer`; undefined when there is any. */
export function compilePayloadTemplate(
  raw: unknown,
  pointer: string,
  problems: Problems,
): PayloadTemplate | undefined {
  const before = problems.count;
  const node = compileNode(raw, pointer, problems);
  if (problems.count > before) return undefined;
  if (node.constant) {
    const { value } = node;
    return { evaluate: () => value };
  }
  return { evaluate: node.evaluate };
}
