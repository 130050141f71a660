/** Shared helpers for the definition reader's tests. */
import type { ParseResult } from '../../../../src/asl/index.js';

/** Each problem as `CODE path`, sorted: the part of a problem a user acts on. */
export function summary(result: ParseResult): string[] {
  return result.problems.map((problem) => `${problem.code} ${problem.path}`).sort();
}

/** A machine whose start state `S` is `state`; `Done` (a Succeed state) is there to be a Next target. */
export function withState(state: unknown, extraStates: Record<string, unknown> = {}): unknown {
  return { StartAt: 'S', States: { S: state, Done: { Type: 'Succeed' }, ...extraStates } };
}
