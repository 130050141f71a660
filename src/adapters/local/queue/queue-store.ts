import { TimerQueue } from '../../../runtime/memory/timer-queue.js';
import type { Entry } from './entry.js';
import { VisibleList } from './visible-list.js';

interface Hidden<T> {
  entry: Entry<T>;
  receipt: number;
}

/**
 * SQS's storage semantics without the polling: messages are visible, or hidden until a time
 * (delayed at send, or in flight until their visibility timeout ends). A received message
 * stays hidden under its receipt; deleting it just marks it gone, and its stale heap slot
 * is skipped when its time comes.
 */
export class QueueStore<T> {
  private readonly visible = new VisibleList<Entry<T>>();
  private readonly hidden = new TimerQueue<Hidden<T>>();
  /** Messages neither deleted nor dead-lettered, in flight ones included. */
  private liveCount = 0;

  get live(): number {
    return this.liveCount;
  }

  get visibleCount(): number {
    return this.visible.size;
  }

  add(entry: Entry<T>, visibleAt: number, now: number): void {
    this.liveCount++;
    if (visibleAt <= now) this.visible.push(entry);
    else this.hidden.push(visibleAt, { entry, receipt: entry.receipt });
  }

  /** Makes every message whose hidden time has come visible again. */
  promote(now: number): void {
    for (let next = this.hidden.peek(); next && next.dueTime <= now; next = this.hidden.peek()) {
      this.hidden.pop();
      if (current(next.value)) this.visible.push(next.value.entry);
    }
  }

  /** When the earliest hidden message becomes visible; undefined when none is hidden. */
  nextVisibleAt(): number | undefined {
    for (let next = this.hidden.peek(); next; next = this.hidden.peek()) {
      if (current(next.value)) return next.dueTime;
      this.hidden.pop();
    }
    return undefined;
  }

  /** Returns a message taken with takeVisible but not received (its group was busy). */
  putBack(entry: Entry<T>): void {
    this.visible.push(entry);
  }

  takeVisible(offset: number): Entry<T> | undefined {
    return this.visible.take(offset);
  }

  /** Records a receive: the message stays hidden until `now + visibilityTimeoutMs`. */
  receive(entry: Entry<T>, now: number, visibilityTimeoutMs: number): number {
    entry.receiveCount++;
    entry.receipt++;
    entry.firstReceiveTimestamp ??= now;
    this.hidden.push(now + visibilityTimeoutMs, { entry, receipt: entry.receipt });
    return entry.receipt;
  }

  /** Deletes with a receipt; false when a later receive superseded it (SQS then keeps it too). */
  delete(entry: Entry<T>, receipt: number): boolean {
    if (entry.gone || entry.receipt !== receipt) return false;
    this.remove(entry);
    return true;
  }

  /** Takes a message out for good (dead-lettered). */
  remove(entry: Entry<T>): void {
    if (entry.gone) return;
    entry.gone = true;
    this.liveCount--;
  }
}

function current<T>(hidden: Hidden<T>): boolean {
  return !hidden.entry.gone && hidden.entry.receipt === hidden.receipt;
}
