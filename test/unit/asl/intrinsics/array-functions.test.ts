/**
 * Expected values: the examples of the AWS page "Intrinsic functions for JSONPath states",
 * and behaviour observed on AWS (truncation of fractional arguments, failures as
 * States.Runtime "Invalid arguments in …").
 */
import { describe, expect, it } from 'vitest';
import { evaluate, failure } from './evaluate.js';

const nine = { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] };

function expectInvalid(text: string, input: object, name: string): void {
  const error = failure(text, input as never);
  expect(error.error).toBe('States.IntrinsicFailure');
  expect(error.cause).toContain(`Invalid arguments in ${name}`);
}

describe('States.Array', () => {
  it('returns its arguments in order (AWS example)', () => {
    expect(evaluate('States.Array($.Id)', { Id: 123456 })).toEqual([123456]);
  });

  it('takes zero arguments', () => {
    expect(evaluate('States.Array()')).toEqual([]);
  });

  it('keeps literals of every kind and nested arrays', () => {
    expect(evaluate("States.Array(42, true, null, 'hello', false, '', 0, States.Array(2, 3))")).toEqual([
      42,
      true,
      null,
      'hello',
      false,
      '',
      0,
      [2, 3],
    ]);
  });
});

describe('States.ArrayPartition', () => {
  it('splits into chunks, the last one short (AWS example)', () => {
    expect(evaluate('States.ArrayPartition($.inputArray,4)', nine)).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9],
    ]);
  });

  it('returns one chunk when the size exceeds the length, and none for an empty array', () => {
    expect(evaluate('States.ArrayPartition($.a, 10)', { a: [1, 2, 3] })).toEqual([[1, 2, 3]]);
    expect(evaluate('States.ArrayPartition($.a, 3)', { a: [] })).toEqual([]);
  });

  it('truncates a fractional chunk size, as AWS does', () => {
    expect(evaluate('States.ArrayPartition($.a, 2.6)', { a: [1, 2, 3, 4, 5] })).toEqual([
      [1, 2],
      [3, 4],
      [5],
    ]);
  });

  it.each(['0', '-1', '0.49', '-0.6', '0.6'])('rejects the chunk size %s', (size) => {
    expectInvalid(`States.ArrayPartition($.a, ${size})`, { a: [1, 2, 3] }, 'States.ArrayPartition');
  });

  it('rejects a non-array first argument and a string chunk size', () => {
    expectInvalid("States.ArrayPartition('not-array', 2)", {}, 'States.ArrayPartition');
    expectInvalid("States.ArrayPartition($.a, '2')", { a: [1] }, 'States.ArrayPartition');
  });
});

describe('States.ArrayContains', () => {
  it('finds a value (AWS example)', () => {
    expect(evaluate('States.ArrayContains($.inputArray, $.lookingFor)', { ...nine, lookingFor: 5 })).toBe(
      true,
    );
    expect(evaluate('States.ArrayContains($.inputArray, 10)', nine)).toBe(false);
  });

  it('compares objects and arrays by structure', () => {
    const input = { arr: [{ a: 1 }, [1, 2]], obj: { a: 1 }, list: [1, 2], near: { a: 1, extra: null } };
    expect(evaluate('States.ArrayContains($.arr, $.obj)', input)).toBe(true);
    expect(evaluate('States.ArrayContains($.arr, $.list)', input)).toBe(true);
    expect(evaluate('States.ArrayContains($.arr, $.near)', input)).toBe(false);
  });

  it('finds null, and does not take false for 0', () => {
    expect(evaluate('States.ArrayContains($.a, null)', { a: [1, null, 3] })).toBe(true);
    expect(evaluate('States.ArrayContains($.a, false)', { a: [0, 1, -1, -1.5] })).toBe(false);
  });

  it('rejects a non-array first argument', () => {
    expectInvalid("States.ArrayContains('not-array', 'x')", {}, 'States.ArrayContains');
  });
});

describe('States.ArrayRange', () => {
  it('includes the end when the step lands on it (AWS example)', () => {
    expect(evaluate('States.ArrayRange(1, 9, 2)')).toEqual([1, 3, 5, 7, 9]);
  });

  it.each([
    ['1, 5, 1', [1, 2, 3, 4, 5]],
    ['-2, 2, 2', [-2, 0, 2]],
    ['3, 3, 1', [3]],
    ['3, 3, -1', [3]],
    ['5, 1, -2', [5, 3, 1]],
    ['5, 1, 1', []],
    ['1, 5, -1', []],
    ['1.4, 5.6, 2.2', [1, 3, 5]],
  ])('ArrayRange(%s)', (args, expected) => {
    expect(evaluate(`States.ArrayRange(${args})`)).toEqual(expected);
  });

  it('builds at most 1,000 items', () => {
    const up = evaluate('States.ArrayRange(1, 1000, 1)') as number[];
    expect(up).toHaveLength(1000);
    expect([up[0], up[999]]).toEqual([1, 1000]);
    expect(evaluate('States.ArrayRange(1000, 1, -1)')).toHaveLength(1000);
    expectInvalid('States.ArrayRange(1, 1001, 1)', {}, 'States.ArrayRange');
    expectInvalid('States.ArrayRange(1001, 1, -1)', {}, 'States.ArrayRange');
  });

  it('rejects a step of zero, also after truncation', () => {
    expectInvalid('States.ArrayRange(1, 10, 0)', {}, 'States.ArrayRange');
    expectInvalid('States.ArrayRange(1, 10, 0.49)', {}, 'States.ArrayRange');
  });

  it('rejects non-numeric arguments', () => {
    expectInvalid("States.ArrayRange('a', 5, 1)", {}, 'States.ArrayRange');
    expectInvalid("States.ArrayRange(1, 5, 'c')", {}, 'States.ArrayRange');
  });
});

describe('States.ArrayGetItem', () => {
  it('returns the item at a 0-based index (AWS example)', () => {
    expect(evaluate('States.ArrayGetItem($.inputArray, $.index)', { ...nine, index: 5 })).toBe(6);
  });

  it('returns null and object items unchanged', () => {
    expect(evaluate('States.ArrayGetItem($.a, 0)', { a: [null] })).toBe(null);
    expect(evaluate('States.ArrayGetItem($.a, 1)', { a: [{ a: 1 }, { b: 2 }] })).toEqual({ b: 2 });
  });

  it('truncates a fractional index, as AWS does', () => {
    expect(evaluate('States.ArrayGetItem($.a, 1.2)', { a: [10, 20, 30] })).toBe(20);
  });

  it('rejects an index out of range', () => {
    expectInvalid('States.ArrayGetItem($.a, 3)', { a: [10, 20, 30] }, 'States.ArrayGetItem');
    expectInvalid('States.ArrayGetItem($.a, -1)', { a: [10, 20, 30] }, 'States.ArrayGetItem');
  });

  it('rejects a string index and a non-array', () => {
    expectInvalid("States.ArrayGetItem($.a, '1')", { a: [10, 20] }, 'States.ArrayGetItem');
    expectInvalid("States.ArrayGetItem('not-array', 0)", {}, 'States.ArrayGetItem');
  });
});

describe('States.ArrayLength', () => {
  it('counts the items (AWS example)', () => {
    expect(evaluate('States.ArrayLength($.inputArray)', nine)).toBe(9);
    expect(evaluate('States.ArrayLength(States.Array())')).toBe(0);
  });

  it('rejects an object', () => {
    expectInvalid('States.ArrayLength($)', { a: 1 }, 'States.ArrayLength');
  });
});

describe('States.ArrayUnique', () => {
  it('removes duplicates, keeping the first (AWS example)', () => {
    expect(evaluate('States.ArrayUnique($.inputArray)', { inputArray: [1, 2, 3, 3, 3, 3, 3, 3, 4] })).toEqual(
      [1, 2, 3, 4],
    );
  });

  it('compares objects and arrays by structure', () => {
    const input = { a: [{ k: 1 }, [1], { k: 1 }, [1], 'x', 'x', null, null, { k: 2 }] };
    expect(evaluate('States.ArrayUnique($.a)', input)).toEqual([{ k: 1 }, [1], 'x', null, { k: 2 }]);
  });
});
