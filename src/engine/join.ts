/**
 * The join shared by Parallel and Map: children start (up to the concurrency limit), each
 * completion is recorded once, the last one completes the state, and a failure beyond the
 * tolerated count fails it and stops the siblings.
 */
import type { Json } from '../asl/json.js';
import type { MapState, ParallelState } from '../asl/types.js';
import { childId } from './finish.js';
import { failState } from './state-failure.js';
import type { Turn } from './turn.js';
import { visibleVariables } from './variables.js';
import type { ChildOutcome, ChildStart, Join, Phase } from './types.js';

export type JoinState = ParallelState | MapState;

/** Supplies a child's machine and input; Map computes items lazily as they launch. */
export type ChildInputs = (index: number) => ChildInput | Promise<ChildInput>;

export interface ChildInput {
  machineId: string;
  input: Json;
}

export async function startJoin(
  turn: Turn,
  state: JoinState,
  join: Join,
  inputs: ChildInputs,
): Promise<void> {
  const waitId = turn.newWaitId();
  turn.setPosition({ ...turn.position, phase: { kind: 'children', waitId, join } });
  await launchChildren(turn, state, inputs);
}

/** Starts children while the limit allows; records MapIterationStarted for Map. */
export async function launchChildren(turn: Turn, state: JoinState, inputs: ChildInputs): Promise<void> {
  const phase = childrenPhase(turn);
  const join = { ...phase.join };
  const requeued = (join.requeued ?? []).slice();
  const running = join.launched - requeued.length - join.succeeded - join.failed;
  const room = join.limit > 0 ? join.limit - running : join.total;
  const children: ChildStart[] = [];
  const parent = { executionId: turn.snapshot.id, waitId: phase.waitId };
  // Distributed Map children are executions of their own: they see no outer variables.
  const variables =
    state.type === 'Map' && state.mode === 'DISTRIBUTED' ? {} : visibleVariables(turn.snapshot);
  const shared = Object.keys(variables).length > 0 ? { variables: { ...variables } } : {};
  while ((requeued.length > 0 || join.launched < join.total) && children.length < room) {
    const index = requeued.length > 0 ? requeued.shift()! : join.launched++;
    const { machineId, input } = await inputs(index);
    if (state.type === 'Map') turn.record('MapIterationStarted', { name: state.name, index });
    children.push({
      id: childId(turn.snapshot.id, phase.waitId, index),
      index,
      machineId,
      input,
      parent: { ...parent, index },
      ...shared,
    });
  }
  join.requeued = requeued.length > 0 ? requeued : undefined;
  turn.setPosition({ ...turn.position, phase: { ...phase, join } });
  if (children.length > 0) turn.effect({ type: 'StartChildren', waitId: phase.waitId, children });
}

/** Records one child's outcome. Returns false when it was already recorded (a duplicate). */
export function recordChild(turn: Turn, state: JoinState, index: number, outcome: ChildOutcome): boolean {
  const phase = childrenPhase(turn);
  if (index < 0 || index >= phase.join.launched || phase.join.outcomes[index] !== null) return false;
  if (phase.join.requeued?.includes(index)) return false;
  const outcomes = phase.join.outcomes.slice();
  outcomes[index] = outcome;
  const succeeded = phase.join.succeeded + (outcome.status === 'SUCCEEDED' ? 1 : 0);
  const failed = phase.join.failed + (outcome.status === 'FAILED' ? 1 : 0);
  const join: Join = { ...phase.join, outcomes, succeeded, failed };
  turn.setPosition({ ...turn.position, phase: { ...phase, join } });
  if (state.type === 'Map') {
    const type = outcome.status === 'SUCCEEDED' ? 'MapIterationSucceeded' : 'MapIterationFailed';
    turn.record(type, { name: state.name, index });
  }
  return true;
}

/** After a failure: fails the state when the failure is not tolerated. Returns true if it did. */
export async function failIfIntolerable(
  turn: Turn,
  state: JoinState,
  outcome: ChildOutcome,
): Promise<boolean> {
  if (outcome.status !== 'FAILED') return false;
  const { join } = childrenPhase(turn);
  const tolerant = join.toleratedFailureCount !== undefined || join.toleratedFailurePercentage !== undefined;
  if (tolerant && !exceedsTolerance(join)) return false;
  const failedEvent = `${state.type}StateFailed`;
  if (tolerant) {
    const cause = 'The specified tolerated failure threshold was exceeded.';
    await failState(turn, state, 'States.ExceedToleratedFailureThreshold', cause, { failedEvent });
  } else {
    await failState(turn, state, outcome.error, outcome.cause, { failedEvent });
  }
  return true;
}

function exceedsTolerance(join: Join): boolean {
  if (join.toleratedFailureCount !== undefined && join.failed > join.toleratedFailureCount) return true;
  const percentage = (join.failed / join.total) * 100;
  return join.toleratedFailurePercentage !== undefined && percentage > join.toleratedFailurePercentage;
}

export function isComplete(join: Join): boolean {
  return join.succeeded + join.failed === join.total;
}

/** Results in child order; a tolerated failure stands as its error object. */
export function results(join: Join): Json[] {
  return join.outcomes.map((outcome) =>
    outcome === null
      ? null
      : outcome.status === 'SUCCEEDED'
        ? outcome.output
        : { Error: outcome.error, Cause: outcome.cause },
  );
}

export function childrenPhase(turn: Turn): Extract<Phase, { kind: 'children' }> {
  const phase = turn.position.phase;
  if (phase.kind !== 'children') throw new Error(`Execution ${turn.snapshot.id} is not waiting on children`);
  return phase;
}

export function newJoin(total: number, limit: number, tolerance: Partial<Join> = {}): Join {
  return {
    total,
    limit,
    outcomes: new Array(total).fill(null),
    launched: 0,
    succeeded: 0,
    failed: 0,
    ...tolerance,
  };
}

/** True while children remain to be started (new ones, or a redrive's requeued ones). */
export function hasUnlaunched(join: Join): boolean {
  return join.launched < join.total || (join.requeued?.length ?? 0) > 0;
}
