import type { PassState } from '../../asl/types.js';
import { applyInputPath, applyOutputPath, applyResultPath } from '../data-flow.js';
import { stateScope, withInput } from '../scope.js';
import { exitState } from '../transition.js';
import type { Turn } from '../turn.js';

/** Pass: Result (or the effective input) placed by ResultPath. */
export function runPass(turn: Turn, state: PassState): void {
  const rawInput = turn.position.input;
  const scope = stateScope(turn, rawInput);
  let effective = applyInputPath(state.inputPath, scope);
  if (state.parameters) effective = state.parameters.evaluate(withInput(scope, effective));
  const result = state.result !== undefined ? state.result : effective;
  const output = applyOutputPath(
    state.outputPath,
    withInput(scope, applyResultPath(state.resultPath, rawInput, result)),
  );
  exitState(turn, state, output, state.transition);
}
