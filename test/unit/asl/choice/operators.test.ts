/**
 * Each comparison operator, with the examples of the "Choice workflow state" page of the
 * Step Functions Developer Guide where it gives one. A value of the wrong type makes a
 * comparison false: "Step Functions doesn't attempt to match a numeric field to a string value".
 */
import { describe, expect, it } from 'vitest';
import { holds } from './helpers.js';

describe('String comparisons', () => {
  it('StringEquals matches the exact string (doc example "MyString")', () => {
    const condition = { Variable: '$.foo', StringEquals: 'MyString' };
    expect(holds(condition, { foo: 'MyString' })).toBe(true);
    expect(holds(condition, { foo: 'MyStringX' })).toBe(false);
    expect(holds(condition, { foo: 'mystring' })).toBe(false);
  });

  it('StringEquals is false, not an error, for a value that is not a string', () => {
    const condition = { Variable: '$.foo', StringEquals: '1' };
    expect(holds(condition, { foo: 1 })).toBe(false);
    expect(holds(condition, { foo: null })).toBe(false);
    expect(holds(condition, { foo: ['1'] })).toBe(false);
  });

  it('StringGreaterThan orders lexicographically (doc example "MyStringABC")', () => {
    const condition = { Variable: '$.foo', StringGreaterThan: 'MyStringABC' };
    expect(holds(condition, { foo: 'MyStringABD' })).toBe(true);
    expect(holds(condition, { foo: 'MyStringABCD' })).toBe(true);
    expect(holds(condition, { foo: 'MyStringABC' })).toBe(false);
    expect(holds(condition, { foo: 'MyStringAB' })).toBe(false);
  });

  it('StringLessThan, StringLessThanEquals and StringGreaterThanEquals at their boundary', () => {
    expect(holds({ Variable: '$.s', StringLessThan: 'm' }, { s: 'l' })).toBe(true);
    expect(holds({ Variable: '$.s', StringLessThan: 'm' }, { s: 'm' })).toBe(false);
    expect(holds({ Variable: '$.s', StringLessThanEquals: 'm' }, { s: 'm' })).toBe(true);
    expect(holds({ Variable: '$.s', StringLessThanEquals: 'm' }, { s: 'n' })).toBe(false);
    expect(holds({ Variable: '$.s', StringGreaterThanEquals: 'm' }, { s: 'm' })).toBe(true);
    expect(holds({ Variable: '$.s', StringGreaterThanEquals: 'm' }, { s: 'l' })).toBe(false);
  });

  it("orders by UTF-16 code units, as Java's String.compareTo (which the doc cites)", () => {
    // Upper case letters come before lower case ones.
    expect(holds({ Variable: '$.s', StringLessThan: 'b' }, { s: 'B' })).toBe(true);
    // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FF5E.
    expect(holds({ Variable: '$.s', StringLessThan: '\uFF5E' }, { s: '\u{1F600}' })).toBe(true);
  });
});

describe('Numeric comparisons', () => {
  it('NumericEquals compares by value (doc example 1)', () => {
    const condition = { Variable: '$.foo', NumericEquals: 1 };
    expect(holds(condition, { foo: 1 })).toBe(true);
    expect(holds(condition, JSON.parse('{"foo": 1.0}'))).toBe(true);
    expect(holds(condition, { foo: 2 })).toBe(false);
  });

  it('NumericEquals is false for a numeric string or a boolean', () => {
    const condition = { Variable: '$.foo', NumericEquals: 1 };
    expect(holds(condition, { foo: '1' })).toBe(false);
    expect(holds(condition, { foo: true })).toBe(false);
  });

  it('NumericGreaterThanEquals 20 and NumericLessThan 30 bound the twenties (doc And example)', () => {
    const atLeast20 = { Variable: '$.value', NumericGreaterThanEquals: 20 };
    const below30 = { Variable: '$.value', NumericLessThan: 30 };
    expect(holds(atLeast20, { value: 20 })).toBe(true);
    expect(holds(atLeast20, { value: 19.5 })).toBe(false);
    expect(holds(below30, { value: 29.99 })).toBe(true);
    expect(holds(below30, { value: 30 })).toBe(false);
  });

  it('NumericGreaterThan and NumericLessThanEquals', () => {
    expect(holds({ Variable: '$.n', NumericGreaterThan: -1 }, { n: 0 })).toBe(true);
    expect(holds({ Variable: '$.n', NumericGreaterThan: -1 }, { n: -1 })).toBe(false);
    expect(holds({ Variable: '$.n', NumericLessThanEquals: 2.5 }, { n: 2.5 })).toBe(true);
    expect(holds({ Variable: '$.n', NumericLessThanEquals: 2.5 }, { n: 2.6 })).toBe(false);
  });
});

describe('Timestamp comparisons', () => {
  it('TimestampEquals compares instants (doc example 2001-01-01T12:00:00Z)', () => {
    const condition = { Variable: '$.foo', TimestampEquals: '2001-01-01T12:00:00Z' };
    expect(holds(condition, { foo: '2001-01-01T12:00:00Z' })).toBe(true);
    expect(holds(condition, { foo: '2001-01-01T13:00:00+01:00' })).toBe(true);
    expect(holds(condition, { foo: '2001-01-01T12:00:00.000Z' })).toBe(true);
    expect(holds(condition, { foo: '2001-01-01T12:00:00.001Z' })).toBe(false);
  });

  it('is false for a value that is not an RFC 3339 timestamp (lower-case t, no zone, a number)', () => {
    const condition = { Variable: '$.foo', TimestampEquals: '2001-01-01T12:00:00Z' };
    expect(holds(condition, { foo: '2001-01-01t12:00:00z' })).toBe(false);
    expect(holds(condition, { foo: '2001-01-01T12:00:00' })).toBe(false);
    expect(holds(condition, { foo: 978350400000 })).toBe(false);
  });

  it('orders instants, below the millisecond too', () => {
    const base = '2016-08-18T17:33:00Z';
    expect(holds({ Variable: '$.t', TimestampLessThan: base }, { t: '2016-08-18T17:32:59.999Z' })).toBe(true);
    expect(holds({ Variable: '$.t', TimestampGreaterThan: base }, { t: '2016-08-18T17:33:00.000001Z' })).toBe(
      true,
    );
    expect(
      holds({ Variable: '$.t', TimestampLessThanEquals: base }, { t: '2016-08-18T19:33:00+02:00' }),
    ).toBe(true);
    expect(holds({ Variable: '$.t', TimestampGreaterThanEquals: base }, { t: '2016-08-18T17:32:00Z' })).toBe(
      false,
    );
  });
});

describe('BooleanEquals', () => {
  it('matches a boolean of the same value only', () => {
    expect(holds({ Variable: '$.b', BooleanEquals: true }, { b: true })).toBe(true);
    expect(holds({ Variable: '$.b', BooleanEquals: false }, { b: false })).toBe(true);
    expect(holds({ Variable: '$.b', BooleanEquals: true }, { b: false })).toBe(false);
    expect(holds({ Variable: '$.b', BooleanEquals: true }, { b: 'true' })).toBe(false);
    expect(holds({ Variable: '$.b', BooleanEquals: false }, { b: 0 })).toBe(false);
  });
});

describe('…Path operators compare with a value read from the input or the context', () => {
  it('StringEqualsPath, NumericLessThanPath, BooleanEqualsPath', () => {
    expect(holds({ Variable: '$.a', StringEqualsPath: '$.b' }, { a: 'x', b: 'x' })).toBe(true);
    expect(holds({ Variable: '$.a', StringEqualsPath: '$.b' }, { a: 'x', b: 'y' })).toBe(false);
    expect(holds({ Variable: '$.a', NumericLessThanPath: '$.b' }, { a: 1, b: 2 })).toBe(true);
    expect(holds({ Variable: '$.a', NumericLessThanPath: '$.b' }, { a: 2, b: 2 })).toBe(false);
    expect(holds({ Variable: '$.a', BooleanEqualsPath: '$.b' }, { a: false, b: false })).toBe(true);
  });

  it('is false when the path operand has the wrong type', () => {
    expect(holds({ Variable: '$.a', StringEqualsPath: '$.b' }, { a: '1', b: 1 })).toBe(false);
    expect(holds({ Variable: '$.a', NumericEqualsPath: '$.b' }, { a: 1, b: '1' })).toBe(false);
    expect(
      holds({ Variable: '$.a', TimestampEqualsPath: '$.b' }, { a: '2001-01-01T00:00:00Z', b: 'soon' }),
    ).toBe(false);
  });

  it('reads the context object with $$ (Variable and operand)', () => {
    const context = { Execution: { StartTime: '2024-05-01T10:00:00.000Z', Input: { mode: 'fast' } } };
    const input = { deadline: '2024-05-01T09:00:00Z', mode: 'fast' };
    expect(
      holds({ Variable: '$.deadline', TimestampLessThanPath: '$$.Execution.StartTime' }, input, context),
    ).toBe(true);
    expect(holds({ Variable: '$$.Execution.Input.mode', StringEqualsPath: '$.mode' }, input, context)).toBe(
      true,
    );
  });

  it('the other Path twins exist and compare like their literal forms', () => {
    const input = { s: 'b', lo: 'a', n: 2, one: 1, t: '2020-01-02T00:00:00Z', t0: '2020-01-01T00:00:00Z' };
    expect(holds({ Variable: '$.s', StringGreaterThanPath: '$.lo' }, input)).toBe(true);
    expect(holds({ Variable: '$.s', StringGreaterThanEqualsPath: '$.s' }, input)).toBe(true);
    expect(holds({ Variable: '$.lo', StringLessThanPath: '$.s' }, input)).toBe(true);
    expect(holds({ Variable: '$.lo', StringLessThanEqualsPath: '$.s' }, input)).toBe(true);
    expect(holds({ Variable: '$.n', NumericGreaterThanPath: '$.one' }, input)).toBe(true);
    expect(holds({ Variable: '$.n', NumericGreaterThanEqualsPath: '$.n' }, input)).toBe(true);
    expect(holds({ Variable: '$.one', NumericLessThanEqualsPath: '$.n' }, input)).toBe(true);
    expect(holds({ Variable: '$.n', NumericEqualsPath: '$.one' }, input)).toBe(false);
    expect(holds({ Variable: '$.t', TimestampGreaterThanPath: '$.t0' }, input)).toBe(true);
    expect(holds({ Variable: '$.t', TimestampGreaterThanEqualsPath: '$.t' }, input)).toBe(true);
    expect(holds({ Variable: '$.t0', TimestampLessThanEqualsPath: '$.t' }, input)).toBe(true);
    expect(holds({ Variable: '$.t', TimestampEqualsPath: '$.t0' }, input)).toBe(false);
  });
});

describe('type tests', () => {
  it('IsNull true matches null only; IsNull false negates', () => {
    expect(holds({ Variable: '$.v', IsNull: true }, { v: null })).toBe(true);
    expect(holds({ Variable: '$.v', IsNull: true }, { v: 0 })).toBe(false);
    expect(holds({ Variable: '$.v', IsNull: true }, { v: '' })).toBe(false);
    expect(holds({ Variable: '$.v', IsNull: false }, { v: 'x' })).toBe(true);
  });

  it('IsNumeric, IsString, IsBoolean', () => {
    expect(holds({ Variable: '$.v', IsNumeric: true }, { v: 1.5 })).toBe(true);
    expect(holds({ Variable: '$.v', IsNumeric: true }, { v: '1.5' })).toBe(false);
    expect(holds({ Variable: '$.v', IsString: true }, { v: '' })).toBe(true);
    expect(holds({ Variable: '$.v', IsString: false }, { v: 3 })).toBe(true);
    expect(holds({ Variable: '$.v', IsBoolean: true }, { v: false })).toBe(true);
    expect(holds({ Variable: '$.v', IsBoolean: true }, { v: 'false' })).toBe(false);
  });

  it('IsTimestamp accepts RFC 3339 with upper-case T and Z only', () => {
    expect(holds({ Variable: '$.v', IsTimestamp: true }, { v: '2016-03-14T01:59:00Z' })).toBe(true);
    expect(holds({ Variable: '$.v', IsTimestamp: true }, { v: '2016-03-14T01:59:00.5-07:00' })).toBe(true);
    expect(holds({ Variable: '$.v', IsTimestamp: true }, { v: '2016-03-14t01:59:00z' })).toBe(false);
    expect(holds({ Variable: '$.v', IsTimestamp: true }, { v: '2016-03-14' })).toBe(false);
    expect(holds({ Variable: '$.v', IsTimestamp: false }, { v: 20160314 })).toBe(true);
  });

  it('IsPresent tells whether the Variable selects anything, without failing', () => {
    expect(holds({ Variable: '$.v', IsPresent: true }, { v: null })).toBe(true);
    expect(holds({ Variable: '$.v', IsPresent: true }, {})).toBe(false);
    expect(holds({ Variable: '$.v', IsPresent: false }, {})).toBe(true);
    expect(holds({ Variable: '$.list[3]', IsPresent: true }, { list: [1, 2] })).toBe(false);
  });
});

describe('the whole input as Variable', () => {
  it('compares the state input itself with "$"', () => {
    expect(holds({ Variable: '$', StringEquals: 'No messages' }, 'No messages')).toBe(true);
    expect(holds({ Variable: '$', NumericGreaterThan: 1 }, 2)).toBe(true);
  });
});
