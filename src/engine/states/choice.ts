import { QueryEvaluationError } from '../../asl/jsonata/query-error.js';
import type { ChoiceState, ConditionRule } from '../../asl/types.js';
import { applyInputPath, applyOutputPath } from '../data-flow.js';
import { evaluateJsonata } from '../jsonata-input.js';
import { stateScope, withInput } from '../scope.js';
import { failState } from '../state-failure.js';
import { jsonPathCompletion, jsonataCompletion } from '../state-output.js';
import { goTo } from '../transition.js';
import { exitedDetails } from '../transition.js';
import type { Turn } from '../turn.js';
import { applyAssigned } from '../variables.js';
import type { Completion } from '../state-output.js';

/**
 * Choice: the first rule that holds names the next state; else Default; else
 * States.NoChoiceMatched. A matching rule's Assign replaces the state's, which applies only
 * when Default is taken.
 */
export async function runChoice(turn: Turn, state: ChoiceState): Promise<void> {
  const chosen =
    state.queryLanguage === 'JSONata' ? await chooseJsonata(turn, state) : await chooseJsonPath(turn, state);
  if (chosen === undefined) {
    await failState(
      turn,
      state,
      'States.NoChoiceMatched',
      `No Choice Rules matched and no Default was specified.`,
    );
    return;
  }
  const { next, completion } = chosen;
  applyAssigned(turn, completion.assigned);
  turn.record('ChoiceStateExited', exitedDetails(state.name, completion.output, completion.assigned));
  goTo(turn, next, completion.output);
}

type Chosen = { next: string; completion: Completion } | undefined;

async function chooseJsonPath(turn: Turn, state: ChoiceState): Promise<Chosen> {
  const scope = stateScope(turn, turn.position.input);
  const effective = applyInputPath(state.inputPath, scope);
  const ruleScope = withInput(scope, effective);
  const rule = state.choices.find((candidate) => candidate.test(ruleScope));
  const next = rule?.next ?? state.default;
  if (next === undefined) return undefined;
  const output = applyOutputPath(state.outputPath, ruleScope);
  const assign = rule ? rule.assign : state.assign;
  return { next, completion: await jsonPathCompletion(turn, assign, scope, effective, output) };
}

async function chooseJsonata(turn: Turn, state: ChoiceState): Promise<Chosen> {
  const input = turn.position.input;
  let rule: ConditionRule | undefined;
  for (const [index, candidate] of state.conditions.entries()) {
    if (await holds(turn, candidate, index)) {
      rule = candidate;
      break;
    }
  }
  const next = rule?.next ?? state.default;
  if (next === undefined) return undefined;
  const assign = rule ? rule.assign : state.assign;
  const output = rule?.output ?? state.output;
  return { next, completion: await jsonataCompletion(turn, input, {}, assign, output) };
}

async function holds(turn: Turn, rule: ConditionRule, index: number): Promise<boolean> {
  const location = `Choices[${index}].Condition`;
  const value = await evaluateJsonata(turn, rule.condition, location, turn.position.input);
  if (typeof value === 'boolean') return value;
  throw new QueryEvaluationError(
    `The Condition of the Choice rule at index ${index} must evaluate to a boolean, got ${JSON.stringify(value)}`,
    location,
  );
}
