/**
 * Retry delays: IntervalSeconds × BackoffRate^n, capped by MaxDelaySeconds; FULL jitter picks
 * between 0 and that delay. Sequences from "Handling errors in Step Functions workflows".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Retrier, retryDelayMs } from '../../../../src/asl/retry-catch.js';

function retrier(overrides: Partial<Retrier>): Retrier {
  return {
    errorEquals: ['States.ALL'],
    intervalSeconds: 1,
    maxAttempts: 3,
    backoffRate: 2,
    jitterStrategy: 'NONE',
    ...overrides,
  };
}

function sequence(r: Retrier, count: number, random = () => 0): number[] {
  return Array.from({ length: count }, (_, n) => retryDelayMs(r, n, random));
}

describe('retryDelayMs', () => {
  it('defaults (1 s, rate 2): 1, 2, 4 s', () => {
    expect(sequence(retrier({}), 3)).toEqual([1000, 2000, 4000]);
  });

  it('IntervalSeconds 3, BackoffRate 1.5: 3, 4.5, 6.75, 10.125 s', () => {
    expect(sequence(retrier({ intervalSeconds: 3, backoffRate: 1.5 }), 4)).toEqual([
      3000, 4500, 6750, 10_125,
    ]);
  });

  it('IntervalSeconds 3, BackoffRate 2: 3, 6, 12 s', () => {
    expect(sequence(retrier({ intervalSeconds: 3 }), 3)).toEqual([3000, 6000, 12_000]);
  });

  it('BackoffRate 1 keeps the interval', () => {
    expect(sequence(retrier({ intervalSeconds: 10, backoffRate: 1 }), 3)).toEqual([10_000, 10_000, 10_000]);
  });

  it('MaxDelaySeconds caps the growth', () => {
    expect(sequence(retrier({ intervalSeconds: 2, maxDelaySeconds: 5 }), 5)).toEqual([
      2000, 4000, 5000, 5000, 5000,
    ]);
  });

  it('stays finite for a huge number of attempts', () => {
    const delay = retryDelayMs(retrier({ backoffRate: 10 }), 10_000, () => 0);
    expect(delay).toBe(31_622_400_000);
  });

  it('returns integer milliseconds', () => {
    const delay = retryDelayMs(retrier({ intervalSeconds: 1, backoffRate: 1.1 }), 5, () => 0);
    expect(delay).toBe(1611);
  });

  it('FULL jitter: a random share of the delay (2, 4, 8 s become 0…2, 0…4, 0…8 s)', () => {
    const jittered = retrier({ intervalSeconds: 2, jitterStrategy: 'FULL' });
    expect(sequence(jittered, 3, () => 0.5)).toEqual([1000, 2000, 4000]);
    expect(sequence(jittered, 3, () => 0)).toEqual([0, 0, 0]);
    expect(sequence(jittered, 3, () => 0.25)).toEqual([500, 1000, 2000]);
  });

  it('FULL jitter applies after the MaxDelaySeconds cap', () => {
    const jittered = retrier({ intervalSeconds: 2, maxDelaySeconds: 5, jitterStrategy: 'FULL' });
    expect(retryDelayMs(jittered, 4, () => 0.5)).toBe(2500);
  });

  it('FULL jitter is always within [0, delay)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (intervalSeconds, backoffRate, n, draw) => {
          const plain = retryDelayMs(retrier({ intervalSeconds, backoffRate }), n, () => draw);
          const jittered = retryDelayMs(
            retrier({ intervalSeconds, backoffRate, jitterStrategy: 'FULL' }),
            n,
            () => draw,
          );
          expect(Number.isInteger(jittered)).toBe(true);
          expect(jittered).toBeGreaterThanOrEqual(0);
          expect(jittered).toBeLessThan(plain);
        },
      ),
    );
  });
});
