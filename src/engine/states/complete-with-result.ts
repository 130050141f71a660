import type { Json } from '../../asl/json.js';
import type { MapState, ParallelState } from '../../asl/types.js';
import { applyOutputPath, applyResultPath } from '../data-flow.js';
import { stateScope, withInput } from '../scope.js';
import { guarded } from '../state-failure.js';
import { exitState } from '../transition.js';
import type { Turn } from '../turn.js';

/** ResultSelector → ResultPath → OutputPath on a Parallel's or Map's result array, then exit. */
export function completeWithResult(turn: Turn, state: ParallelState | MapState, result: Json): Promise<void> {
  return guarded(turn, state, () => {
    const rawInput = turn.position.input;
    const scope = stateScope(turn, rawInput);
    const selected = state.resultSelector ? state.resultSelector.evaluate(withInput(scope, result)) : result;
    const combined = applyResultPath(state.resultPath, rawInput, selected);
    exitState(turn, state, applyOutputPath(state.outputPath, withInput(scope, combined)), state.transition);
  });
}
