/**
 * How an execution ends. A top-level execution records Execution* history events; a child
 * (Parallel branch, Map iteration) ends silently and its parent records the outcome.
 */
import type { Json } from '../asl/json.js';
import type { Turn } from './turn.js';
import type { ExecutionStatus } from './types.js';

export function succeedExecution(turn: Turn, output: Json): void {
  if (!turn.snapshot.parent) turn.record('ExecutionSucceeded', { output });
  end(turn, 'SUCCEEDED', { output });
}

export function failExecution(turn: Turn, error: string | undefined, cause: string | undefined): void {
  if (!turn.snapshot.parent) turn.record('ExecutionFailed', { error, cause });
  end(turn, 'FAILED', { error, cause });
}

export function timeOutExecution(turn: Turn): void {
  const error = 'States.Timeout';
  const cause = 'The execution has exceeded its TimeoutSeconds.';
  if (!turn.snapshot.parent) turn.record('ExecutionTimedOut', { error, cause });
  end(turn, 'TIMED_OUT', { error, cause });
}

export function abortExecution(turn: Turn, error?: string, cause?: string): void {
  if (!turn.snapshot.parent) turn.record('ExecutionAborted', { error, cause });
  end(turn, 'ABORTED', { error, cause });
}

function end(
  turn: Turn,
  status: Exclude<ExecutionStatus, 'RUNNING'>,
  result: { output?: Json; error?: string; cause?: string },
): void {
  stopRunningChildren(turn);
  const { snapshot } = turn;
  snapshot.status = status;
  snapshot.stopTime = turn.now;
  if (result.output !== undefined) snapshot.output = result.output;
  if (result.error !== undefined) snapshot.error = result.error;
  if (result.cause !== undefined) snapshot.cause = result.cause;
  turn.effect({ type: 'Finish', status, ...result });
}

/** Stops the children of the current Parallel/Map state that have not ended yet. */
export function stopRunningChildren(turn: Turn): void {
  const phase = turn.snapshot.position?.phase;
  if (phase?.kind !== 'children') return;
  const childIds: string[] = [];
  for (let index = 0; index < phase.join.launched; index++) {
    if (phase.join.outcomes[index] === null && !phase.join.requeued?.includes(index)) {
      childIds.push(childId(turn.snapshot.id, phase.waitId, index));
    }
  }
  if (childIds.length > 0) turn.effect({ type: 'StopChildren', waitId: phase.waitId, childIds });
}

/** A child's id: unique per parent, wait (so a retried Map starts fresh children) and index. */
export function childId(parentId: string, waitId: string, index: number): string {
  return `${parentId}/${waitId}/${index}`;
}
