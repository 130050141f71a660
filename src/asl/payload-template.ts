/** A compiled payload template (Parameters, ResultSelector, ItemSelector, Credentials). */
import type { Json } from './json.js';
import type { Problems } from './problems.js';
import type { Scope } from './scope.js';

export interface PayloadTemplate {
  /** Throws StatesError(States.ParameterPathFailure | States.IntrinsicFailure). */
  evaluate(scope: Scope): Json;
}

/** STUB (owner: jsonpath helper). Reports problems under `pointer`; undefined when invalid. */
export function compilePayloadTemplate(
  raw: unknown,
  pointer: string,
  problems: Problems,
): PayloadTemplate | undefined {
  throw new Error(`not implemented: compilePayloadTemplate ${String(raw)} ${pointer} ${problems.count}`);
}
