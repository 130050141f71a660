import type { SucceedState } from '../../asl/types.js';
import { applyInputPath, applyOutputPath } from '../data-flow.js';
import { stateScope, withInput } from '../scope.js';
import { exitState } from '../transition.js';
import type { Turn } from '../turn.js';

export function runSucceed(turn: Turn, state: SucceedState): void {
  const scope = stateScope(turn, turn.position.input);
  const output = applyOutputPath(state.outputPath, withInput(scope, applyInputPath(state.inputPath, scope)));
  exitState(turn, state, output, { end: true });
}
