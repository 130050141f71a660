import type { Clock } from '../../../runtime/ports.js';

/**
 * A clock that consumers can wait on. The queue waits through it so that the same loop runs
 * in real time (`quickstep dev`) and in virtual time (`--fast-time`, tests).
 */
export interface SchedulerClock extends Clock {
  /** Resolves once `now() >= ms`, or as soon as `signal` aborts (it never rejects). */
  sleepUntil(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * For a caller with nothing to do before `ms`: a real clock sleeps until then; a virtual
   * clock jumps there at once, which is what makes a two-day Wait instant.
   */
  idleUntil(ms: number, signal?: AbortSignal): Promise<void>;
}
