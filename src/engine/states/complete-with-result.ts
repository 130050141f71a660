import type { Json } from '../../asl/json.js';
import type { MapState, ParallelState } from '../../asl/types.js';
import { guarded } from '../state-failure.js';
import type { Turn } from '../turn.js';
import { completeWithTaskResult } from './task.js';

/** A Parallel's or Map's result array: through the state's output fields, then exit. */
export function completeWithResult(turn: Turn, state: ParallelState | MapState, result: Json): Promise<void> {
  return guarded(turn, state, () => completeWithTaskResult(turn, state, result));
}
