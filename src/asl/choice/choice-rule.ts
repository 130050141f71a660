/** A compiled Choice rule. Top-level rules carry `next`; nested ones (And/Or/Not) do not. */
import type { Scope } from '../scope.js';
import type { Assign } from '../variables/assign.js';

export interface ChoiceRule {
  next?: string;
  /** A top-level rule's Assign: replaces the state's when the rule matches. */
  assign?: Assign;
  /** Throws StatesError(States.Runtime) when the Variable path selects nothing. */
  test(scope: Scope): boolean;
}
