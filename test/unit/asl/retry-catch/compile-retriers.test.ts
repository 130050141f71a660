/** compileRetriers: documented defaults and ranges, and every problem with its code and pointer. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Problems } from '../../../../src/asl/problems.js';
import { compileCatchers, compileRetriers } from '../../../../src/asl/retry-catch.js';

const RETRY = '/States/X/Retry';
const CATCH = '/States/X/Catch';

function retryProblems(raw: unknown): [string, string][] {
  const problems = new Problems();
  compileRetriers(raw, RETRY, problems);
  return problems.list.map((problem) => [problem.code, problem.path]);
}

describe('compileRetriers', () => {
  it('applies the documented defaults: 1 s, 3 attempts, rate 2.0, no cap, no jitter', () => {
    const problems = new Problems();
    expect(compileRetriers([{ ErrorEquals: ['States.ALL'] }], RETRY, problems)).toEqual([
      {
        errorEquals: ['States.ALL'],
        intervalSeconds: 1,
        maxAttempts: 3,
        backoffRate: 2,
        jitterStrategy: 'NONE',
      },
    ]);
    expect(problems.count).toBe(0);
  });

  it('keeps every given field', () => {
    const raw = {
      ErrorEquals: ['Lambda.TooManyRequestsException', 'Lambda.ServiceException'],
      IntervalSeconds: 2,
      MaxAttempts: 0,
      BackoffRate: 1.5,
      MaxDelaySeconds: 31_622_400,
      JitterStrategy: 'FULL',
      Comment: 'throttling',
    };
    expect(compileRetriers([raw], RETRY, new Problems())).toEqual([
      {
        errorEquals: ['Lambda.TooManyRequestsException', 'Lambda.ServiceException'],
        intervalSeconds: 2,
        maxAttempts: 0,
        backoffRate: 1.5,
        maxDelaySeconds: 31_622_400,
        jitterStrategy: 'FULL',
      },
    ]);
  });

  it('no Retry field means no retriers', () => {
    expect(compileRetriers(undefined, RETRY, new Problems())).toEqual([]);
  });

  it('Retry must be an array of objects', () => {
    expect(retryProblems({ ErrorEquals: ['States.ALL'] })).toEqual([['SCHEMA_VALIDATION_FAILED', RETRY]]);
    expect(retryProblems(['States.ALL'])).toEqual([['SCHEMA_VALIDATION_FAILED', `${RETRY}/0`]]);
  });

  it('ErrorEquals is required, a non-empty array of strings', () => {
    expect(retryProblems([{ MaxAttempts: 1 }])).toEqual([['MISSING_FIELD', `${RETRY}/0/ErrorEquals`]]);
    expect(retryProblems([{ ErrorEquals: [] }])).toEqual([
      ['SCHEMA_VALIDATION_FAILED', `${RETRY}/0/ErrorEquals`],
    ]);
    expect(retryProblems([{ ErrorEquals: 'States.ALL' }])).toEqual([
      ['SCHEMA_VALIDATION_FAILED', `${RETRY}/0/ErrorEquals`],
    ]);
    expect(retryProblems([{ ErrorEquals: ['A', 7] }])).toEqual([
      ['SCHEMA_VALIDATION_FAILED', `${RETRY}/0/ErrorEquals/1`],
    ]);
  });

  it.each([
    ['IntervalSeconds', 0],
    ['IntervalSeconds', 1.5],
    ['IntervalSeconds', 100_000_000],
    ['IntervalSeconds', '1'],
    ['MaxAttempts', -1],
    ['MaxAttempts', 2.5],
    ['MaxAttempts', 100_000_000],
    ['BackoffRate', 0.5],
    ['BackoffRate', '2'],
    ['MaxDelaySeconds', 0],
    ['MaxDelaySeconds', 31_622_401],
    ['JitterStrategy', 'full'],
    ['JitterStrategy', true],
    ['Comment', 1],
  ])('%s %j is out of range', (field, value) => {
    expect(retryProblems([{ ErrorEquals: ['E'], [field]: value }])).toEqual([
      ['SCHEMA_VALIDATION_FAILED', `${RETRY}/0/${field}`],
    ]);
  });

  it('accepts the range ends', () => {
    const raw = {
      ErrorEquals: ['E'],
      IntervalSeconds: 99_999_999,
      MaxAttempts: 99_999_999,
      BackoffRate: 1,
      MaxDelaySeconds: 1,
    };
    expect(retryProblems([raw])).toEqual([]);
  });

  it('reports fields that are not retrier fields', () => {
    expect(retryProblems([{ ErrorEquals: ['E'], Next: 'X', Backoff: 2 }])).toEqual([
      ['UNKNOWN_FIELD', `${RETRY}/0/Next`],
      ['UNKNOWN_FIELD', `${RETRY}/0/Backoff`],
    ]);
  });
});

describe('never throws', () => {
  it('on arbitrary values, and compiles only problem-free entries', () => {
    const entry = fc.dictionary(
      fc.constantFrom(
        'ErrorEquals',
        'Next',
        'ResultPath',
        'IntervalSeconds',
        'MaxAttempts',
        'BackoffRate',
        'JitterStrategy',
        '__proto__',
      ),
      fc.oneof(fc.anything(), fc.constantFrom(['States.ALL'], ['E'], '$.e', 'FULL', 2)),
      { maxKeys: 5 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.array(entry, { maxLength: 3 })), (raw) => {
        const retryProblems = new Problems();
        const retriers = compileRetriers(raw, RETRY, retryProblems);
        const catchProblems = new Problems();
        const catchers = compileCatchers(raw, CATCH, catchProblems);
        // Without problems, every entry compiled.
        if (retryProblems.count === 0 && Array.isArray(raw)) expect(retriers.length).toBe(raw.length);
        if (catchProblems.count === 0 && Array.isArray(raw)) expect(catchers.length).toBe(raw.length);
      }),
      { numRuns: 2000 },
    );
  });
});
