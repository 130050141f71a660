/**
 * Retriers and catchers are scanned in order; the first whose ErrorEquals matches decides.
 * The "Complex retry scenarios" example of "Handling errors in Step Functions workflows" is
 * replayed with the functions the engine uses.
 */
import { describe, expect, it } from 'vitest';
import { Problems } from '../../../../src/asl/problems.js';
import {
  type Catcher,
  type Retrier,
  compileCatchers,
  compileRetriers,
  findCatcher,
  findRetrier,
  retryDelayMs,
} from '../../../../src/asl/retry-catch.js';

function retriers(raw: unknown): Retrier[] {
  const problems = new Problems();
  const compiled = compileRetriers(raw, '/States/X/Retry', problems);
  expect(problems.list).toEqual([]);
  return compiled;
}

function catchers(raw: unknown): Catcher[] {
  const problems = new Problems();
  const compiled = compileCatchers(raw, '/States/X/Catch', problems);
  expect(problems.list).toEqual([]);
  return compiled;
}

describe('the complex retry scenario of the documentation', () => {
  const retry = retriers([
    { ErrorEquals: ['ErrorA', 'ErrorB'], IntervalSeconds: 1, BackoffRate: 2.0, MaxAttempts: 2 },
    { ErrorEquals: ['ErrorC'], IntervalSeconds: 5 },
  ]);
  const catchAll = catchers([{ ErrorEquals: ['States.ALL'], Next: 'Z' }]);

  // The current page: "This task fails four times in succession" (an older revision listed
  // five errors with a third wait of 4 s by the first retrier, at odds with its MaxAttempts 2).
  it('ErrorA, ErrorB, ErrorC, ErrorB: waits of 1, 2 and 5 s, then Catch to Z', () => {
    const attempts = [0, 0];
    const outcomes: (number | string)[] = [];
    for (const error of ['ErrorA', 'ErrorB', 'ErrorC', 'ErrorB']) {
      const index = findRetrier(retry, error);
      if (index >= 0 && attempts[index] < retry[index].maxAttempts) {
        outcomes.push(retryDelayMs(retry[index], attempts[index], () => 0) / 1000);
        attempts[index]++;
      } else {
        outcomes.push(findCatcher(catchAll, error)?.next ?? 'failed');
      }
    }
    expect(outcomes).toEqual([1, 2, 5, 'Z']);
  });
});

describe('findRetrier', () => {
  it('returns the first matching retrier, even one with MaxAttempts 0 (retry all but States.Timeout)', () => {
    const retry = retriers([
      { ErrorEquals: ['States.Timeout'], MaxAttempts: 0 },
      { ErrorEquals: ['States.ALL'] },
    ]);
    expect(findRetrier(retry, 'States.Timeout')).toBe(0);
    expect(retry[0].maxAttempts).toBe(0);
    expect(findRetrier(retry, 'Lambda.ServiceException')).toBe(1);
  });

  it('returns -1 when nothing matches, and for States.Runtime', () => {
    const retry = retriers([{ ErrorEquals: ['ErrorA'] }, { ErrorEquals: ['States.ALL'] }]);
    expect(findRetrier(retry, 'States.Runtime')).toBe(-1);
    expect(findRetrier(retriers([{ ErrorEquals: ['ErrorA'] }]), 'ErrorB')).toBe(-1);
    expect(findRetrier([], 'ErrorA')).toBe(-1);
  });
});

describe('findCatcher', () => {
  const catch_ = catchers([
    { ErrorEquals: ['java.lang.Exception'], ResultPath: '$.error-info', Next: 'RecoveryState' },
    { ErrorEquals: ['States.ALL'], Next: 'EndState' },
  ]);

  it('picks the first matching catcher in order (documentation example)', () => {
    expect(findCatcher(catch_, 'java.lang.Exception')?.next).toBe('RecoveryState');
    expect(findCatcher(catch_, 'Lambda.Unknown')?.next).toBe('EndState');
  });

  it('a catcher listing several errors matches each of them', () => {
    const list = catchers([
      { ErrorEquals: ['ErrorA', 'ErrorB'], Next: 'AB' },
      { ErrorEquals: ['ErrorB'], Next: 'B' },
    ]);
    expect(findCatcher(list, 'ErrorB')?.next).toBe('AB');
  });

  it('nothing catches States.Runtime; States.DataLimitExceeded only by name', () => {
    expect(findCatcher(catch_, 'States.Runtime')).toBeUndefined();
    expect(findCatcher(catch_, 'States.DataLimitExceeded')).toBeUndefined();
    const named = catchers([{ ErrorEquals: ['States.DataLimitExceeded'], Next: 'Big' }]);
    expect(findCatcher(named, 'States.DataLimitExceeded')?.next).toBe('Big');
  });

  it('the error output goes where ResultPath says: added to the input, or replacing it', () => {
    const error = { Error: 'java.lang.Exception', Cause: 'boom' };
    const [first, second] = catch_;
    expect(first.resultPath?.apply({ order: 7 }, error)).toEqual({ order: 7, 'error-info': error });
    expect(second.resultPath?.apply({ order: 7 }, error)).toEqual(error);
  });

  it('ResultPath null keeps the raw input (no result path)', () => {
    const [catcher] = catchers([{ ErrorEquals: ['States.ALL'], Next: 'N', ResultPath: null }]);
    expect(catcher.resultPath).toBeNull();
  });
});
