/**
 * A state completed: its output and the variables it assigns, in its query language.
 * JSONPath: the output comes from the state's paths (computed by the caller) and Assign reads
 * `$` = the value the caller names (the result, or the effective input). JSONata: `Output`
 * (absent: `fallback`) and `Assign` read `$states`.
 */
import type { Json } from '../asl/json.js';
import type { Scope } from '../asl/scope.js';
import type { Assign, JsonataTemplate, State, Transition } from '../asl/types.js';
import { type StatesFields, evaluateJsonata, jsonataInput } from './jsonata-input.js';
import { withInput } from './scope.js';
import { exitState } from './transition.js';
import type { Turn } from './turn.js';
import { evaluateAssign } from './variables.js';

export interface Completion {
  output: Json;
  assigned?: Record<string, Json>;
}

/** JSONPath: the output is known; Assign reads `assignInput` as `$`. */
export async function jsonPathCompletion(
  turn: Turn,
  assign: Assign | undefined,
  scope: Scope,
  assignInput: Json,
  output: Json,
): Promise<Completion> {
  const assigned = await evaluateAssign(
    assign,
    () => withInput(scope, assignInput),
    () => jsonataInput(turn, turn.position.input),
  );
  return { output, assigned };
}

/** JSONata: Output (or `fallback`) and Assign, both against `$states` with `fields`. */
export async function jsonataCompletion(
  turn: Turn,
  fallback: Json,
  fields: StatesFields = {},
  assign: Assign | undefined = undefined,
  output: JsonataTemplate | undefined = undefined,
): Promise<Completion> {
  const input = turn.position.input;
  const assigned = await evaluateAssign(
    assign,
    () => {
      throw new Error('a JSONata state has no JSONPath Assign');
    },
    () => jsonataInput(turn, input, fields),
  );
  const value = output ? await evaluateJsonata(turn, output, 'Output', input, fields) : fallback;
  return { output: value, assigned };
}

/** Completes a JSONata state with its own Output and Assign. */
export async function exitJsonataState(
  turn: Turn,
  state: State,
  fallback: Json,
  transition: Transition,
  fields: StatesFields = {},
): Promise<void> {
  const { output, assigned } = await jsonataCompletion(turn, fallback, fields, state.assign, state.output);
  exitState(turn, state, output, transition, assigned);
}
