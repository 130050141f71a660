import type { Json } from '../json.js';
import type { CompileResult } from '../jsonpath/path.js';
import type { Scope } from '../scope.js';

export type IntrinsicEvaluator = (scope: Scope) => Json;

/** STUB (owner: intrinsics helper). True when `text` is written as an intrinsic call (`States.Name(`…). */
export function isIntrinsicCall(text: string): boolean {
  return /^States\.[A-Za-z0-9]+\(/.test(text);
}

/**
 * STUB (owner: intrinsics helper). Parses and checks an intrinsic call; the evaluator throws
 * StatesError(States.IntrinsicFailure) on misuse at run time. `allowedFunctions` restricts
 * the functions (Fail's ErrorPath/CausePath accept only a subset).
 */
export function compileIntrinsic(
  text: string,
  options?: { allowedFunctions?: ReadonlySet<string> },
): CompileResult<IntrinsicEvaluator> {
  throw new Error(`not implemented: compileIntrinsic(${text}) ${String(options)}`);
}
