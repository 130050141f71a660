/** Every problem a Choice rule can have, with its code and JSON Pointer. */
import { describe, expect, it } from 'vitest';
import { problemsOf } from './helpers.js';

const AT = '/States/Check/Choices/0';

function codes(raw: unknown): [string, string][] {
  return problemsOf(raw).map((problem) => [problem.code, problem.path]);
}

describe('rule shape', () => {
  it('accepts a valid rule with a Comment', () => {
    expect(codes({ Variable: '$.a', StringEquals: 'x', Next: 'N', Comment: 'why' })).toEqual([]);
  });

  it('a rule that is not an object', () => {
    expect(codes('StringEquals')).toEqual([['SCHEMA_VALIDATION_FAILED', AT]]);
    expect(codes(null)).toEqual([['SCHEMA_VALIDATION_FAILED', AT]]);
    expect(codes([{ Variable: '$.a', IsNull: true }])).toEqual([['SCHEMA_VALIDATION_FAILED', AT]]);
  });

  it('no operator, or several', () => {
    expect(codes({ Variable: '$.a', Next: 'N' })).toEqual([['INVALID_CHOICE_RULE', AT]]);
    expect(codes({ Variable: '$.a', StringEquals: 'x', StringMatches: 'x*', Next: 'N' })).toEqual([
      ['INVALID_CHOICE_RULE', AT],
    ]);
    expect(
      codes({ And: [{ Variable: '$.a', IsNull: true }], Not: { Variable: '$.a', IsNull: true }, Next: 'N' }),
    ).toEqual([['INVALID_CHOICE_RULE', AT]]);
  });

  it('Next: required at the top level, a non-empty string, forbidden when nested', () => {
    expect(codes({ Variable: '$.a', IsNull: true })).toEqual([['MISSING_FIELD', `${AT}/Next`]]);
    expect(codes({ Variable: '$.a', IsNull: true, Next: 3 })).toEqual([
      ['SCHEMA_VALIDATION_FAILED', `${AT}/Next`],
    ]);
    expect(codes({ Variable: '$.a', IsNull: true, Next: '' })).toEqual([
      ['SCHEMA_VALIDATION_FAILED', `${AT}/Next`],
    ]);
    expect(codes({ Not: { Variable: '$.a', IsNull: true, Next: 'N' }, Next: 'N' })).toEqual([
      ['INVALID_CHOICE_RULE', `${AT}/Not/Next`],
    ]);
  });

  it('fields that are not Choice-rule fields', () => {
    expect(codes({ Variable: '$.a', IsNull: true, Next: 'N', Default: 'X' })).toEqual([
      ['UNKNOWN_FIELD', `${AT}/Default`],
    ]);
    expect(codes({ Variable: '$.a', IsNull: true, Next: 'N', 'a/b~c': 1 })).toEqual([
      ['UNKNOWN_FIELD', `${AT}/a~1b~0c`],
    ]);
    expect(codes({ Variable: '$.a', stringequals: 'x', Next: 'N' })).toEqual([
      ['UNKNOWN_FIELD', `${AT}/stringequals`],
      ['INVALID_CHOICE_RULE', AT],
    ]);
  });

  it('Comment must be a string', () => {
    expect(codes({ Variable: '$.a', IsNull: true, Next: 'N', Comment: 1 })).toEqual([
      ['SCHEMA_VALIDATION_FAILED', `${AT}/Comment`],
    ]);
  });

  it('takes Assign; Condition and Output belong to JSONata rules', () => {
    expect(codes({ Variable: '$.a', IsNull: true, Next: 'N', Assign: { x: 1 } })).toEqual([]);
    expect(codes({ Condition: '{% $x = 1 %}', Next: 'N' })).toEqual([['FORBIDDEN_FIELD', `${AT}/Condition`]]);
    expect(codes({ Condition: '{% true %}', Next: 'N', Output: {} })).toEqual([
      ['FORBIDDEN_FIELD', `${AT}/Condition`],
      ['FORBIDDEN_FIELD', `${AT}/Output`],
    ]);
  });

  it('Assign inside And/Or/Not is not allowed at all', () => {
    expect(codes({ Not: { Variable: '$.a', IsNull: true, Assign: {} }, Next: 'N' })).toEqual([
      ['FORBIDDEN_FIELD', `${AT}/Not/Assign`],
    ]);
  });
});

describe('Variable', () => {
  it('is required for a comparison', () => {
    expect(codes({ StringEquals: 'x', Next: 'N' })).toEqual([['MISSING_FIELD', `${AT}/Variable`]]);
  });

  it('must be a Reference Path', () => {
    expect(codes({ Variable: 3, IsNull: true, Next: 'N' })).toEqual([
      ['SCHEMA_VALIDATION_FAILED', `${AT}/Variable`],
    ]);
    expect(codes({ Variable: 'foo', IsNull: true, Next: 'N' })).toEqual([
      ['INVALID_REFERENCE_PATH', `${AT}/Variable`],
    ]);
    expect(codes({ Variable: '$..a', IsNull: true, Next: 'N' })).toEqual([
      ['INVALID_REFERENCE_PATH', `${AT}/Variable`],
    ]);
    expect(codes({ Variable: '$.a[*]', IsNull: true, Next: 'N' })).toEqual([
      ['INVALID_REFERENCE_PATH', `${AT}/Variable`],
    ]);
  });

  it('may read a workflow variable ($name)', () => {
    expect(codes({ Variable: '$count', NumericEquals: 1, Next: 'N' })).toEqual([]);
    expect(codes({ Variable: '$order.items[0]', IsPresent: true, Next: 'N' })).toEqual([]);
  });

  it('is not allowed beside And, Or, Not', () => {
    expect(codes({ Variable: '$.a', And: [{ Variable: '$.a', IsNull: true }], Next: 'N' })).toEqual([
      ['INVALID_CHOICE_RULE', `${AT}/Variable`],
    ]);
  });
});

describe('operand types, checked once at parse time', () => {
  it.each([
    ['StringEquals', 1],
    ['StringLessThan', null],
    ['StringMatches', 5],
    ['NumericEquals', '1'],
    ['NumericGreaterThanEquals', true],
    ['BooleanEquals', 'true'],
    ['TimestampEquals', 20010101],
    ['IsNull', 'true'],
    ['IsPresent', 1],
    ['StringEqualsPath', 1],
  ])('%s with %j', (operator, operand) => {
    expect(codes({ Variable: '$.a', [operator]: operand, Next: 'N' })).toEqual([
      ['SCHEMA_VALIDATION_FAILED', `${AT}/${operator}`],
    ]);
  });

  it('a Timestamp operator needs an RFC 3339 timestamp', () => {
    expect(codes({ Variable: '$.a', TimestampLessThan: '2001-01-01', Next: 'N' })).toEqual([
      ['INVALID_TIMESTAMP', `${AT}/TimestampLessThan`],
    ]);
    expect(codes({ Variable: '$.a', TimestampLessThan: '2001-02-30T00:00:00Z', Next: 'N' })).toEqual([
      ['INVALID_TIMESTAMP', `${AT}/TimestampLessThan`],
    ]);
  });

  it('a …Path operand must be a Reference Path', () => {
    expect(codes({ Variable: '$.a', NumericEqualsPath: 'b', Next: 'N' })).toEqual([
      ['INVALID_REFERENCE_PATH', `${AT}/NumericEqualsPath`],
    ]);
    expect(codes({ Variable: '$.a', TimestampEqualsPath: '$.list[?(@.x)]', Next: 'N' })).toEqual([
      ['INVALID_REFERENCE_PATH', `${AT}/TimestampEqualsPath`],
    ]);
  });
});

describe('And, Or, Not', () => {
  it('And/Or need a non-empty array; Not one rule', () => {
    expect(codes({ And: [], Next: 'N' })).toEqual([['SCHEMA_VALIDATION_FAILED', `${AT}/And`]]);
    expect(codes({ Or: { Variable: '$.a', IsNull: true }, Next: 'N' })).toEqual([
      ['SCHEMA_VALIDATION_FAILED', `${AT}/Or`],
    ]);
    expect(codes({ Not: [{ Variable: '$.a', IsNull: true }], Next: 'N' })).toEqual([
      ['SCHEMA_VALIDATION_FAILED', `${AT}/Not`],
    ]);
  });

  it('reports every problem of nested rules with its pointer', () => {
    const raw = {
      And: [
        { Variable: '$.a', IsPresent: true },
        { Variable: '$.b', StringEquals: 42 },
        {
          Or: [
            { Variable: 'c', IsNull: true },
            { Variable: '$.d', NumericEquals: 1, Next: 'X' },
          ],
        },
      ],
      Next: 'N',
    };
    expect(codes(raw)).toEqual([
      ['SCHEMA_VALIDATION_FAILED', `${AT}/And/1/StringEquals`],
      ['INVALID_REFERENCE_PATH', `${AT}/And/2/Or/0/Variable`],
      ['INVALID_CHOICE_RULE', `${AT}/And/2/Or/1/Next`],
    ]);
  });

  it('a nested rule with no operator', () => {
    expect(codes({ Or: [{ Variable: '$.a' }], Next: 'N' })).toEqual([['INVALID_CHOICE_RULE', `${AT}/Or/0`]]);
  });
});
