/**
 * RedriveExecution: a FAILED, TIMED_OUT or ABORTED execution resumes at the state where it
 * stopped, with that state's input, under the same id. A Parallel or Map re-runs only the
 * branches and iterations that did not succeed; the others keep their results.
 */
import { launchChildren } from './join.js';
import { mapChildInputs } from './states/map.js';
import { parallelChildInputs } from './states/parallel.js';
import type { Turn } from './turn.js';
import type { Join } from './types.js';

export async function redriveExecution(turn: Turn): Promise<string | undefined> {
  const { snapshot } = turn;
  const position = snapshot.position;
  if (snapshot.parent || !position) return 'not a redrivable execution';
  const redriveCount = snapshot.execution.redriveCount + 1;
  snapshot.status = 'RUNNING';
  snapshot.output = snapshot.error = snapshot.cause = snapshot.stopTime = undefined;
  snapshot.execution = { ...snapshot.execution, redriveCount };
  turn.record('ExecutionRedriven', { redriveCount });
  if (turn.definition.timeoutSeconds) {
    const waitId = `execution-timeout-${redriveCount}`;
    snapshot.timeoutWaitId = waitId;
    const dueTime = turn.now + turn.definition.timeoutSeconds * 1000;
    turn.effect({ type: 'StartTimer', waitId, dueTime, purpose: 'ExecutionTimeout' });
  }
  const state = turn.state;
  const phase = position.phase;
  if (phase.kind === 'children' && (state.type === 'Map' || state.type === 'Parallel')) {
    turn.setPosition({
      ...position,
      retryCounts: [],
      phase: { kind: 'children', waitId: turn.newWaitId(), join: retryFailed(phase.join) },
    });
    await launchChildren(
      turn,
      state,
      state.type === 'Map' ? await mapChildInputs(turn, state) : await parallelChildInputs(turn, state),
    );
  } else {
    turn.setPosition({ ...position, retryCounts: [], phase: { kind: 'entering' } });
    turn.effect({ type: 'Continue' });
  }
  return undefined;
}

/** Succeeded children keep their outcomes; the rest start again, in index order. */
function retryFailed(join: Join): Join {
  const outcomes = join.outcomes.map((outcome) => (outcome?.status === 'SUCCEEDED' ? outcome : null));
  const requeued: number[] = [];
  for (let index = 0; index < join.launched; index++) if (outcomes[index] === null) requeued.push(index);
  return { ...join, outcomes, failed: 0, requeued: requeued.length > 0 ? requeued : undefined };
}
