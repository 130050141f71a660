import { StatesError } from '../../asl/errors.js';
import type { Json } from '../../asl/json.js';
import { QueryEvaluationError } from '../../asl/jsonata/query-error.js';
import type { FailState, JsonataTemplate } from '../../asl/types.js';
import { failExecution } from '../finish.js';
import { evaluateJsonata } from '../jsonata-input.js';
import { stateScope } from '../scope.js';
import type { Turn } from '../turn.js';

/** Fail: ends the execution with Error/Cause, or the values ErrorPath/CausePath (or JSONata) give. */
export async function runFail(turn: Turn, state: FailState): Promise<void> {
  const scope = stateScope(turn, turn.position.input);
  const error = state.errorExpression
    ? await evaluateString(turn, state.errorExpression, 'Error')
    : state.errorPath
      ? checkString(state.errorPath(scope), 'ErrorPath')
      : state.error;
  const cause = state.causeExpression
    ? await evaluateString(turn, state.causeExpression, 'Cause')
    : state.causePath
      ? checkString(state.causePath(scope), 'CausePath')
      : state.cause;
  failExecution(turn, error, cause);
}

async function evaluateString(turn: Turn, template: JsonataTemplate, field: string): Promise<string> {
  const value = await evaluateJsonata(turn, template, field, turn.position.input);
  if (typeof value === 'string') return value;
  throw new QueryEvaluationError(
    `The JSONata expression specified for the field '${field}' must return a string, got ${JSON.stringify(value)}`,
    field,
  );
}

function checkString(value: Json | undefined, field: string): string {
  if (typeof value !== 'string') {
    throw new StatesError(
      'States.Runtime',
      `The value of ${field} must resolve to a string, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}
