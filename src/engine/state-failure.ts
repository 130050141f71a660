/**
 * A state failed with a spec error: Retry first (Task, Parallel, Map), then Catch, then the
 * execution fails. Terminal errors (States.Runtime, …) skip both.
 */
import { StatesError } from '../asl/errors.js';
import type { JsonObject } from '../asl/json.js';
import { QueryEvaluationError } from '../asl/jsonata/query-error.js';
import { type Catcher, findCatcher, findRetrier, isTerminalError, retryDelayMs } from '../asl/retry-catch.js';
import type { MapState, ParallelState, State, TaskState } from '../asl/types.js';
import { failExecution, stopRunningChildren } from './finish.js';
import { stateScope } from './scope.js';
import { type Completion, jsonPathCompletion, jsonataCompletion } from './state-output.js';
import { exitedDetails, goTo } from './transition.js';
import type { Turn } from './turn.js';
import { applyAssigned } from './variables.js';

type Recoverable = TaskState | ParallelState | MapState;

function isRecoverable(state: State): state is Recoverable {
  return state.type === 'Task' || state.type === 'Parallel' || state.type === 'Map';
}

export interface FailureOptions {
  /** The name Retry and Catch match instead of `error` (a missed heartbeat: States.HeartbeatTimeout). */
  matchAs?: string;
  /** Recorded once no retrier takes the error (MapStateFailed, ParallelStateFailed). */
  failedEvent?: string;
}

export async function failState(
  turn: Turn,
  state: State,
  error: string,
  cause: string,
  options: FailureOptions = {},
): Promise<void> {
  stopRunningChildren(turn);
  const matchAs = options.matchAs ?? error;
  const recoverable = isRecoverable(state) && !isTerminalError(error);
  if (recoverable && scheduleRetry(turn, state, matchAs)) return;
  if (options.failedEvent) turn.record(options.failedEvent);
  if (recoverable && (await catchError(turn, state, matchAs, error, cause))) return;
  failExecution(turn, error, cause);
}

function scheduleRetry(turn: Turn, state: Recoverable, matchAs: string): boolean {
  const index = findRetrier(state.retry, matchAs);
  if (index < 0) return false;
  const position = turn.position;
  const attempts = position.retryCounts[index] ?? 0;
  const retrier = state.retry[index];
  if (attempts >= retrier.maxAttempts) return false;
  const delay = retryDelayMs(retrier, attempts, () => turn.env.random());
  const retryCounts = position.retryCounts.slice();
  retryCounts[index] = attempts + 1;
  for (let i = 0; i < retryCounts.length; i++) retryCounts[i] ??= 0;
  const waitId = turn.newWaitId();
  turn.setPosition({ ...position, retryCounts, phase: { kind: 'retrying', waitId } });
  turn.effect({ type: 'StartTimer', waitId, dueTime: turn.now + delay, purpose: 'Retry' });
  return true;
}

async function catchError(
  turn: Turn,
  state: Recoverable,
  matchAs: string,
  error: string,
  cause: string,
): Promise<boolean> {
  const catcher = findCatcher(state.catch, matchAs);
  if (!catcher) return false;
  let completion: Completion;
  try {
    completion = await caughtOutput(turn, state, catcher, { Error: error, Cause: cause });
    applyAssigned(turn, completion.assigned);
  } catch (failure) {
    if (!(failure instanceof StatesError)) throw failure;
    recordEvaluationFailure(turn, state, failure);
    failExecution(turn, failure.error, failure.cause);
    return true;
  }
  turn.record(`${state.type}StateExited`, exitedDetails(state.name, completion.output, completion.assigned));
  goTo(turn, catcher.next, completion.output);
  return true;
}

/**
 * A catcher's output and variables. JSONPath: ResultPath places the error output into the
 * raw input, Assign reads the error output as `$`. JSONata: Output (absent: the error
 * output) and Assign read `$states.errorOutput`. The catcher's Assign replaces the state's.
 */
function caughtOutput(
  turn: Turn,
  state: Recoverable,
  catcher: Catcher,
  errorOutput: JsonObject,
): Promise<Completion> {
  const rawInput = turn.position.input;
  if (state.queryLanguage === 'JSONata') {
    return jsonataCompletion(turn, errorOutput, { errorOutput }, catcher.assign, catcher.output);
  }
  const output = catcher.resultPath === null ? rawInput : catcher.resultPath.apply(rawInput, errorOutput);
  return jsonPathCompletion(turn, catcher.assign, stateScope(turn, rawInput), errorOutput, output);
}

/** A JSONata expression that failed is recorded as an EvaluationFailed event, as on AWS. */
function recordEvaluationFailure(turn: Turn, state: State, failure: StatesError): void {
  if (!(failure instanceof QueryEvaluationError)) return;
  turn.record('EvaluationFailed', {
    error: failure.error,
    cause: failure.cause,
    location: failure.location,
    state: state.name,
  });
}

/** Runs `work`; a StatesError it throws fails the state (and so goes through Retry/Catch). */
export async function guarded(turn: Turn, state: State, work: () => void | Promise<void>): Promise<void> {
  try {
    await work();
  } catch (failure) {
    if (!(failure instanceof StatesError)) throw failure;
    recordEvaluationFailure(turn, state, failure);
    await failState(turn, state, failure.error, failure.cause);
  }
}
