/**
 * Retriers and catchers: compiled from the definition, matched against an error name, and
 * the back-off before a retry. The pieces live in ./retry-catch/; this is their one entry.
 *
 * How the engine uses them: a terminal error (isTerminalError) skips Retry and Catch. Else the
 * first retrier whose ErrorEquals matches decides, even when its MaxAttempts are used up (then
 * no later retrier is tried and Catch applies); each retrier counts its own attempts. Then the
 * first matching catcher, in order, if any.
 */
import type { Catcher } from './retry-catch/catcher.js';
import { errorMatches } from './retry-catch/error-matching.js';
import type { Retrier } from './retry-catch/retrier.js';

export { retryDelayMs } from './retry-catch/back-off.js';
export type { Catcher } from './retry-catch/catcher.js';
export { compileCatchers } from './retry-catch/compile-catchers.js';
export { compileRetriers } from './retry-catch/compile-retriers.js';
export { errorMatches, isTerminalError } from './retry-catch/error-matching.js';
export type { Retrier } from './retry-catch/retrier.js';

/** Index of the first retrier whose ErrorEquals matches, or -1. */
export function findRetrier(retriers: readonly Retrier[], error: string): number {
  return retriers.findIndex((retrier) => errorMatches(retrier.errorEquals, error));
}

/** The first catcher whose ErrorEquals matches, or undefined. */
export function findCatcher(catchers: readonly Catcher[], error: string): Catcher | undefined {
  return catchers.find((catcher) => errorMatches(catcher.errorEquals, error));
}
