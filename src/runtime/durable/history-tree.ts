/**
 * Reads an execution's history with its Map iterations' and Parallel branches' histories,
 * for mergeHistory. Children are executions with ids `{parentId}/{waitId}/{index}` (the wait
 * id found by join-wait-id.ts); each child costs one history query, and its record only when
 * it has not ended yet or has joins of its own.
 */
import type { HistoryEvent } from '../../engine/types.js';
import type { ExecutionRecord } from '../ports.js';
import { findJoins, type JoinChild } from './join-runs.js';
import { findWaitId } from './join-wait-id.js';
import type { ChildHistory, HistoryTree } from './merged-history.js';
import type { RuntimeContext } from './runtime-context.js';

/** Children read at once. */
const PARALLEL_READS = 16;
const PAGE = 1000;

/** Where the histories of children that ended and reported are kept between calls. */
export interface FinishedChildren {
  get(childId: string): HistoryTree | undefined;
  set(childId: string, tree: HistoryTree): void;
}

export interface LoadedTree {
  tree: HistoryTree;
  /** Nothing more can be added: the execution and every child have ended and reported. */
  complete: boolean;
}

export async function loadHistoryTree(
  context: RuntimeContext,
  record: ExecutionRecord,
  finished?: FinishedChildren,
): Promise<LoadedTree> {
  const events = await ownHistory(context, record.id);
  const { tree, complete } = await withChildren(context, record, events, finished);
  // Events are written after their commit, first thing in its outbox: a top-level execution's
  // are all stored once its last outbox is marked performed.
  const ended = record.status !== 'RUNNING' && (record.performedSeq ?? 0) >= record.seq;
  return { tree, complete: complete && ended };
}

/** The execution's children, for every join its history shows. */
async function withChildren(
  context: RuntimeContext,
  record: ExecutionRecord,
  events: HistoryEvent[],
  finished: FinishedChildren | undefined,
): Promise<LoadedTree> {
  let complete = true;
  const children: ChildHistory[] = [];
  let lowestSeq = 1;
  for (const join of findJoins(events)) {
    const waitId = await findWaitId(context, record, join, lowestSeq);
    if (waitId === undefined) {
      complete = false;
      continue;
    }
    lowestSeq = Number(waitId.split('.')[0]) + 1;
    const prefix = `${record.id}/${waitId}/`;
    const found =
      join.kind === 'Map'
        ? join.children
        : await parallelBranches(context, prefix, join.startEvent, join.endEvent);
    const loaded = await mapLimit(found, (child) =>
      loadChild(context, `${prefix}${child.index}`, child, finished),
    );
    for (const child of loaded) {
      if (child) children.push(child.history);
      complete &&= child?.complete ?? false;
    }
  }
  return { tree: { events, children }, complete };
}

/**
 * One child's history with its own children's. A child its parent has recorded the end of
 * has ended and written every event (its report is sent after its history): without joins
 * of its own, its record need not be read, and its history is kept for later calls.
 */
async function loadChild(
  context: RuntimeContext,
  id: string,
  child: JoinChild,
  finished: FinishedChildren | undefined,
): Promise<{ history: ChildHistory; complete: boolean } | undefined> {
  const reported = child.endedBy !== undefined;
  const kept = reported ? finished?.get(id) : undefined;
  if (kept) return { history: { ...child, history: kept }, complete: true };
  const events = await ownHistory(context, id);
  let tree: HistoryTree = { events, children: [] };
  let complete = reported;
  if (!reported || findJoins(events).length > 0) {
    const record = await context.ports.store.getExecution(id);
    if (!record) return undefined;
    const loaded = await withChildren(context, record, events, finished);
    tree = loaded.tree;
    complete = reported && loaded.complete;
  }
  if (complete) finished?.set(id, tree);
  return { history: { ...child, history: tree }, complete };
}

/** A Parallel's branches are children 0, 1, … : read until one is missing. */
async function parallelBranches(
  context: RuntimeContext,
  prefix: string,
  startedAfter: number,
  endedBy: number | undefined,
): Promise<JoinChild[]> {
  const branches: JoinChild[] = [];
  while (await context.ports.store.getExecution(`${prefix}${branches.length}`)) {
    branches.push({ index: branches.length, startedAfter, endedBy });
  }
  return branches;
}

async function ownHistory(context: RuntimeContext, executionId: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await context.ports.store.getHistory(executionId, { limit: PAGE, nextToken });
    events.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

async function mapLimit<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, items.length) }, worker));
  return results;
}
