import { describe, expect, it } from 'vitest';
import type { Json } from '../../../../src/asl/json.js';
import { compilePath, compileReferencePath } from '../../../../src/asl/jsonpath/compile-path.js';
import type { Path } from '../../../../src/asl/jsonpath/path.js';
import { scopeOf } from './scope.js';

function read(
  compile: (text: string) => ReturnType<typeof compilePath>,
  text: string,
  input: Json,
  context?: Json,
) {
  const compiled = compile(text);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.value.read(scopeOf(input, context));
}

const full = (text: string, input: Json, context?: Json) => read(compilePath, text, input, context);
const reference = (text: string, input: Json, context?: Json) =>
  read(compileReferencePath, text, input, context);

// "Reference Paths" (Amazon States Language specification and the AWS "Paths" page).
const specInput = { foo: 123, bar: ['a', 'b', 'c'], car: { cdr: true } };

describe('compileReferencePath: reading one node', () => {
  it.each<[string, Json]>([
    ['$.foo', 123],
    ['$.bar', ['a', 'b', 'c']],
    ['$.car.cdr', true],
    ['$.bar[1]', 'b'],
    ["$['car']['cdr']", true],
    ['$["car"].cdr', true],
  ])('%s selects the node the spec example names', (text, expected) => {
    expect(reference(text, specInput)).toEqual(expected);
  });

  it('"$" is the whole input and "$$" the whole context object', () => {
    expect(reference('$', specInput)).toBe(specInput);
    const context = { Execution: { Id: 'arn:aws:states:us-east-1:123456789012:execution:sm:run' } };
    expect(reference('$$', {}, context)).toBe(context);
  });

  it('"$$." reads the context object, not the input', () => {
    const context = { Execution: { Id: 'exec-id' }, State: { Name: 'Step' } };
    const compiled = compileReferencePath('$$.Execution.Id');
    expect(compiled.ok && compiled.value.readsContext).toBe(true);
    expect(reference('$$.Execution.Id', { Execution: { Id: 'from input' } }, context)).toBe('exec-id');
    expect(reference('$.Execution.Id', { Execution: { Id: 'from input' } }, context)).toBe('from input');
  });

  it('returns undefined when nothing is selected', () => {
    expect(reference('$.missing', specInput)).toBeUndefined();
    expect(reference('$.car.missing.deeper', specInput)).toBeUndefined();
    expect(reference('$.bar[3]', specInput)).toBeUndefined();
    expect(reference('$.foo.x', specInput)).toBeUndefined();
    expect(reference('$.car[0]', specInput)).toBeUndefined();
    expect(reference('$.x', 'a string input')).toBeUndefined();
  });

  it('selects falsy values rather than treating them as missing', () => {
    const input = { n: null, f: false, z: 0, e: '' };
    expect(reference('$.n', input)).toBeNull();
    expect(reference('$.f', input)).toBe(false);
    expect(reference('$.z', input)).toBe(0);
    expect(reference('$.e', input)).toBe('');
  });

  it('reads only own properties: prototype members are not fields of the data', () => {
    expect(reference('$.constructor', {})).toBeUndefined();
    expect(reference('$.toString', { a: 1 })).toBeUndefined();
    expect(reference('$.__proto__', {})).toBeUndefined();
    expect(reference('$.length', [1, 2])).toBeUndefined();
    expect(reference('$.__proto__.x', JSON.parse('{"__proto__":{"x":1}}') as Json)).toBe(1);
  });

  it.each([
    ['a descendant operator', '$..foo'],
    ['a wildcard member', '$.bar.*'],
    ['a wildcard index', '$.bar[*]'],
    ['a filter', '$.bar[?(@ == "a")]'],
    ['a union of indexes', '$.bar[0,1]'],
    ['a union of names', "$['foo','bar']"],
    ['a slice', '$.bar[0:2]'],
    ['a negative index', '$.bar[-1]'],
    ['an "@"', '$.foo@'],
    ['a ":"', '$.foo:bar'],
    ['no leading "$"', 'foo.bar'],
    ['an empty string', ''],
    ['a trailing dot', '$.foo.'],
    ['an unterminated bracket', "$['foo"],
  ])('rejects %s, which a Reference Path may not contain', (_why, text) => {
    const compiled = compileReferencePath(text);
    expect(compiled.ok).toBe(false);
  });
});

// Jayway JsonPath README (the JsonPath implementation the AWS docs link to), bookstore example.
const sayings: Json = {
  category: 'reference',
  author: 'Nigel Rees',
  title: 'Sayings of the Century',
  price: 8.95,
};
const sword: Json = { category: 'fiction', author: 'Evelyn Waugh', title: 'Sword of Honour', price: 12.99 };
const moby: Json = {
  category: 'fiction',
  author: 'Herman Melville',
  title: 'Moby Dick',
  isbn: '0-553-21311-3',
  price: 8.99,
};
const rings: Json = {
  category: 'fiction',
  author: 'J. R. R. Tolkien',
  title: 'The Lord of the Rings',
  isbn: '0-395-19395-8',
  price: 22.99,
};
const books: Json = [sayings, sword, moby, rings];
const bicycle: Json = { color: 'red', price: 19.95 };
const store: Json = { store: { book: books, bicycle }, expensive: 10 };
const authors = ['Nigel Rees', 'Evelyn Waugh', 'Herman Melville', 'J. R. R. Tolkien'];

describe('compilePath: full JSONPath for InputPath and OutputPath', () => {
  it('"$.a[0:2]" selects a list (the AWS InputPath note)', () => {
    expect(full('$.a[0:2]', { a: [1, 2, 3, 4] })).toEqual([1, 2]);
  });

  it('a definite path selects the node itself, not a list', () => {
    expect(full('$.store.bicycle.color', store)).toBe('red');
    expect(full('$.store.book[2]', store)).toEqual(moby);
  });

  it.each<[string, Json]>([
    ['$.store.book[*].author', authors],
    ['$..author', authors],
    ['$..book[2]', [moby]],
    ['$..book[0,1]', [sayings, sword]],
    ['$..book[:2]', [sayings, sword]],
    ['$..book[-2:]', [moby, rings]],
    ['$..book[?(@.isbn)]', [moby, rings]],
    ['$.store.book[?(@.price < 10)]', [sayings, moby]],
    ["$.store.book[?(@.category == 'reference')].title", ['Sayings of the Century']],
    ['$.store.*', [books, bicycle]],
  ])('%s selects what the Jayway README lists', (text, expected) => {
    expect(full(text, store)).toEqual(expected);
  });

  it('"$.store..price" selects every price', () => {
    const prices = full('$.store..price', store) as number[];
    expect([...prices].sort((a, b) => a - b)).toEqual([8.95, 8.99, 12.99, 19.95, 22.99]);
  });

  it('an indefinite path that matches nothing selects an empty list', () => {
    expect(full('$..nothing', store)).toEqual([]);
    expect(full('$.store.book[?(@.price > 100)]', store)).toEqual([]);
  });

  it('"$$" paths run over the context object', () => {
    const context = { Execution: { Input: { items: [{ id: 1 }, { id: 2 }] } } };
    const compiled = compilePath('$$.Execution.Input.items[*].id');
    expect(compiled.ok && compiled.value.readsContext).toBe(true);
    expect(full('$$.Execution.Input.items[*].id', { items: [{ id: 9 }] }, context)).toEqual([1, 2]);
  });

  it('a Reference Path compiles to the direct walk', () => {
    const compiled = compilePath('$.store.bicycle');
    expect(compiled.ok && (compiled.value as Path & { kind?: string }).kind).toBe('reference');
    expect(full('$.store.missing', store)).toBeUndefined();
  });

  it.each([
    ['an empty string', ''],
    ['no leading "$"', 'store.book'],
    ['a trailing dot', '$.store.'],
    ['an unclosed bracket', '$.store.book['],
    ['an unopened bracket', '$.store]'],
    ['an empty bracket', '$.store[]'],
    ['an unclosed filter', '$.store.book[?(@.price < 10]'],
    ['three dots', '$...price'],
  ])('rejects %s with a message naming the path', (_why, text) => {
    const compiled = compilePath(text);
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.message).toContain(`"${text}"`);
  });
});
