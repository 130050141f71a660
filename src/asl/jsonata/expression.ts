/**
 * One JSONata expression (the text between `{%` and `%}`), compiled once by the `jsonata`
 * package and evaluated against `$states`, the workflow variables and the AWS functions.
 * Evaluation is bounded in time: a hook on every evaluation step throws past the deadline.
 */
import jsonata from 'jsonata';
import type { Json, JsonObject } from '../json.js';
import type { CompileResult } from '../jsonpath/path.js';
import { awsFunctions } from './aws-functions.js';
import { QueryEvaluationError } from './query-error.js';

/** What one evaluation sees. */
export interface JsonataInput {
  /** `$states`: input, context, and result / errorOutput where the field has them. */
  states: JsonObject;
  /** Workflow variables visible to the state (outer scopes included), by name. */
  variables: Readonly<Record<string, Json>>;
  /** The engine's clock (ms) and randomness. */
  now: number;
  random: () => number;
  /** Wall-clock budget of one expression. */
  timeoutMs: number;
}

export const DEFAULT_EXPRESSION_TIMEOUT_MS = 1000;

const DEADLINE = '__quickstepDeadline';
const TIMEOUT = '__quickstepTimeout';

export interface CompiledExpression {
  readonly text: string;
  evaluate(input: JsonataInput, location: string): Promise<Json>;
}

/** Matches a string that is wholly a JSONata expression: `{% … %}`. */
export function expressionBody(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('{%') || !value.endsWith('%}') || value.length < 4) {
    return undefined;
  }
  return value.slice(2, -2);
}

export function compileExpression(body: string): CompileResult<CompiledExpression> {
  if (/\$eval\s*\(/.test(body)) return { ok: false, message: '$eval is not available in Step Functions' };
  let compiled: jsonata.Expression;
  try {
    compiled = jsonata(body);
  } catch (error) {
    return { ok: false, message: `Invalid JSONata expression '${body.trim()}': ${messageOf(error)}` };
  }
  compiled.assign(Symbol.for('jsonata.__evaluate_entry') as unknown as string, checkDeadline);
  const text = body.trim();
  return { ok: true, value: { text, evaluate: (input, location) => run(compiled, text, input, location) } };
}

/** Called by jsonata before each evaluation step: past the deadline, the expression is stopped. */
function checkDeadline(_expr: unknown, _input: unknown, environment: jsonata.Environment): void {
  const deadline = environment.lookup(DEADLINE) as number | undefined;
  if (deadline !== undefined && Date.now() > deadline) {
    throw new ExpressionTimeout(environment.lookup(TIMEOUT) as number);
  }
}

class ExpressionTimeout extends Error {
  constructor(readonly budgetMs: number) {
    super(`JSONata expression timed out after ${budgetMs} ms`);
  }
}

async function run(
  compiled: jsonata.Expression,
  text: string,
  input: JsonataInput,
  location: string,
): Promise<Json> {
  const bindings: Record<string, unknown> = {
    ...input.variables,
    ...awsFunctions(input.now, input.random),
    states: input.states,
    [DEADLINE]: Date.now() + input.timeoutMs,
    [TIMEOUT]: input.timeoutMs,
  };
  let result: unknown;
  try {
    result = await compiled.evaluate(input.states.input, bindings);
  } catch (error) {
    if (error instanceof ExpressionTimeout) throw new QueryEvaluationError(error.message, location);
    throw new QueryEvaluationError(
      `An error occurred while evaluating the JSONata expression '${text}' in the field '${location}': ${messageOf(error)}`,
      location,
    );
  }
  const json = toJson(result);
  if (json === undefined) {
    throw new QueryEvaluationError(
      `The JSONata expression '${text}' specified for the field '${location}' returned nothing (undefined).`,
      location,
    );
  }
  return json;
}

/** JSONata sequences and functions are not JSON: a round trip keeps the data only. */
function toJson(value: unknown): Json | undefined {
  if (value === undefined || typeof value === 'function') return undefined;
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text) as Json);
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}
