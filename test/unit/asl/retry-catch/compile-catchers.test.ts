/** compileCatchers, and the ErrorEquals rules both arrays share, with codes and pointers. */
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

function catchProblems(raw: unknown): [string, string][] {
  const problems = new Problems();
  compileCatchers(raw, CATCH, problems);
  return problems.list.map((problem) => [problem.code, problem.path]);
}

describe('error names and States.ALL (both arrays)', () => {
  it('a name starting with States. must be predefined', () => {
    expect(retryProblems([{ ErrorEquals: ['States.Custom'] }])).toEqual([
      ['INVALID_ERROR_NAME', `${RETRY}/0/ErrorEquals/0`],
    ]);
    expect(catchProblems([{ ErrorEquals: ['States.all'], Next: 'N' }])).toEqual([
      ['INVALID_ERROR_NAME', `${CATCH}/0/ErrorEquals/0`],
    ]);
    expect(
      retryProblems([
        { ErrorEquals: ['States.Http.StatusCode.503', 'States.HeartbeatTimeout', 'MyStates.X'] },
      ]),
    ).toEqual([]);
  });

  it('States.ALL must be alone in its ErrorEquals', () => {
    expect(retryProblems([{ ErrorEquals: ['ErrorA', 'States.ALL'] }])).toEqual([
      ['STATES_ALL_NOT_LAST', `${RETRY}/0/ErrorEquals/1`],
    ]);
  });

  it('the retrier or catcher with States.ALL must be the last', () => {
    expect(retryProblems([{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['ErrorA'] }])).toEqual([
      ['STATES_ALL_NOT_LAST', `${RETRY}/0/ErrorEquals/0`],
    ]);
    expect(
      catchProblems([
        { ErrorEquals: ['States.ALL'], Next: 'A' },
        { ErrorEquals: ['States.ALL'], Next: 'B' },
      ]),
    ).toEqual([['STATES_ALL_NOT_LAST', `${CATCH}/0/ErrorEquals/0`]]);
  });
});

describe('compileCatchers', () => {
  it('no Catch field means no catchers', () => {
    expect(compileCatchers(undefined, CATCH, new Problems())).toEqual([]);
  });

  it('compiles ErrorEquals, Next and ResultPath ($ when absent)', () => {
    const [catcher] = compileCatchers(
      [{ ErrorEquals: ['E'], Next: 'Fallback', Comment: 'c' }],
      CATCH,
      new Problems(),
    );
    expect(catcher.errorEquals).toEqual(['E']);
    expect(catcher.next).toBe('Fallback');
    expect(catcher.resultPath?.text).toBe('$');
  });

  it('Catch must be an array of objects', () => {
    expect(catchProblems('States.ALL')).toEqual([['SCHEMA_VALIDATION_FAILED', CATCH]]);
    expect(catchProblems([null])).toEqual([['SCHEMA_VALIDATION_FAILED', `${CATCH}/0`]]);
  });

  it('ErrorEquals and Next are required', () => {
    expect(catchProblems([{}])).toEqual([
      ['MISSING_FIELD', `${CATCH}/0/ErrorEquals`],
      ['MISSING_FIELD', `${CATCH}/0/Next`],
    ]);
    expect(catchProblems([{ ErrorEquals: ['E'], Next: 5 }])).toEqual([
      ['SCHEMA_VALIDATION_FAILED', `${CATCH}/0/Next`],
    ]);
  });

  it('ResultPath must be a Reference Path or null', () => {
    expect(catchProblems([{ ErrorEquals: ['E'], Next: 'N', ResultPath: 5 }])).toEqual([
      ['SCHEMA_VALIDATION_FAILED', `${CATCH}/0/ResultPath`],
    ]);
    expect(catchProblems([{ ErrorEquals: ['E'], Next: 'N', ResultPath: '$..error' }])).toEqual([
      ['INVALID_REFERENCE_PATH', `${CATCH}/0/ResultPath`],
    ]);
    expect(catchProblems([{ ErrorEquals: ['E'], Next: 'N', ResultPath: '$$.Execution' }])).toEqual([
      ['INVALID_REFERENCE_PATH', `${CATCH}/0/ResultPath`],
    ]);
  });

  it('JSONPath catchers take Assign but not Output; other fields are unknown', () => {
    expect(
      catchProblems([{ ErrorEquals: ['E'], Next: 'N', Assign: {}, Output: {}, IntervalSeconds: 1 }]),
    ).toEqual([
      ['UNKNOWN_FIELD', `${CATCH}/0/IntervalSeconds`],
      ['FORBIDDEN_FIELD', `${CATCH}/0/Output`],
    ]);
  });

  it('reports the problems of every catcher', () => {
    expect(
      catchProblems([
        { ErrorEquals: ['States.Oops'], Next: 'N' },
        { ErrorEquals: [], Next: 'M' },
      ]),
    ).toEqual([
      ['INVALID_ERROR_NAME', `${CATCH}/0/ErrorEquals/0`],
      ['SCHEMA_VALIDATION_FAILED', `${CATCH}/1/ErrorEquals`],
    ]);
  });
});
