import type { ChildOutcome } from '../types.js';
import type { ParallelState } from '../../asl/types.js';
import { applyInputPath } from '../data-flow.js';
import {
  type ChildInputs,
  failIfIntolerable,
  isComplete,
  newJoin,
  recordChild,
  results,
  startJoin,
} from '../join.js';
import { stateScope, withInput } from '../scope.js';
import { completeWithResult } from './complete-with-result.js';
import type { Turn } from '../turn.js';

/** Parallel: every branch runs as a child execution on the same input. */
export async function runParallel(turn: Turn, state: ParallelState): Promise<void> {
  const inputs = parallelChildInputs(turn, state);
  turn.record('ParallelStateStarted');
  await startJoin(turn, state, newJoin(state.branches.length, 0), inputs);
}

/** Every branch gets the state's effective input (InputPath, then Parameters). */
export function parallelChildInputs(turn: Turn, state: ParallelState): ChildInputs {
  const scope = stateScope(turn, turn.position.input);
  let effective = applyInputPath(state.inputPath, scope);
  if (state.parameters) effective = state.parameters.evaluate(withInput(scope, effective));
  const branchInput = effective;
  return (index) => ({ machineId: state.branches[index].id, input: branchInput });
}

/** Returns false for a duplicate completion. */
export async function parallelChildCompleted(
  turn: Turn,
  state: ParallelState,
  index: number,
  outcome: ChildOutcome,
): Promise<boolean> {
  if (!recordChild(turn, state, index, outcome)) return false;
  if (await failIfIntolerable(turn, state, outcome)) return true;
  const phase = turn.position.phase;
  if (phase.kind === 'children' && isComplete(phase.join)) {
    turn.record('ParallelStateSucceeded');
    await completeWithResult(turn, state, results(phase.join));
  }
  return true;
}
