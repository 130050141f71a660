import { describe, expect, it } from 'vitest';
import {
  FAIL_STATE_INTRINSICS,
  compileIntrinsic,
  isIntrinsicCall,
} from '../../../../src/asl/intrinsics/compile-intrinsic.js';
import { compileError, evaluate, scopeOf } from './evaluate.js';

describe('isIntrinsicCall', () => {
  it.each([
    ['States.Format($.a)', true],
    ['States.UUID()', true],
    ['$.a', false],
    ['States.Format', false],
    ['Hello States.Format(1)', false],
  ])('%s → %s', (text, expected) => {
    expect(isIntrinsicCall(text)).toBe(expected);
  });
});

describe('compileIntrinsic compile-time errors', () => {
  it('rejects an unknown function', () => {
    expect(compileError('States.Array(States.Foo(1))')).toBe(
      'unknown intrinsic function States.Foo at position 13',
    );
  });

  it('rejects function names in another case (names are case-sensitive)', () => {
    expect(compileError('States.format(1)')).toMatch(/unknown intrinsic function States.format/);
  });

  it.each([
    ['States.MathAdd(1)', 'States.MathAdd takes 2 arguments, but 1 was given at position 0'],
    ['States.ArrayLength()', 'States.ArrayLength takes 1 argument, but 0 were given at position 0'],
    [
      'States.MathRandom(1, 2, 3, 4)',
      'States.MathRandom takes 2 to 3 arguments, but 4 were given at position 0',
    ],
    ['States.Format()', 'States.Format takes at least 1 argument, but 0 were given at position 0'],
    ['States.UUID(1)', 'States.UUID takes 0 arguments, but 1 was given at position 0'],
    ['States.JsonMerge($.a, $.b)', 'States.JsonMerge takes 3 arguments, but 2 were given at position 0'],
  ])('checks the arity of %s', (text, message) => {
    expect(compileError(text)).toBe(message);
  });

  it('checks the arity of nested calls too', () => {
    expect(compileError("States.Format('{}', States.ArrayRange(1, 2))")).toMatch(
      /^States.ArrayRange takes 3 arguments, but 2 were given at position 20$/,
    );
  });

  it('rejects an invalid path argument', () => {
    expect(compileError('States.Array(1, $.a.)')).toMatch(/^Invalid path "\$\.a\.": .* at position 16$/);
  });

  it('reads a workflow variable ($name) as an argument', () => {
    const compiled = compileIntrinsic('States.Array($name, $order.id)');
    if (!compiled.ok) throw new Error(compiled.message);
    const scope = { ...scopeOf({}), variables: { name: 'n', order: { id: 7 } } };
    expect(compiled.value(scope)).toEqual(['n', 7]);
  });

  it('reports syntax errors with their position', () => {
    expect(compileError("States.Format('a\\')")).toMatch(/position/);
  });
});

describe('allowedFunctions', () => {
  it('accepts the allowed functions at any depth', () => {
    const compiled = compileIntrinsic("States.Format('{}', States.UUID())", {
      allowedFunctions: FAIL_STATE_INTRINSICS,
    });
    expect(compiled.ok).toBe(true);
  });

  it('rejects another function, even nested', () => {
    const message = compileError("States.Format('{}', States.MathAdd(1, 2))", FAIL_STATE_INTRINSICS);
    expect(message).toMatch(
      /^States.MathAdd is not allowed here \(allowed: .*States.Format.*\) at position 20$/,
    );
  });

  it('names the seven functions a Fail state may call (AWS Fail state documentation)', () => {
    expect([...FAIL_STATE_INTRINSICS].sort()).toEqual([
      'States.ArrayGetItem',
      'States.Base64Decode',
      'States.Base64Encode',
      'States.Format',
      'States.Hash',
      'States.JsonToString',
      'States.UUID',
    ]);
  });
});

describe('evaluation', () => {
  it('evaluates the AWS documentation example with nine nested functions', () => {
    const input = {
      ImageRecipe: { Arn: 'arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/1.2.3' },
    };
    const arn =
      "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))";
    expect(evaluate(arn, input)).toBe('1.2');
  });

  it('reads $$ paths from the context object', () => {
    expect(
      evaluate('States.Array($$.Execution.Name, $.a)', { a: 1 }, { Execution: { Name: 'run-1' } }),
    ).toEqual(['run-1', 1]);
  });

  it('reads paths with brackets and commas', () => {
    expect(evaluate("States.Array($['a,b'], $.list[1])", { 'a,b': 'x', list: [10, 20] })).toEqual(['x', 20]);
  });

  it('gives a JSONPath with a wildcard the array of its matches', () => {
    expect(evaluate('States.ArrayLength($.items[*].id)', { items: [{ id: 1 }, { id: 2 }, {}] })).toBe(2);
  });

  it('returns the same result for every evaluation of one compiled call', () => {
    const compiled = compileIntrinsic('States.MathAdd($.a, 1)');
    if (!compiled.ok) throw new Error(compiled.message);
    expect(compiled.value(scopeOf({ a: 1 }))).toBe(2);
    expect(compiled.value(scopeOf({ a: 41 }))).toBe(42);
  });

  it('does not mutate its input', () => {
    const input = { a: { k: [1, 2] }, b: { k: [3] }, list: [3, 1, 3] };
    const before = JSON.stringify(input);
    evaluate('States.Array(States.JsonMerge($.a, $.b, false), States.ArrayUnique($.list))', input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
