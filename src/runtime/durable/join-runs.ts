/**
 * The joins an execution's own history shows: each run of a Map or Parallel state that
 * started children, with the events that started and ended each child. A Map names its
 * iterations (MapIterationStarted/Succeeded/Failed); a Parallel does not name its branches,
 * so its children are found by index. A redrive re-runs a Map's unfinished iterations under a
 * new wait id, so it opens a new run.
 */
import type { HistoryEvent } from '../../engine/types.js';

export interface JoinChild {
  index: number;
  /** The parent event after which the child ran. */
  startedAfter: number;
  /** The parent event that recorded its end. */
  endedBy?: number;
}

export interface JoinRun {
  kind: 'Map' | 'Parallel';
  /** Id of the event that opened the run (MapStateStarted, ParallelStateStarted, ExecutionRedriven). */
  startEvent: number;
  /** Map: the iterations started. Parallel: empty, the branches are counted by reading them. */
  children: JoinChild[];
  /** Parallel: ParallelStateSucceeded, after which every branch has ended. */
  endEvent?: number;
}

const ITERATION_ENDS = new Set(['MapIterationSucceeded', 'MapIterationFailed', 'MapIterationAborted']);

export function findJoins(events: HistoryEvent[]): JoinRun[] {
  const runs: JoinRun[] = [];
  let map: JoinRun | undefined;
  let parallel: JoinRun | undefined;
  for (const event of events) {
    const index = event.details?.index;
    if (event.type === 'MapStateStarted' || event.type === 'ExecutionRedriven') {
      map = { kind: 'Map', startEvent: event.id, children: [] };
      runs.push(map);
    } else if (event.type === 'MapIterationStarted' && map && typeof index === 'number') {
      map.children.push({ index, startedAfter: event.id });
    } else if (ITERATION_ENDS.has(event.type) && map && typeof index === 'number') {
      const child = map.children.find((c) => c.index === index && c.endedBy === undefined);
      if (child) child.endedBy = event.id;
    } else if (event.type === 'ParallelStateStarted') {
      parallel = { kind: 'Parallel', startEvent: event.id, children: [] };
      runs.push(parallel);
    } else if (event.type === 'ParallelStateSucceeded' && parallel) {
      parallel.endEvent = event.id;
    }
  }
  return runs.filter((run) => run.kind === 'Parallel' || run.children.length > 0);
}
