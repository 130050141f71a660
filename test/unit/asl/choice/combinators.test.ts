/**
 * And, Or, Not, and the first-match order of a Choice state's rules, on the "Choice State
 * Example" of the Step Functions Developer Guide (ChoiceStateX).
 */
import { describe, expect, it } from 'vitest';
import type { ChoiceRule } from '../../../../src/asl/choice/choice-rule.js';
import type { Json } from '../../../../src/asl/json.js';
import { holds, rule, scope } from './helpers.js';

const choiceStateX: ChoiceRule[] = [
  rule({ Not: { Variable: '$.type', StringEquals: 'Private' }, Next: 'Public' }),
  rule({ Variable: '$.value', NumericEquals: 0, Next: 'ValueIsZero' }),
  rule({
    And: [
      { Variable: '$.value', NumericGreaterThanEquals: 20 },
      { Variable: '$.value', NumericLessThan: 30 },
    ],
    Next: 'ValueInTwenties',
  }),
];

/** The Next of the first rule that holds, or 'DefaultState' as the example's Default. */
function choose(rules: ChoiceRule[], input: Json): string | undefined {
  return rules.find((candidate) => candidate.test(scope(input)))?.next ?? 'DefaultState';
}

describe('the documentation example ChoiceStateX', () => {
  it('goes to ValueInTwenties for {"type": "Private", "value": 22}', () => {
    expect(choose(choiceStateX, { type: 'Private', value: 22 })).toBe('ValueInTwenties');
  });

  it('goes to Public when Not(type == Private), before any later rule', () => {
    expect(choose(choiceStateX, { type: 'Public', value: 22 })).toBe('Public');
  });

  it('goes to ValueIsZero and to the Default', () => {
    expect(choose(choiceStateX, { type: 'Private', value: 0 })).toBe('ValueIsZero');
    expect(choose(choiceStateX, { type: 'Private', value: 30 })).toBe('DefaultState');
  });
});

describe('combinators', () => {
  it('Or holds when any nested rule holds', () => {
    const condition = {
      Or: [
        { Variable: '$.n', NumericLessThan: 0 },
        { Variable: '$.n', NumericGreaterThan: 10 },
      ],
    };
    expect(holds(condition, { n: -1 })).toBe(true);
    expect(holds(condition, { n: 11 })).toBe(true);
    expect(holds(condition, { n: 5 })).toBe(false);
  });

  it('nests to any depth', () => {
    const condition = {
      Not: { And: [{ Variable: '$.a', BooleanEquals: true }, { Not: { Variable: '$.b', IsNull: true } }] },
    };
    expect(holds(condition, { a: true, b: 1 })).toBe(false);
    expect(holds(condition, { a: true, b: null })).toBe(true);
  });

  it('And short-circuits, so an IsPresent guard protects the comparison after it', () => {
    const guarded = {
      And: [
        { Variable: '$.optional', IsPresent: true },
        { Variable: '$.optional', StringEquals: 'yes' },
      ],
    };
    expect(holds(guarded, {})).toBe(false);
    expect(holds(guarded, { optional: 'yes' })).toBe(true);
  });

  it('Or short-circuits at the first rule that holds', () => {
    const condition = {
      Or: [
        { Variable: '$.flag', IsPresent: false },
        { Variable: '$.flag', BooleanEquals: true },
      ],
    };
    expect(holds(condition, {})).toBe(true);
  });

  it('a top-level rule carries its Next; nested rules have none', () => {
    expect(rule({ Variable: '$.x', IsPresent: true, Next: 'Somewhere' }).next).toBe('Somewhere');
  });
});
