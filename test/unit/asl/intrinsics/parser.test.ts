import { describe, expect, it } from 'vitest';
import { MAX_NESTING, parseIntrinsic } from '../../../../src/asl/intrinsics/parser.js';
import { IntrinsicSyntaxError } from '../../../../src/asl/intrinsics/syntax-error.js';

function syntaxError(text: string): IntrinsicSyntaxError {
  try {
    parseIntrinsic(text);
  } catch (error) {
    expect(error).toBeInstanceOf(IntrinsicSyntaxError);
    return error as IntrinsicSyntaxError;
  }
  throw new Error(`${text} parsed`);
}

function nested(depth: number): string {
  return `${'States.Array('.repeat(depth)}1${')'.repeat(depth)}`;
}

describe('parseIntrinsic', () => {
  it('builds a call with literal, path and nested call arguments', () => {
    const call = parseIntrinsic("States.Format('{} {}', $.a, States.Array(1, -2.5, true, false, null))");
    expect(call).toEqual({
      kind: 'call',
      name: 'States.Format',
      pos: 0,
      args: [
        { kind: 'literal', value: '{} {}', raw: '{} {}', pos: 14 },
        { kind: 'path', text: '$.a', pos: 23 },
        {
          kind: 'call',
          name: 'States.Array',
          pos: 28,
          args: [
            { kind: 'literal', value: 1, pos: 41 },
            { kind: 'literal', value: -2.5, pos: 44 },
            { kind: 'literal', value: true, pos: 50 },
            { kind: 'literal', value: false, pos: 56 },
            { kind: 'literal', value: null, pos: 63 },
          ],
        },
      ],
    });
  });

  it('parses a call without arguments', () => {
    expect(parseIntrinsic('States.UUID()')).toEqual({ kind: 'call', name: 'States.UUID', args: [], pos: 0 });
  });

  it('keeps commas inside a bracketed path within the path', () => {
    const call = parseIntrinsic("States.Array($['a,b'], $.list[0,1], $$.Map.Item.Value)");
    expect(call.args.map((arg) => (arg.kind === 'path' ? arg.text : arg.kind))).toEqual([
      "$['a,b']",
      '$.list[0,1]',
      '$$.Map.Item.Value',
    ]);
  });

  it('parses the nine-function example of the AWS documentation', () => {
    const arn =
      "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))";
    expect(parseIntrinsic(arn).args).toHaveLength(3);
  });

  it(`accepts nesting ${MAX_NESTING} deep and rejects one level more`, () => {
    expect(() => parseIntrinsic(nested(MAX_NESTING))).not.toThrow();
    const error = syntaxError(nested(MAX_NESTING + 1));
    expect(error.reason).toBe('intrinsic functions nest at most 10 deep');
    expect(error.pos).toBe('States.Array('.length * MAX_NESTING);
  });

  it('stops at the nesting limit instead of recursing through a huge input', () => {
    expect(() => parseIntrinsic(nested(100_000))).toThrow(IntrinsicSyntaxError);
  });

  describe('errors name the position and what was expected', () => {
    it.each([
      ['States.Array($.a) trailing', 'expected the end of the expression, found "trailing" at position 18'],
      ['States.Array(', 'expected an argument, found the end of the expression at position 13'],
      ['States.Array(1 2)', 'expected "," or ")" in the arguments of States.Array, found "2" at position 15'],
      ['States.Array(1,)', 'expected an argument, found ")" at position 15'],
      ['States.Array(,1)', 'expected an argument, found "," at position 13'],
      ['States.Array', 'expected "(" after States.Array, found the end of the expression at position 12'],
      ['$.a', 'expected an intrinsic function name, found "$.a" at position 0'],
      [
        'States.Array(abc)',
        'expected an argument, found "abc" (strings are written in single quotes) at position 13',
      ],
      ['States.Array([1,2])', 'unexpected character "[" at position 13'],
      [
        "States.Array('x'",
        'expected "," or ")" in the arguments of States.Array, found the end of the expression at position 16',
      ],
    ])('%s', (text, message) => {
      expect(syntaxError(text).message).toBe(message);
    });
  });

  it('allows whitespace around the call', () => {
    expect(parseIntrinsic('States.Array(1)  ').name).toBe('States.Array');
  });
});
