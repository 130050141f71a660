import { TimerQueue } from '../../../runtime/memory/timer-queue.js';
import type { SchedulerClock } from './scheduler-clock.js';

interface Sleeper {
  resolve: () => void;
  settled: boolean;
}

/**
 * Time that moves only when told to. History keeps nominal times while nothing waits in
 * real time: `advanceTo` wakes every sleeper whose time has come, in due order.
 */
export class VirtualClock implements SchedulerClock {
  private current: number;
  private sleepers = new TimerQueue<Sleeper>();
  /** Sleepers woken by their signal but still in the heap: compacted when they pile up. */
  private stale = 0;
  /** Work in progress outside the queue (an API call): time must not jump past it. */
  private holds = 0;
  private onRelease: (() => void)[] = [];

  constructor(startMs: number) {
    if (!Number.isFinite(startMs)) throw new Error(`VirtualClock: not a finite start time: ${startMs}`);
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  /** Moves time forward to `ms`; an earlier `ms` is ignored, since time never goes back. */
  advanceTo(ms: number): void {
    if (!Number.isFinite(ms)) throw new Error(`VirtualClock.advanceTo: not a finite time: ${ms}`);
    if (ms > this.current) this.current = ms;
    for (let next = this.sleepers.peek(); next && next.dueTime <= this.current; next = this.sleepers.peek()) {
      this.sleepers.pop();
      if (next.value.settled) this.stale--;
      else wake(next.value);
    }
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.current + ms);
  }

  sleepUntil(ms: number, signal?: AbortSignal): Promise<void> {
    if (ms <= this.current || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const sleeper: Sleeper = { resolve, settled: false };
      signal?.addEventListener('abort', () => this.abandon(sleeper), { once: true });
      this.sleepers.push(ms, sleeper);
    });
  }

  /** Sleepers that are waiting for time to reach theirs (for tests and diagnostics). */
  get pendingSleepers(): number {
    return this.sleepers.size - this.stale;
  }

  async idleUntil(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return;
    if (this.holds > 0) {
      // Someone is busy (e.g. starting an execution): let the caller look again once done.
      await new Promise<void>((resolve) => {
        this.onRelease.push(resolve);
        signal?.addEventListener('abort', () => resolve(), { once: true });
      });
      return;
    }
    this.advanceTo(ms);
  }

  /** Keeps time from jumping until the returned function is called. */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (this.holds > 0) return;
      const waiting = this.onRelease;
      this.onRelease = [];
      for (const resolve of waiting) resolve();
    };
  }

  // A queue aborts a sleep each time a message arrives; without compaction a long run with
  // far-off timers would keep every abandoned sleeper until its time came.
  private abandon(sleeper: Sleeper): void {
    if (sleeper.settled) return;
    wake(sleeper);
    this.stale++;
    if (this.stale < 64 || this.stale * 2 < this.sleepers.size) return;
    const live = new TimerQueue<Sleeper>();
    for (let next = this.sleepers.pop(); next; next = this.sleepers.pop()) {
      if (!next.value.settled) live.push(next.dueTime, next.value);
    }
    this.sleepers = live;
    this.stale = 0;
  }
}

function wake(sleeper: Sleeper): void {
  if (sleeper.settled) return;
  sleeper.settled = true;
  sleeper.resolve();
}
