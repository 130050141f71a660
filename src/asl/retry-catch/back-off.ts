/**
 * The wait before a retry, as Step Functions documents it: IntervalSeconds × BackoffRate^n
 * for the retry that follows n earlier retries by the same retrier (3 s, 4.5 s, 6.75 s… for
 * IntervalSeconds 3 and BackoffRate 1.5), capped by MaxDelaySeconds. FULL jitter waits a
 * random time between 0 and that delay.
 */
import { MAX_DELAY_SECONDS, type Retrier } from './retrier.js';

/**
 * Integer milliseconds before the next retry; `attemptsSoFar` is 0 for the first retry and
 * `random` is uniform in [0, 1). Without MaxDelaySeconds the delay is still bounded by that
 * field's largest value (366 days, beyond any execution's one-year lifetime), so a huge
 * exponent gives a finite timer rather than Infinity.
 */
export function retryDelayMs(retrier: Retrier, attemptsSoFar: number, random: () => number): number {
  const uncapped = retrier.intervalSeconds * retrier.backoffRate ** attemptsSoFar;
  const cap = retrier.maxDelaySeconds ?? MAX_DELAY_SECONDS;
  const delayMs = Math.round(Math.min(uncapped, cap) * 1000);
  return retrier.jitterStrategy === 'FULL' ? Math.floor(random() * delayMs) : delayMs;
}
