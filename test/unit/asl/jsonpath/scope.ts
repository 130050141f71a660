import type { Json } from '../../../../src/asl/json.js';
import type { Scope } from '../../../../src/asl/scope.js';

/** A scope for evaluating paths and templates; randomness is fixed, nothing here draws on it. */
export function scopeOf(input: Json, context: Json = {}): Scope {
  return { input, context, random: () => 0.5 };
}
