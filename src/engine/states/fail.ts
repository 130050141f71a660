import { StatesError } from '../../asl/errors.js';
import type { Json } from '../../asl/json.js';
import type { Evaluator, FailState } from '../../asl/types.js';
import { failExecution } from '../finish.js';
import { stateScope } from '../scope.js';
import type { Turn } from '../turn.js';

/** Fail: ends the execution with Error/Cause, or the values ErrorPath/CausePath select. */
export function runFail(turn: Turn, state: FailState): void {
  const scope = stateScope(turn, turn.position.input);
  const error = state.errorPath ? readString(state.errorPath, scope, 'ErrorPath') : state.error;
  const cause = state.causePath ? readString(state.causePath, scope, 'CausePath') : state.cause;
  failExecution(turn, error, cause);
}

function readString(evaluate: Evaluator, scope: Parameters<Evaluator>[0], field: string): string {
  const value: Json | undefined = evaluate(scope);
  if (typeof value !== 'string') {
    throw new StatesError(
      'States.Runtime',
      `The value of ${field} must resolve to a string, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}
