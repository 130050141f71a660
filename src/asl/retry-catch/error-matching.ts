/**
 * Which errors an `ErrorEquals` list matches. What Step Functions documents
 * ("Handling errors in Step Functions workflows", concepts-error-handling):
 * - Names match exactly and case-sensitively.
 * - `States.ALL` matches any error except `States.DataLimitExceeded` and `States.Runtime`.
 * - `States.TaskFailed` "acts as a wildcard that matches any known error name except for
 *   `States.Timeout`". A heartbeat timeout is a kind of timeout (`States.Timeout` covers
 *   "failed to send a heartbeat", and `States.HeartbeatTimeout` was added as a narrower name
 *   for it), so `States.TaskFailed` does not match `States.HeartbeatTimeout` either, while
 *   `States.Timeout` in ErrorEquals does.
 * - `States.Runtime` "is not retriable, and will always cause the execution to fail": no
 *   retrier or catcher handles it, not even one that names it.
 * - `States.DataLimitExceeded` "cannot be caught by the States.ALL error type"; a retrier or
 *   catcher that names it explicitly does match it (as LocalStack's parity tests exercise).
 */
import { StatesErrorName } from '../errors.js';

/** Errors that neither Retry nor Catch may handle at all: the execution fails. */
export function isTerminalError(error: string): boolean {
  return error === StatesErrorName.Runtime;
}

/** Errors that the wildcards (States.ALL, States.TaskFailed) never match. */
function escapesWildcards(error: string): boolean {
  return isTerminalError(error) || error === StatesErrorName.DataLimitExceeded;
}

function isTimeout(error: string): boolean {
  return error === StatesErrorName.Timeout || error === StatesErrorName.HeartbeatTimeout;
}

/** Does one name of an ErrorEquals list match this error? */
export function errorNameMatches(name: string, error: string): boolean {
  if (isTerminalError(error)) return false;
  if (name === error) return true;
  switch (name) {
    case StatesErrorName.ALL:
      return !escapesWildcards(error);
    case StatesErrorName.TaskFailed:
      return !escapesWildcards(error) && !isTimeout(error);
    case StatesErrorName.Timeout:
      return error === StatesErrorName.HeartbeatTimeout;
    default:
      return false;
  }
}

/** Does an ErrorEquals list match this error name? */
export function errorMatches(errorEquals: readonly string[], error: string): boolean {
  return errorEquals.some((name) => errorNameMatches(name, error));
}
