import { describe, expect, it } from 'vitest';
import { StatesError } from '../../../../src/asl/errors.js';
import type { Json } from '../../../../src/asl/json.js';
import { compileResultPath } from '../../../../src/asl/jsonpath/compile-result-path.js';
import type { ResultPath } from '../../../../src/asl/jsonpath/path.js';

function resultPath(text: string): ResultPath {
  const compiled = compileResultPath(text);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.value;
}

function failureOf(apply: () => Json): StatesError {
  try {
    apply();
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error('expected a StatesError');
}

// "Specifying state output using ResultPath in Step Functions" (AWS Developer Guide).
const docInput = { comment: 'This is a test', details: 'Default example', who: 'Step Functions' };
const docResult = 'Hello, Step Functions!';

describe('ResultPath: the AWS documentation examples', () => {
  it('"$" replaces the whole input with the result', () => {
    expect(resultPath('$').apply(docInput, docResult)).toBe(docResult);
  });

  it('"$.taskresult" adds the result to the input', () => {
    expect(resultPath('$.taskresult').apply(docInput, docResult)).toEqual({
      comment: 'This is a test',
      details: 'Default example',
      who: 'Step Functions',
      taskresult: 'Hello, Step Functions!',
    });
  });

  it('"$.strings.lambdaresult" updates a node of the input', () => {
    const input = {
      comment: 'An input comment.',
      strings: { string1: 'foo', string2: 'bar', string3: 'baz' },
      who: 'AWS Step Functions',
    };
    expect(resultPath('$.strings.lambdaresult').apply(input, docResult)).toEqual({
      comment: 'An input comment.',
      strings: { string1: 'foo', string2: 'bar', string3: 'baz', lambdaresult: 'Hello, Step Functions!' },
      who: 'AWS Step Functions',
    });
  });

  it('"$.data.lambdaresult" nests the result under an existing node (InputPath/ResultPath/OutputPath example)', () => {
    const input = { comment: 'An input comment.', data: { val1: 23, val2: 17 }, extra: 'foo' };
    expect(resultPath('$.data.lambdaresult').apply(input, 'Hello, AWS Step Functions!')).toEqual({
      comment: 'An input comment.',
      data: { val1: 23, val2: 17, lambdaresult: 'Hello, AWS Step Functions!' },
      extra: 'foo',
    });
  });

  it('"$.error" keeps the input and adds a caught error object (Catch with ResultPath)', () => {
    const error = { Error: 'CustomError', Cause: 'This is a custom error!' };
    expect(resultPath('$.error').apply({ foo: 'bar' }, error)).toEqual({ foo: 'bar', error });
  });
});

describe('ResultPath: placing the result', () => {
  it('overwrites an existing field, whatever its type', () => {
    expect(resultPath('$.a').apply({ a: { deep: [1, 2] }, b: 1 }, 7)).toEqual({ a: 7, b: 1 });
  });

  it('keeps the position of an overwritten field and appends a new one', () => {
    const out = resultPath('$.b').apply({ a: 1, b: 2, c: 3 }, 9);
    expect(Object.keys(out as object)).toEqual(['a', 'b', 'c']);
    const added = resultPath('$.z').apply({ a: 1 }, 9);
    expect(Object.keys(added as object)).toEqual(['a', 'z']);
  });

  it('creates missing intermediate objects', () => {
    expect(resultPath('$.x.y.z').apply({ a: 1 }, 'r')).toEqual({ a: 1, x: { y: { z: 'r' } } });
    expect(resultPath('$.a.y').apply({ a: { k: 1 } }, 'r')).toEqual({ a: { k: 1, y: 'r' } });
  });

  it('accepts bracket notation for names that dot notation cannot spell', () => {
    expect(resultPath("$['a b']['c.d']").apply({}, 1)).toEqual({ 'a b': { 'c.d': 1 } });
    expect(resultPath('$["x"]').apply({ y: 0 }, 1)).toEqual({ y: 0, x: 1 });
  });

  it('replaces an existing array element addressed by index', () => {
    expect(resultPath('$.list[1]').apply({ list: ['a', 'b', 'c'] }, 'B')).toEqual({ list: ['a', 'B', 'c'] });
    expect(resultPath('$.list[0].name').apply({ list: [{ id: 1 }] }, 'n')).toEqual({
      list: [{ id: 1, name: 'n' }],
    });
    expect(resultPath('$[2]').apply([0, 1, 2], 'x')).toEqual([0, 1, 'x']);
  });

  it('places null, false, 0 and empty values as results', () => {
    expect(resultPath('$.r').apply({}, null)).toEqual({ r: null });
    expect(resultPath('$.r').apply({}, false)).toEqual({ r: false });
    expect(resultPath('$.r').apply({}, 0)).toEqual({ r: 0 });
    expect(resultPath('$.r').apply({}, {})).toEqual({ r: {} });
  });

  it('"$" places the result even when the input is not an object', () => {
    expect(resultPath('$').apply('a string', { r: 1 })).toEqual({ r: 1 });
  });
});

describe('ResultPath: States.ResultPathMatchFailure', () => {
  it.each<[string, string, Json]>([
    ['the input is a string', '$.a', 'a string'],
    ['the input is a number', '$.a', 42],
    ['the input is null', '$.a', null],
    ['the input is an array and the segment a name', '$.a', [1, 2]],
    ['an intermediate field is a string', '$.a.b', { a: 'text' }],
    ['an intermediate field is null', '$.a.b', { a: null }],
    ['an intermediate field is an array', '$.a.b', { a: [1] }],
    ['an index addresses an object', '$.a[0]', { a: { x: 1 } }],
    ['an index is past the end of the array', '$.a[3]', { a: [1, 2, 3] }],
    ['an index addresses a missing field', '$.a[0]', {}],
  ])('fails when %s', (_why, text, input) => {
    const failure = failureOf(() => resultPath(text).apply(input, 'result'));
    expect(failure.error).toBe('States.ResultPathMatchFailure');
    expect(failure.cause).toContain(text);
    expect(failure.cause).toContain(JSON.stringify(input));
  });
});

describe('ResultPath: immutability and sharing', () => {
  it('never changes the input and shares the subtrees it does not touch', () => {
    const untouched = { big: [1, 2, 3] };
    const sibling = { s: 1 };
    const input = { keep: untouched, a: { b: { old: true }, sibling } };
    const before = structuredClone(input);
    const out = resultPath('$.a.b.new').apply(input, 'r') as typeof input & { a: { b: { new: string } } };
    expect(input).toEqual(before);
    expect(out.keep).toBe(untouched);
    expect(out.a.sibling).toBe(sibling);
    expect(out).not.toBe(input);
    expect(out.a).not.toBe(input.a);
    expect(out.a.b).toEqual({ old: true, new: 'r' });
  });

  it('copies an array it writes into and leaves the original as it was', () => {
    const list = [{ id: 1 }, { id: 2 }];
    const out = resultPath('$.list[0]').apply({ list }, 'x') as { list: Json[] };
    expect(list).toEqual([{ id: 1 }, { id: 2 }]);
    expect(out.list[1]).toBe(list[1]);
  });
});

describe('ResultPath: user keys are plain keys', () => {
  it('writes "__proto__" as an own data property without touching any prototype', () => {
    const out = resultPath("$['__proto__']").apply({ a: 1 }, { polluted: true }) as Record<string, Json>;
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"a":1,"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('writes below "__proto__" and "constructor" in dot notation as plain keys', () => {
    const out = resultPath('$.__proto__.x').apply({}, 1);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"x":1}}');
    const viaConstructor = resultPath('$.constructor.prototype.y').apply({}, 2);
    expect(JSON.stringify(viaConstructor)).toBe('{"constructor":{"prototype":{"y":2}}}');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(({} as Record<string, unknown>).y).toBeUndefined();
  });

  it('copies an existing own "__proto__" key of the input', () => {
    const input = JSON.parse('{"__proto__":{"k":1},"a":1}') as Json;
    const out = resultPath('$.b').apply(input, 2);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"k":1},"a":1,"b":2}');
  });
});

describe('ResultPath: compiling', () => {
  it('keeps the text as written', () => {
    expect(resultPath('$.a.b').text).toBe('$.a.b');
  });

  it.each([
    ['not a path', 'a.b'],
    ['empty', ''],
    ['the context object', '$$.Execution.Id'],
    ['a wildcard', '$.a[*]'],
    ['a descendant operator', '$..a'],
    ['a filter', '$.a[?(@.b == 1)]'],
    ['a slice', '$.a[0:2]'],
    ['a union', '$.a[0,1]'],
    ['a trailing dot', '$.a.'],
  ])('rejects %s', (_why, text) => {
    const compiled = compileResultPath(text);
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.message).toContain(text);
  });
});
