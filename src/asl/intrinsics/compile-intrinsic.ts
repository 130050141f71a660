/**
 * Intrinsic function calls of the States Language (JSONPath mode), such as
 * `States.Format('Hello {}', $.name)`: parsed and checked once, then evaluated as a closure.
 */
import type { Json } from '../json.js';
import type { CompileResult } from '../jsonpath/path.js';
import type { Scope } from '../scope.js';
import { compileCall } from './compile-call.js';
import { parseIntrinsic } from './parser.js';
import { IntrinsicSyntaxError } from './syntax-error.js';

export type IntrinsicEvaluator = (scope: Scope) => Json;

/** The functions a Fail state's ErrorPath and CausePath may call. */
export const FAIL_STATE_INTRINSICS: ReadonlySet<string> = new Set([
  'States.Format',
  'States.JsonToString',
  'States.ArrayGetItem',
  'States.Base64Encode',
  'States.Base64Decode',
  'States.Hash',
  'States.UUID',
]);

const CALL_START = /^States\.[A-Za-z0-9]+\(/;

/** True when `text` is written as an intrinsic call (`States.Name(`…). */
export function isIntrinsicCall(text: string): boolean {
  return CALL_START.test(text);
}

/**
 * Parses and checks an intrinsic call; the evaluator throws StatesError (INTRINSIC_FAILURE)
 * on misuse at run time. `allowedFunctions` restricts the functions callable at any depth
 * (Fail's ErrorPath/CausePath accept only FAIL_STATE_INTRINSICS).
 */
export function compileIntrinsic(
  text: string,
  options?: { allowedFunctions?: ReadonlySet<string> },
): CompileResult<IntrinsicEvaluator> {
  try {
    const call = parseIntrinsic(text);
    return compileCall(call, { expression: text, allowedFunctions: options?.allowedFunctions });
  } catch (error) {
    if (error instanceof IntrinsicSyntaxError) return { ok: false, message: error.message };
    throw error;
  }
}
