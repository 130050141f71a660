/**
 * The interpreter: `step(definition, snapshot, event, env)` → the decision. Pure: the same
 * inputs give the same decision. An event that does not address the execution's current
 * wait is reported as ignored, which is how duplicates and stale timers are dropped.
 */
import type { Definition, State } from '../asl/types.js';
import { childCompleted } from './child-completed.js';
import { enterState, runState } from './enter-state.js';
import { abortExecution, failExecution, timeOutExecution } from './finish.js';
import { isPureState } from './pure-states.js';
import { redriveExecution } from './redrive.js';
import { guarded } from './state-failure.js';
import { taskFailed, taskHeartbeat, taskSubmitted, taskSucceeded, taskTimedOut } from './states/task.js';
import { finishWait } from './states/wait.js';
import { Turn, ignored } from './turn.js';
import type { Decision, EngineEvent, Env, Snapshot, StepOptions } from './types.js';

export async function step(
  definition: Definition,
  snapshot: Snapshot,
  event: EngineEvent,
  env: Env,
  options: StepOptions = {},
): Promise<Decision> {
  if (event.type === 'Redrive') {
    if (snapshot.status === 'RUNNING' || snapshot.status === 'SUCCEEDED') {
      return ignored(snapshot, `execution is ${snapshot.status}`);
    }
    const turn = new Turn(definition, snapshot, env);
    const reason = await redriveExecution(turn);
    return reason === undefined ? turn.decision() : ignored(snapshot, reason);
  }
  if (snapshot.status !== 'RUNNING') return ignored(snapshot, `execution is ${snapshot.status}`);
  const turn = new Turn(definition, snapshot, env);
  if (event.type === 'Stop') {
    abortExecution(turn, event.error, event.cause);
    return turn.decision();
  }
  if (event.type === 'RuntimeFailure') {
    failExecution(turn, 'States.Runtime', event.cause);
    return turn.decision();
  }
  if (event.type === 'TimerFired' && event.waitId === snapshot.timeoutWaitId) {
    timeOutExecution(turn);
    return turn.decision();
  }
  const reason = await apply(turn, event);
  if (reason !== undefined) return ignored(snapshot, reason);
  if (options.fuseStates) await fuse(turn, options.fuseStates);
  return turn.decision();
}

/** Runs further pure states in this decision while the only effect is "continue". */
async function fuse(turn: Turn, budget: number): Promise<void> {
  for (let fused = 0; fused < budget; fused++) {
    const [only, ...rest] = turn.effects;
    if (rest.length > 0 || only?.type !== 'Continue' || turn.snapshot.status !== 'RUNNING') return;
    if (!isPureState(turn.state.type)) return;
    turn.effects.pop();
    await enterState(turn);
  }
}

/** Applies the event to the current state; returns why it did not apply, if it did not. */
async function apply(
  turn: Turn,
  event: Exclude<EngineEvent, { type: 'Stop' | 'RuntimeFailure' | 'Redrive' }>,
): Promise<string | undefined> {
  const phase = turn.position.phase;
  const state = turn.state;
  if (event.type === 'Advance') {
    if (phase.kind !== 'entering') return 'not entering a state';
    if (event.seq !== undefined && event.seq !== turn.snapshot.seq - 1)
      return `stale advance for seq ${event.seq}`;
    await enterState(turn);
    return undefined;
  }
  if (!('waitId' in phase)) return 'no open wait';
  if (event.type === 'TimerFired') return await timerFired(turn, state, event.waitId);
  if (event.waitId !== phase.waitId) return `stale wait ${event.waitId}`;
  switch (event.type) {
    case 'ChildCompleted':
      if (state.type !== 'Map' && state.type !== 'Parallel') return 'not a Parallel or Map state';
      return orDuplicate(await childCompleted(turn, state, event.index, event.outcome));
  }
  if (phase.kind !== 'task' || state.type !== 'Task') return 'not waiting on a task';
  switch (event.type) {
    case 'TaskSucceeded':
      await guarded(turn, state, () => taskSucceeded(turn, state, event.output));
      return undefined;
    case 'TaskFailed':
      await taskFailed(turn, state, event.error, event.cause);
      return undefined;
    case 'TaskSubmitted':
      if (phase.submitted) return 'already submitted';
      taskSubmitted(turn, state, event.output);
      return undefined;
    case 'TaskHeartbeat':
      if (!phase.heartbeatWaitId) return 'task has no heartbeat';
      taskHeartbeat(turn);
      return undefined;
  }
}

async function timerFired(turn: Turn, state: State, waitId: string): Promise<string | undefined> {
  const phase = turn.position.phase;
  if (phase.kind === 'waiting' && phase.waitId === waitId && state.type === 'Wait') {
    await guarded(turn, state, () => finishWait(turn, state));
    return undefined;
  }
  if (phase.kind === 'retrying' && phase.waitId === waitId) {
    await runState(turn, state);
    return undefined;
  }
  if (phase.kind === 'task' && state.type === 'Task') {
    const error =
      phase.waitId === waitId
        ? 'States.Timeout'
        : phase.heartbeatWaitId === waitId
          ? 'States.HeartbeatTimeout'
          : undefined;
    if (error) {
      await taskTimedOut(turn, state, error);
      return undefined;
    }
  }
  return `stale timer ${waitId}`;
}

function orDuplicate(applied: boolean): string | undefined {
  return applied ? undefined : 'duplicate child completion';
}
