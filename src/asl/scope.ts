import type { Json } from './json.js';

/**
 * What a compiled path, payload template, intrinsic call or Choice rule evaluates against:
 * the effective input (`$`), the context object (`$$`), and the randomness that
 * `States.UUID` and `States.MathRandom` draw on (injected, so evaluation stays pure).
 */
export interface Scope {
  input: Json;
  context: Json;
  /** Uniform in [0, 1). */
  random: () => number;
}
