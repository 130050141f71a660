/** A compiled Choice rule. Top-level rules carry `next`; nested ones (And/Or/Not) do not. */
import type { Scope } from '../scope.js';

export interface ChoiceRule {
  next?: string;
  /** Throws StatesError(States.Runtime) when the Variable path selects nothing. */
  test(scope: Scope): boolean;
}
