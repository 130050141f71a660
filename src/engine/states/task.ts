import { createHash } from 'node:crypto';
import { StatesError } from '../../asl/errors.js';
import type { Json } from '../../asl/json.js';
import type { Scope } from '../../asl/scope.js';
import { QueryEvaluationError } from '../../asl/jsonata/query-error.js';
import type { MapState, ParallelState, Seconds, TaskState } from '../../asl/types.js';
import { applyInputPath, applyOutputPath, applyResultPath } from '../data-flow.js';
import { evaluateJsonata } from '../jsonata-input.js';
import { stateScope, withInput } from '../scope.js';
import { exitJsonataState, jsonPathCompletion } from '../state-output.js';
import { failState } from '../state-failure.js';
import { type TaskResource, taskResource } from '../task-resource.js';
import { exitState } from '../transition.js';
import type { Turn } from '../turn.js';

/** Schedules the task: evaluates its parameters, records Scheduled/Started, asks for the invocation. */
export async function runTask(turn: Turn, state: TaskState): Promise<void> {
  const resource = taskResource(state);
  const position = turn.position;
  const taskToken = resource.pattern === 'waitForTaskToken' ? turn.env.taskToken() : undefined;
  const scope = stateScope(turn, position.input, { taskToken });
  const jsonata = state.queryLanguage === 'JSONata';
  const effective = jsonata ? position.input : applyInputPath(state.inputPath, scope);
  const parameters = jsonata
    ? state.arguments
      ? await evaluateJsonata(turn, state.arguments, 'Arguments', position.input, { taskToken })
      : effective
    : state.parameters
      ? state.parameters.evaluate(withInput(scope, effective))
      : effective;
  const timeoutSeconds =
    state.timeout &&
    (await resolveSeconds(turn, state.timeout, withInput(scope, effective), 'TimeoutSeconds'));
  const heartbeatSeconds =
    state.heartbeat &&
    (await resolveSeconds(turn, state.heartbeat, withInput(scope, effective), 'HeartbeatSeconds'));

  const waitId = turn.newWaitId();
  const callback = resource.pattern === 'waitForTaskToken';
  const heartbeatWaitId = callback && heartbeatSeconds ? turn.newWaitId() : undefined;
  recordScheduled(turn, resource, parameters, timeoutSeconds, heartbeatSeconds);
  turn.record(
    `${resource.eventPrefix}Started`,
    resource.eventPrefix === 'Task' ? typeOf(resource) : undefined,
  );
  const tokenHash = taskToken === undefined ? undefined : sha256(taskToken);
  turn.setPosition({
    ...position,
    phase: { kind: 'task', waitId, heartbeatWaitId, heartbeatSeconds, tokenHash },
  });
  turn.effect({
    type: 'InvokeTask',
    waitId,
    stateName: state.name,
    resource: state.resource,
    pattern: resource.pattern,
    parameters,
    taskToken,
    timeoutSeconds,
    heartbeatSeconds,
    idempotencyKey: `${turn.snapshot.id}:${state.name}:${waitId}`,
  });
  if (timeoutSeconds) {
    turn.effect({
      type: 'StartTimer',
      waitId,
      dueTime: turn.now + timeoutSeconds * 1000,
      purpose: 'TaskTimeout',
    });
  }
  if (heartbeatWaitId && heartbeatSeconds) startHeartbeatTimer(turn, heartbeatWaitId, heartbeatSeconds);
}

export async function taskSucceeded(turn: Turn, state: TaskState, result: Json): Promise<void> {
  const resource = taskResource(state);
  turn.record(`${resource.eventPrefix}Succeeded`, { ...typeOf(resource), output: result });
  await completeWithTaskResult(turn, state, result);
}

/** Task, Parallel, Map: JSONPath ResultSelector → ResultPath → OutputPath; JSONata Output. */
export async function completeWithTaskResult(
  turn: Turn,
  state: TaskState | ParallelState | MapState,
  result: Json,
): Promise<void> {
  if (state.queryLanguage === 'JSONata') {
    await exitJsonataState(turn, state, result, state.transition, { result });
    return;
  }
  const rawInput = turn.position.input;
  const scope = stateScope(turn, rawInput);
  const selected = state.resultSelector ? state.resultSelector.evaluate(withInput(scope, result)) : result;
  const combined = applyResultPath(state.resultPath, rawInput, selected);
  const output = applyOutputPath(state.outputPath, withInput(scope, combined));
  const completion = await jsonPathCompletion(turn, state.assign, scope, selected, output);
  exitState(turn, state, completion.output, state.transition, completion.assigned);
}

export function taskFailed(turn: Turn, state: TaskState, error: string, cause: string): Promise<void> {
  const resource = taskResource(state);
  turn.record(`${resource.eventPrefix}Failed`, { ...typeOf(resource), error, cause });
  return failState(turn, state, error, cause);
}

/**
 * A timed-out task fails with States.Timeout, a missed heartbeat included (as AWS records it);
 * Retry and Catch see a missed heartbeat as States.HeartbeatTimeout, which States.Timeout
 * also matches.
 */
export function taskTimedOut(
  turn: Turn,
  state: TaskState,
  kind: 'States.Timeout' | 'States.HeartbeatTimeout',
): Promise<void> {
  const resource = taskResource(state);
  const error = 'States.Timeout';
  const cause =
    kind === 'States.Timeout'
      ? 'The task has exceeded its TimeoutSeconds.'
      : 'The task has missed its heartbeat.';
  turn.record(`${resource.eventPrefix}TimedOut`, { ...typeOf(resource), error, cause });
  return failState(turn, state, error, cause, { matchAs: kind });
}

export function taskSubmitted(turn: Turn, state: TaskState, output: Json | undefined): void {
  const resource = taskResource(state);
  const phase = turn.position.phase;
  if (phase.kind !== 'task' || phase.submitted) return;
  turn.record(`${resource.eventPrefix}Submitted`, { ...typeOf(resource), output: output ?? null });
  turn.setPosition({ ...turn.position, phase: { ...phase, submitted: true } });
}

/** A heartbeat restarts the heartbeat clock under a fresh wait id, so the old timer goes stale. */
export function taskHeartbeat(turn: Turn): void {
  const phase = turn.position.phase;
  if (phase.kind !== 'task' || !phase.heartbeatWaitId || !phase.heartbeatSeconds) return;
  const heartbeatWaitId = turn.newWaitId();
  turn.setPosition({ ...turn.position, phase: { ...phase, heartbeatWaitId } });
  startHeartbeatTimer(turn, heartbeatWaitId, phase.heartbeatSeconds);
}

function startHeartbeatTimer(turn: Turn, waitId: string, seconds: number): void {
  turn.effect({
    type: 'StartTimer',
    waitId,
    dueTime: turn.now + seconds * 1000,
    purpose: 'HeartbeatTimeout',
  });
}

function recordScheduled(
  turn: Turn,
  resource: TaskResource,
  parameters: Json,
  timeoutInSeconds: number | undefined,
  heartbeatInSeconds: number | undefined,
): void {
  const timing = { timeoutInSeconds, heartbeatInSeconds };
  if (resource.eventPrefix === 'Task') {
    turn.record('TaskScheduled', { ...typeOf(resource), region: resource.region, parameters, ...timing });
  } else {
    turn.record(`${resource.eventPrefix}Scheduled`, {
      resource: resource.resource,
      input: parameters,
      ...timing,
    });
  }
}

function typeOf(resource: TaskResource): { resourceType: string; resource: string } | undefined {
  return resource.eventPrefix === 'Task'
    ? { resourceType: resource.resourceType, resource: resource.resource }
    : undefined;
}

async function resolveSeconds(turn: Turn, spec: Seconds, scope: Scope, field: string): Promise<number> {
  if ('seconds' in spec) return spec.seconds;
  if ('expression' in spec) {
    const value = await evaluateJsonata(turn, spec.expression, field, turn.position.input);
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
    throw new QueryEvaluationError(
      `The JSONata expression specified for the field '${field}' must return a positive integer, got ${JSON.stringify(value)}`,
      field,
    );
  }
  const value = spec.path.read(scope);
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new StatesError(
      'States.Runtime',
      `The ${field}Path '${spec.path.text}' must reference a positive integer, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
