import type { PassState } from '../../asl/types.js';
import { applyInputPath, applyOutputPath, applyResultPath } from '../data-flow.js';
import { stateScope, withInput } from '../scope.js';
import { exitJsonataState, jsonPathCompletion } from '../state-output.js';
import { exitState } from '../transition.js';
import type { Turn } from '../turn.js';

/** Pass: Result (or the effective input) placed by ResultPath; JSONata: Output (or the input). */
export async function runPass(turn: Turn, state: PassState): Promise<void> {
  const rawInput = turn.position.input;
  if (state.queryLanguage === 'JSONata') {
    await exitJsonataState(turn, state, rawInput, state.transition);
    return;
  }
  const scope = stateScope(turn, rawInput);
  let effective = applyInputPath(state.inputPath, scope);
  if (state.parameters) effective = state.parameters.evaluate(withInput(scope, effective));
  const result = state.result !== undefined ? state.result : effective;
  const output = applyOutputPath(
    state.outputPath,
    withInput(scope, applyResultPath(state.resultPath, rawInput, result)),
  );
  const completion = await jsonPathCompletion(turn, state.assign, scope, result, output);
  exitState(turn, state, completion.output, state.transition, completion.assigned);
}
