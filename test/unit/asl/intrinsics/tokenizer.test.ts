import { describe, expect, it } from 'vitest';
import { IntrinsicSyntaxError } from '../../../../src/asl/intrinsics/syntax-error.js';
import { tokenize } from '../../../../src/asl/intrinsics/tokenizer.js';

function kinds(text: string): string[] {
  return tokenize(text).map((token) => token.kind);
}

function syntaxError(text: string): IntrinsicSyntaxError {
  try {
    tokenize(text);
  } catch (error) {
    expect(error).toBeInstanceOf(IntrinsicSyntaxError);
    return error as IntrinsicSyntaxError;
  }
  throw new Error(`${text} tokenized`);
}

describe('tokenize', () => {
  it('splits a call into name, parentheses, commas and arguments', () => {
    expect(kinds("States.Format('x {}', $.a, 12, true)")).toEqual([
      'name',
      '(',
      'string',
      ',',
      'path',
      ',',
      'number',
      ',',
      'name',
      ')',
      'end',
    ]);
  });

  it('skips whitespace between tokens', () => {
    expect(kinds('States.Array( $.a ,\n\t$.b )')).toEqual(['name', '(', 'path', ',', 'path', ')', 'end']);
  });

  describe('string literals', () => {
    // AWS documentation, "Reserved characters": \' \{ \} \\ stand for ' { } \.
    it.each([
      ["'it\\'s'", "it's"],
      ["'\\{\\}'", '{}'],
      ["'a\\\\b'", 'a\\b'],
      ["''", ''],
      ['\'{"k": 1}\'', '{"k": 1}'],
      ["'line\nbreak'", 'line\nbreak'],
    ])('decodes %s', (literal, value) => {
      const [token] = tokenize(literal);
      expect(token).toMatchObject({ kind: 'string', value });
    });

    it('keeps the escapes in raw, for States.Format', () => {
      expect(tokenize("'\\{\\} {}'")[0]).toMatchObject({ raw: '\\{\\} {}', value: '{} {}' });
    });

    it('rejects a dangling backslash', () => {
      expect(syntaxError("'abc\\").reason).toMatch(/dangling escape/);
    });

    it('rejects an escape of another character, with its position', () => {
      const error = syntaxError("'ab\\nc'");
      expect(error.reason).toMatch(/invalid escape "\\n"/);
      expect(error.pos).toBe(3);
    });

    it('rejects an unterminated literal at its opening quote', () => {
      expect(syntaxError("x, 'abc").pos).toBe(3);
    });
  });

  describe('numbers', () => {
    it.each([
      ['0', 0],
      ['42', 42],
      ['-7', -7],
      ['3.25', 3.25],
      ['-0.5', -0.5],
      ['1e3', 1000],
      ['2.5E-1', 0.25],
    ])('reads %s', (text, value) => {
      expect(tokenize(text)[0]).toMatchObject({ kind: 'number', value });
    });

    it.each(['1.', '.5', '01', '1x', '--1', '-'])('rejects %s', (text) => {
      expect(() => tokenize(text)).toThrow(IntrinsicSyntaxError);
    });
  });

  describe('paths', () => {
    it.each([
      ['$', '$'],
      ['$$.Execution.Input', '$$.Execution.Input'],
      ["$['a,b']", "$['a,b']"],
      ['$["x)y"].z', '$["x)y"].z'],
      ['$.a[0,1]', '$.a[0,1]'],
      ['$.items[?(@.price < 10)]', '$.items[?(@.price < 10)]'],
      ["$['it\\'s']", "$['it\\'s']"],
    ])('scans %s to its end', (path, text) => {
      const tokens = tokenize(`${path}, 1)`);
      expect(tokens[0]).toEqual({ kind: 'path', text, pos: 0 });
      expect(tokens[1].kind).toBe(',');
    });

    it('ends a path at whitespace or ")" outside brackets', () => {
      expect(tokenize('$.a )')[0]).toMatchObject({ text: '$.a' });
      expect(tokenize('$.a)')[0]).toMatchObject({ text: '$.a' });
    });

    it('rejects an unclosed bracket', () => {
      expect(syntaxError('$.a[0').reason).toMatch(/unterminated path/);
    });

    it('rejects an unclosed quote inside brackets', () => {
      expect(syntaxError("$['a").reason).toMatch(/unterminated quoted name/);
    });
  });

  it('rejects an unexpected character with its position', () => {
    const error = syntaxError('States.Array(1 # 2)');
    expect(error.pos).toBe(15);
    expect(error.message).toBe('unexpected character "#" at position 15');
  });
});
