/**
 * A Parallel branch or Map iteration ended: its outcome is recorded once; a failure beyond the
 * tolerance fails the state; the last outcome completes it (Map/ParallelStateSucceeded, then
 * ResultSelector → ResultPath → OutputPath); otherwise the next children start, if any wait.
 */
import {
  failIfIntolerable,
  hasUnlaunched,
  isComplete,
  type JoinState,
  launchChildren,
  recordChild,
  results,
} from './join.js';
import { completeWithResult } from './states/complete-with-result.js';
import { mapChildInputs } from './states/map.js';
import { parallelChildInputs } from './states/parallel.js';
import type { Turn } from './turn.js';
import type { ChildOutcome } from './types.js';

/** Returns false for a duplicate completion. */
export async function childCompleted(
  turn: Turn,
  state: JoinState,
  index: number,
  outcome: ChildOutcome,
): Promise<boolean> {
  if (!recordChild(turn, state, index, outcome)) return false;
  if (await failIfIntolerable(turn, state, outcome)) return true;
  const phase = turn.position.phase;
  if (phase.kind !== 'children') return true;
  if (isComplete(phase.join)) {
    turn.record(`${state.type}StateSucceeded`);
    await completeWithResult(turn, state, results(phase.join));
  } else if (hasUnlaunched(phase.join)) {
    const inputs =
      state.type === 'Map' ? await mapChildInputs(turn, state) : await parallelChildInputs(turn, state);
    await launchChildren(turn, state, inputs);
  }
  return true;
}
