import type { SchedulerClock } from './scheduler-clock.js';

/** Wall-clock time: `Date.now()` and `setTimeout`. */
export class RealClock implements SchedulerClock {
  now(): number {
    return Date.now();
  }

  sleepUntil(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      // setTimeout may fire a millisecond early; the caller re-reads now() anyway.
      const timer = setTimeout(done, Math.max(0, ms - Date.now()));
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  idleUntil(ms: number, signal?: AbortSignal): Promise<void> {
    return this.sleepUntil(ms, signal);
  }
}
