import type { ParallelState } from '../../asl/types.js';
import { applyInputPath } from '../data-flow.js';
import { type ChildInputs, newJoin, startJoin } from '../join.js';
import { evaluateJsonata } from '../jsonata-input.js';
import { stateScope, withInput } from '../scope.js';
import type { Turn } from '../turn.js';

/** Parallel: every branch runs as a child execution on the same input. */
export async function runParallel(turn: Turn, state: ParallelState): Promise<void> {
  const inputs = await parallelChildInputs(turn, state);
  turn.record('ParallelStateStarted');
  await startJoin(turn, state, newJoin(state.branches.length, 0), inputs);
}

/** Every branch gets the state's effective input (InputPath, then Parameters; JSONata: Arguments). */
export async function parallelChildInputs(turn: Turn, state: ParallelState): Promise<ChildInputs> {
  const rawInput = turn.position.input;
  let effective = rawInput;
  if (state.queryLanguage === 'JSONata') {
    if (state.arguments) effective = await evaluateJsonata(turn, state.arguments, 'Arguments', rawInput);
  } else {
    const scope = stateScope(turn, rawInput);
    effective = applyInputPath(state.inputPath, scope);
    if (state.parameters) effective = state.parameters.evaluate(withInput(scope, effective));
  }
  const branchInput = effective;
  return (index) => ({ machineId: state.branches[index].id, input: branchInput });
}
