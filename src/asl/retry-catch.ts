/** Retriers and catchers, compiled, with error matching and back-off. */
import type { ResultPath } from './jsonpath/path.js';
import type { Problems } from './problems.js';

export interface Retrier {
  errorEquals: string[];
  intervalSeconds: number;
  maxAttempts: number;
  backoffRate: number;
  maxDelaySeconds?: number;
  jitterStrategy: 'FULL' | 'NONE';
}

export interface Catcher {
  errorEquals: string[];
  next: string;
  /** `null` in the definition: output = raw input, error discarded. Absent means `$`. */
  resultPath: ResultPath | null;
}

// STUBS below (owner: choice/retry helper).

/** Compiles a `Retry` array, reporting problems under `pointer`. */
export function compileRetriers(raw: unknown, pointer: string, problems: Problems): Retrier[] {
  throw new Error(`not implemented ${String(raw)} ${pointer} ${problems.count}`);
}

/** Compiles a `Catch` array (target existence is checked by the definition reader). */
export function compileCatchers(raw: unknown, pointer: string, problems: Problems): Catcher[] {
  throw new Error(`not implemented ${String(raw)} ${pointer} ${problems.count}`);
}

/** Does an ErrorEquals list match this error name (States.ALL, States.TaskFailed rules)? */
export function errorMatches(errorEquals: readonly string[], error: string): boolean {
  throw new Error(`not implemented ${errorEquals.length} ${error}`);
}

/** Index of the first retrier whose ErrorEquals matches, or -1. */
export function findRetrier(retriers: readonly Retrier[], error: string): number {
  throw new Error(`not implemented ${retriers.length} ${error}`);
}

/**
 * Delay before the retry that follows `attemptsSoFar` retries by this retrier (0 for the
 * first retry): IntervalSeconds × BackoffRate^attemptsSoFar, capped by MaxDelaySeconds,
 * FULL jitter drawing on `random` (uniform in [0, 1)).
 */
export function retryDelayMs(retrier: Retrier, attemptsSoFar: number, random: () => number): number {
  throw new Error(`not implemented ${retrier.maxAttempts} ${attemptsSoFar} ${random()}`);
}

/** The first catcher whose ErrorEquals matches, or undefined. */
export function findCatcher(catchers: readonly Catcher[], error: string): Catcher | undefined {
  throw new Error(`not implemented ${catchers.length} ${error}`);
}
