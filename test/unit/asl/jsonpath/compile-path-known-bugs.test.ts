/**
 * Behaviours of src/asl/jsonpath/compile-path.ts (owned by the lead) that differ from AWS.
 * Each test states the AWS behaviour and is marked `it.fails` so the suite stays green while
 * the bug stands: once compile-path.ts is fixed the test starts passing, `it.fails` reports
 * that as a failure, and the marker should be removed.
 */
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../../src/asl/json.js';
import { compilePath } from '../../../../src/asl/jsonpath/compile-path.js';
import { scopeOf } from './scope.js';

function full(text: string, input: Json): Json | undefined {
  const compiled = compilePath(text);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.value.read(scopeOf(input));
}

describe('compilePath: known differences from AWS (Jayway JsonPath semantics)', () => {
  // Jayway evaluates a filter on a missing field as false and skips the item; jsonpath-plus's
  // safe evaluator throws a plain Error, which the engine would take for an infrastructure fault.
  it('a filter over items that lack a nested field skips them instead of throwing', () => {
    const input: Json = { a: [{ x: { y: 1 } }, { z: 1 }] };
    expect(full('$.a[?(@.x.y == 1)]', input)).toEqual([{ x: { y: 1 } }]);
  });

  // Filters must see only the data's own fields: `toString` is not a field of {"x": 1}, and
  // `@.__proto__` currently throws a plain Error out of read().
  it.fails('a filter on a prototype member selects nothing and does not throw', () => {
    expect(full('$.a[?(@.toString)]', { a: [{ x: 1 }] })).toEqual([]);
    expect(full('$.a[?(@.__proto__)]', { a: [{ x: 1 }] })).toEqual([]);
  });

  // Jayway: "$..book[-2]" is "the second to last book"; a single negative index selects one node.
  it.fails('a negative index selects from the end of the array', () => {
    expect(full('$.a[-1]', { a: [1, 2, 3] })).toBe(3);
  });

  // checkSyntax counts brackets, parentheses and dots inside string literals of a filter.
  it('a filter whose string literal holds ")", "]" or "..." compiles', () => {
    expect(full("$.a[?(@.n == 'a)b')]", { a: [{ n: 'a)b' }, { n: 'c' }] })).toEqual([{ n: 'a)b' }]);
    expect(full("$.a[?(@.n == ']')]", { a: [{ n: ']' }] })).toEqual([{ n: ']' }]);
    expect(full("$.a[?(@.n == '...')]", { a: [{ n: '...' }] })).toEqual([{ n: '...' }]);
  });

  // An unterminated quoted name is a syntax error, not a path to a field named "a]".
  it('an unterminated quoted name is rejected', () => {
    expect(compilePath("$['a]").ok).toBe(false);
  });
});
