/**
 * What a JSONata expression of a state sees: `$states` (input, context, and result or
 * errorOutput where the field has them), the variables visible to the state as of its
 * entry, the engine's clock and randomness.
 */
import type { Json, JsonObject } from '../asl/json.js';
import { DEFAULT_EXPRESSION_TIMEOUT_MS, type JsonataInput } from '../asl/jsonata/expression.js';
import type { JsonataTemplate } from '../asl/types.js';
import { type ContextExtras, contextObject } from './context-object.js';
import type { Turn } from './turn.js';
import { visibleVariables } from './variables.js';

export interface StatesFields extends ContextExtras {
  result?: Json;
  errorOutput?: Json;
}

export function jsonataInput(turn: Turn, input: Json, fields: StatesFields = {}): JsonataInput {
  const { snapshot, position } = turn;
  const states: JsonObject = { input };
  // Built on first read only, like the JSONPath context object.
  let context: Json | undefined;
  Object.defineProperty(states, 'context', {
    enumerable: true,
    get: () => {
      context ??= contextObject(snapshot, position, fields);
      return context;
    },
  });
  if (fields.result !== undefined) states.result = fields.result;
  if (fields.errorOutput !== undefined) states.errorOutput = fields.errorOutput;
  return {
    states,
    variables: visibleVariables(snapshot),
    now: turn.now,
    random: turn.env.random,
    timeoutMs: DEFAULT_EXPRESSION_TIMEOUT_MS,
  };
}

/** Evaluates one JSONata field of the current state against its input. */
export function evaluateJsonata(
  turn: Turn,
  template: JsonataTemplate,
  location: string,
  input: Json,
  fields?: StatesFields,
): Promise<Json> {
  return template.evaluate(jsonataInput(turn, input, fields), location);
}
