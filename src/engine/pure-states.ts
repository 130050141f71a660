/** States that do no I/O and wait for nothing: what fusion may run several of in one decision. */
import type { StateType } from '../asl/types.js';

const PURE_STATES: ReadonlySet<StateType> = new Set<StateType>(['Pass', 'Choice', 'Succeed', 'Fail']);

export function isPureState(type: StateType): boolean {
  return PURE_STATES.has(type);
}
