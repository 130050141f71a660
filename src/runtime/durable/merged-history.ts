/**
 * The history Step Functions shows for an execution with inline Map and Parallel states: the
 * events of every iteration and branch (child executions here, each with a history of its own)
 * merged into the parent's, in time order, renumbered 1..n. Pure: the store reads are
 * history-tree.ts's.
 *
 * Order: by timestamp; a child's events come after the parent event that started it (its
 * MapIterationStarted, or ParallelStateStarted) and before the one that recorded its end
 * (MapIterationSucceeded/Failed, ParallelStateSucceeded). On equal timestamps a child's event
 * goes first: it was caused by a parent event already shown. previousEventId follows causes:
 * a child's first event points at the event that started it, the event recording a child's
 * end at the child's last event.
 */
import type { HistoryEvent } from '../../engine/types.js';

export interface HistoryTree {
  /** The execution's own events, in id order. */
  events: HistoryEvent[];
  children: ChildHistory[];
}

export interface ChildHistory {
  /** Id of the parent event after which the child ran. */
  startedAfter: number;
  /** Id of the parent event that recorded the child's end, when there is one yet. */
  endedBy?: number;
  history: HistoryTree;
}

interface Entry {
  event: HistoryEvent;
  previous?: Entry;
}

export function mergeHistory(tree: HistoryTree): HistoryEvent[] {
  const entries = mergeEntries(tree);
  const ids = new Map<Entry, number>(entries.map((entry, index) => [entry, index + 1]));
  return entries.map((entry, index) => ({
    ...entry.event,
    id: index + 1,
    previousEventId: (entry.previous && ids.get(entry.previous)) ?? 0,
  }));
}

interface ChildStream {
  order: number;
  child: ChildHistory;
  entries: Entry[];
  next: number;
}

function mergeEntries(tree: HistoryTree): Entry[] {
  const own: Entry[] = tree.events.map((event) => ({ event }));
  const byId = new Map(own.map((entry) => [entry.event.id, entry]));
  for (const entry of own) entry.previous = byId.get(entry.event.previousEventId);
  const streams = tree.children.map((child, order) => childStream(child, order, byId));
  // Children waiting for their start event; parent events waiting for children to end.
  const waiting = new Map<number, ChildStream[]>();
  const blockers = new Map<number, number>();
  for (const stream of streams) {
    if (stream.entries.length === 0) continue;
    waiting.set(stream.child.startedAfter, [...(waiting.get(stream.child.startedAfter) ?? []), stream]);
    const end = stream.child.endedBy;
    if (end !== undefined) blockers.set(end, (blockers.get(end) ?? 0) + 1);
  }
  const ready = new StreamHeap();
  const merged: Entry[] = [];
  let position = 0;
  const emitOwn = (entry: Entry) => {
    merged.push(entry);
    position++;
    for (const stream of waiting.get(entry.event.id) ?? []) ready.push(stream);
  };
  for (;;) {
    const head = own[position];
    const blocked = head !== undefined && (blockers.get(head.event.id) ?? 0) > 0;
    const top = ready.peek();
    if (top && (head === undefined || blocked || timeOf(top) <= head.event.timestamp)) {
      ready.pop();
      merged.push(top.entries[top.next++]);
      if (top.next < top.entries.length) ready.push(top);
      else finish(top, byId, blockers);
    } else if (head !== undefined && !blocked) {
      emitOwn(head);
    } else if (head !== undefined) {
      // A child that should end before this event never started: show it as recorded.
      blockers.delete(head.event.id);
    } else {
      break;
    }
  }
  // A child whose start event is not in the parent's history (none should be) is not lost.
  for (const stream of streams) merged.push(...stream.entries.slice(stream.next));
  return merged;
}

function childStream(child: ChildHistory, order: number, parent: Map<number, Entry>): ChildStream {
  const entries = mergeEntries(child.history);
  const start = parent.get(child.startedAfter);
  // The child's first event (previousEventId 0) was caused by the parent event that started it.
  for (const entry of entries) if (entry.previous === undefined) entry.previous = start;
  return { order, child, entries, next: 0 };
}

/** The child has no more events: the parent event recording its end may come, caused by its last. */
function finish(stream: ChildStream, parent: Map<number, Entry>, blockers: Map<number, number>): void {
  const end = stream.child.endedBy;
  if (end === undefined) return;
  blockers.set(end, (blockers.get(end) ?? 1) - 1);
  const ending = parent.get(end);
  if (ending) ending.previous = stream.entries[stream.entries.length - 1];
}

const timeOf = (stream: ChildStream) => stream.entries[stream.next].event.timestamp;

/** Child streams by their next event's time, then by their order under the parent. */
class StreamHeap {
  private readonly items: ChildStream[] = [];

  peek(): ChildStream | undefined {
    return this.items[0];
  }

  push(stream: ChildStream): void {
    const items = this.items;
    items.push(stream);
    let i = items.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!this.before(items[i], items[up])) break;
      [items[i], items[up]] = [items[up], items[i]];
      i = up;
    }
  }

  pop(): void {
    const items = this.items;
    const last = items.pop();
    if (items.length === 0 || !last) return;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < items.length && this.before(items[left], items[best])) best = left;
      if (right < items.length && this.before(items[right], items[best])) best = right;
      if (best === i) return;
      [items[i], items[best]] = [items[best], items[i]];
      i = best;
    }
  }

  private before(a: ChildStream, b: ChildStream): boolean {
    const ta = timeOf(a);
    const tb = timeOf(b);
    return ta < tb || (ta === tb && a.order < b.order);
  }
}
