import type { SucceedState } from '../../asl/types.js';
import { applyInputPath, applyOutputPath } from '../data-flow.js';
import { stateScope, withInput } from '../scope.js';
import { exitJsonataState } from '../state-output.js';
import { exitState } from '../transition.js';
import type { Turn } from '../turn.js';

export async function runSucceed(turn: Turn, state: SucceedState): Promise<void> {
  if (state.queryLanguage === 'JSONata') {
    await exitJsonataState(turn, state, turn.position.input, { end: true });
    return;
  }
  const scope = stateScope(turn, turn.position.input);
  const output = applyOutputPath(state.outputPath, withInput(scope, applyInputPath(state.inputPath, scope)));
  exitState(turn, state, output, { end: true });
}
