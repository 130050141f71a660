/** States.QueryEvaluationError: a JSONata expression failed or returned nothing. */
import { StatesError, StatesErrorName } from '../errors.js';

export class QueryEvaluationError extends StatesError {
  constructor(
    cause: string,
    /** The field of the state that was being evaluated (EvaluationFailed's `location`). */
    readonly location: string,
  ) {
    super(StatesErrorName.QueryEvaluationError, cause);
  }
}
