/** Expected values: the AWS documentation examples for the JSON manipulation intrinsics. */
import { describe, expect, it } from 'vitest';
import { evaluate, failure } from './evaluate.js';

function expectInvalid(text: string, input: object, name: string): void {
  const error = failure(text, input as never);
  expect(error.error).toBe('States.IntrinsicFailure');
  expect(error.cause).toContain(`Invalid arguments in ${name}`);
}

describe('States.StringToJson', () => {
  it('parses an escaped JSON string (AWS example)', () => {
    expect(
      evaluate('States.StringToJson($.escapedJsonString)', { escapedJsonString: '{"foo": "bar"}' }),
    ).toEqual({
      foo: 'bar',
    });
  });

  it('parses a literal with unescaped braces and scalars', () => {
    expect(evaluate('States.StringToJson(\'{"number": 20}\')')).toEqual({ number: 20 });
    expect(evaluate("States.StringToJson('[1, null]')")).toEqual([1, null]);
    expect(evaluate('States.StringToJson(\'"x"\')')).toBe('x');
  });

  it('keeps a __proto__ key as a plain key', () => {
    const value = evaluate('States.StringToJson(\'{"__proto__": {"polluted": 1}}\')') as object;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects text that is not JSON, and a non-string', () => {
    expectInvalid("States.StringToJson('{nope')", {}, 'States.StringToJson');
    expectInvalid('States.StringToJson($.n)', { n: 1 }, 'States.StringToJson');
  });
});

describe('States.JsonToString', () => {
  it('serialises compactly (AWS example)', () => {
    expect(evaluate('States.JsonToString($.unescapedJson)', { unescapedJson: { foo: 'bar' } })).toBe(
      '{"foo":"bar"}',
    );
  });

  it('serialises arrays and scalars', () => {
    const probe = [null, '', ' ', 0, 1, true, false, [0, 1, false]];
    expect(evaluate('States.JsonToString($.probe)', { probe })).toBe(
      '[null,""," ",0,1,true,false,[0,1,false]]',
    );
    expect(evaluate('States.JsonToString($.s)', { s: 'x' })).toBe('"x"');
  });
});

describe('States.JsonMerge', () => {
  const json1 = { a: { a1: 1, a2: 2 }, b: 2 };
  const json2 = { a: { a3: 1, a4: 2 }, c: 3 };

  it('merges shallowly, the second object winning (AWS example)', () => {
    expect(evaluate('States.JsonMerge($.json1, $.json2, false)', { json1, json2 })).toEqual({
      a: { a3: 1, a4: 2 },
      b: 2,
      c: 3,
    });
  });

  it('rejects deep merging', () => {
    expectInvalid('States.JsonMerge($.json1, $.json2, true)', { json1, json2 }, 'States.JsonMerge');
  });

  it('rejects non-objects', () => {
    expectInvalid('States.JsonMerge($.list, $.json2, false)', { list: [1], json2 }, 'States.JsonMerge');
    expectInvalid("States.JsonMerge($.json1, $.json2, 'false')", { json1, json2 }, 'States.JsonMerge');
  });

  it('copies __proto__ as a plain key without touching prototypes', () => {
    const input = JSON.parse('{"x": {"__proto__": {"polluted": true}}, "y": {"k": 1}}');
    const merged = evaluate('States.JsonMerge($.x, $.y, false)', input) as Record<string, unknown>;
    expect(Object.hasOwn(merged, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(JSON.stringify(merged)).toBe('{"__proto__":{"polluted":true},"k":1}');
  });
});
