import type { ChoiceState } from '../../asl/types.js';
import { applyInputPath, applyOutputPath } from '../data-flow.js';
import { stateScope, withInput } from '../scope.js';
import { goTo } from '../transition.js';
import type { Turn } from '../turn.js';
import { failState } from '../state-failure.js';

/** Choice: the first rule that holds names the next state; else Default; else States.NoChoiceMatched. */
export async function runChoice(turn: Turn, state: ChoiceState): Promise<void> {
  const scope = stateScope(turn, turn.position.input);
  const effective = applyInputPath(state.inputPath, scope);
  const ruleScope = withInput(scope, effective);
  const next = state.choices.find((rule) => rule.test(ruleScope))?.next ?? state.default;
  if (next === undefined) {
    await failState(
      turn,
      state,
      'States.NoChoiceMatched',
      `No Choice Rules matched and no Default was specified.`,
    );
    return;
  }
  const output = applyOutputPath(state.outputPath, ruleScope);
  turn.record('ChoiceStateExited', { name: state.name, output });
  goTo(turn, next, output);
}
