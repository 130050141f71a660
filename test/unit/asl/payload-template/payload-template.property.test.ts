import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../../src/asl/json.js';
import { compilePayloadTemplate } from '../../../../src/asl/payload-template.js';
import { Problems } from '../../../../src/asl/problems.js';
import { deepFreeze, json, jsonKey, objectOf, prototypeSnapshot } from '../jsonpath/json-arbitraries.js';
import { scopeOf } from '../jsonpath/scope.js';

/** True when no object key in `value` ends in ".$", so the whole value is literal. */
function isLiteral(value: Json): boolean {
  if (Array.isArray(value)) return value.every(isLiteral);
  if (typeof value !== 'object' || value === null) return true;
  return Object.entries(value).every(([key, child]) => !key.endsWith('.$') && isLiteral(child));
}

describe('payload template properties', () => {
  it('a template without ".$" keys evaluates to itself, prototype-named keys included', () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(json.filter(isLiteral), json, (raw, input) => {
        const problems = new Problems();
        const compiled = compilePayloadTemplate(raw, '/T', problems);
        expect(problems.list).toEqual([]);
        const out = compiled?.evaluate(scopeOf(deepFreeze(input)));
        expect(JSON.stringify(out)).toBe(JSON.stringify(raw));
      }),
    );
    expect(prototypeSnapshot()).toEqual(before);
  });

  it('a bound key of any name selects the matching own field of a frozen input', () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(jsonKey, json), { selector: ([key]) => key }), (entries) => {
        const raw = objectOf(entries.map(([key]) => [`${key}.$`, `$['${key}']`]));
        const input = deepFreeze(objectOf(entries));
        const compiled = compilePayloadTemplate(raw, '/T', new Problems());
        const out = compiled?.evaluate(scopeOf(input)) as Record<string, Json>;
        expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
        expect(Object.keys(out)).toEqual(Object.keys(input));
        for (const [key, value] of entries)
          expect(Object.getOwnPropertyDescriptor(out, key)?.value).toBe(value);
      }),
    );
    expect(prototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
