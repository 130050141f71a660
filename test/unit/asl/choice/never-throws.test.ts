/** compileChoiceRule reports problems and never throws, whatever it is given. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileChoiceRule } from '../../../../src/asl/choice/compile-choice-rule.js';
import { StatesError } from '../../../../src/asl/errors.js';
import { COMPARISON_OPERATORS } from '../../../../src/asl/choice/comparison-operators.js';
import { TYPE_TESTS } from '../../../../src/asl/choice/type-tests.js';
import type { Json, JsonObject } from '../../../../src/asl/json.js';
import { Problems } from '../../../../src/asl/problems.js';
import { scope } from './helpers.js';

const OPERATORS = [
  'StringEquals',
  'StringMatches',
  'NumericLessThan',
  'NumericEqualsPath',
  'BooleanEquals',
  'TimestampGreaterThan',
  'IsPresent',
  'IsNull',
  'And',
  'Or',
  'Not',
];

const PATHS = ['$.a', '$.b', '$.a[0]', '$', '$$.Execution.Id', '$.missing'];
const TIMESTAMPS = ['2001-01-01T00:00:00Z', '2001-01-01T01:00:00+01:00', '2024-02-29T23:59:59.999999Z'];

/** An operand of the right type for an operator name. */
function operandFor(name: string): fc.Arbitrary<Json> {
  if (name.endsWith('Path')) return fc.constantFrom(...PATHS);
  if (name.startsWith('Is') || name.startsWith('Boolean')) return fc.boolean();
  if (name.startsWith('Numeric')) return fc.double({ noNaN: true, noDefaultInfinity: true });
  if (name.startsWith('Timestamp')) return fc.constantFrom(...TIMESTAMPS);
  return fc.oneof(fc.string(), fc.constantFrom('*', 'a*', '\\*'));
}

const NAMES = [...COMPARISON_OPERATORS.keys(), ...TYPE_TESTS.keys()];

/** Valid rules: any operator with an operand of its type, nested through And/Or/Not. */
const validCondition: fc.Arbitrary<JsonObject> = fc.letrec<{ rule: JsonObject }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .tuple(fc.constantFrom(...PATHS), fc.constantFrom(...NAMES))
      .chain(([variable, name]) =>
        operandFor(name).map((operand) => ({ Variable: variable, [name]: operand })),
      ),
    fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((rules) => ({ And: rules })),
    fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((rules) => ({ Or: rules })),
    tie('rule').map((inner) => ({ Not: inner })),
  ),
})).rule;

const inputs: fc.Arbitrary<Json> = fc
  .record(
    {
      a: fc.oneof(fc.jsonValue(), fc.constantFrom(...TIMESTAMPS)),
      b: fc.oneof(fc.jsonValue(), fc.constantFrom(...TIMESTAMPS)),
    },
    { requiredKeys: [] },
  )
  .map((input) => input as Json);

/** Rule-shaped objects: mostly real field names with arbitrary values. */
const ruleLike: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  rule: fc.dictionary(
    fc.constantFrom('Variable', 'Next', 'Comment', 'Assign', ...OPERATORS, '__proto__', 'x'),
    fc.oneof(
      { depthSize: 'small' },
      fc.anything(),
      fc.constantFrom('$.a', '$$.Execution.Id', '$.a[0]', 'a', '$..a', '2001-01-01T00:00:00Z', '*.log'),
      fc.array(tie('rule'), { maxLength: 3 }),
      tie('rule'),
    ),
    { maxKeys: 4 },
  ),
})).rule;

describe('compileChoiceRule', () => {
  it('never throws on arbitrary values, nested or not', () => {
    fc.assert(
      fc.property(fc.anything(), fc.boolean(), (raw, nested) => {
        const problems = new Problems();
        const compiled = compileChoiceRule(raw, '', problems, nested);
        // A rule compiles or has problems, never neither.
        expect(compiled === undefined).toBe(problems.count > 0);
      }),
    );
  });

  it('never throws on rule-shaped values', () => {
    fc.assert(
      fc.property(ruleLike, fc.boolean(), (raw, nested) => {
        const problems = new Problems();
        const compiled = compileChoiceRule(raw, '', problems, nested);
        expect(compiled === undefined).toBe(problems.count > 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('compiles every valid rule, whose test returns a boolean or fails with States.Runtime', () => {
    fc.assert(
      fc.property(validCondition, inputs, (condition, input) => {
        const problems = new Problems();
        const compiled = compileChoiceRule({ ...condition, Next: 'N' }, '', problems);
        expect(problems.list).toEqual([]);
        try {
          expect(typeof compiled?.test(scope(input, { Execution: { Id: 'arn:x' } }))).toBe('boolean');
        } catch (error) {
          expect(error).toBeInstanceOf(StatesError);
          expect((error as StatesError).error).toBe('States.Runtime');
        }
      }),
      { numRuns: 2000 },
    );
  });
});
