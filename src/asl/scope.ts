import type { Json } from './json.js';

/**
 * What a compiled path, payload template, intrinsic call or Choice rule evaluates against:
 * the effective input (`$`), the context object (`$$`), the workflow variables (`$name`),
 * and the randomness that `States.UUID` and `States.MathRandom` draw on (injected, so
 * evaluation stays pure).
 */
export interface Scope {
  input: Json;
  context: Json;
  /** Variables visible to the state, outer scopes included, as of the state's entry (absent: none). */
  variables?: Readonly<Record<string, Json>>;
  /** Uniform in [0, 1). */
  random: () => number;
}
