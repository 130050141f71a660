/** Property tests: laws that hold for every input, checked on generated data. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileIntrinsic } from '../../../../src/asl/intrinsics/compile-intrinsic.js';
import type { Json } from '../../../../src/asl/json.js';
import { evaluate } from './evaluate.js';

const json = fc.jsonValue() as fc.Arbitrary<Json>;
const wellFormedText = fc.string({ unit: 'grapheme', maxLength: 200 });

/** Writes `text` as an intrinsic string literal, escaping the reserved characters. */
function literal(text: string): string {
  return `'${text.replace(/[\\'{}]/g, (ch) => `\\${ch}`)}'`;
}

describe('compileIntrinsic on arbitrary text', () => {
  it('returns a result and never throws', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = compileIntrinsic(text);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('never throws on token soup either', () => {
    const piece = fc.constantFrom(
      'States.Array',
      'States.Format',
      'States.MathAdd',
      '(',
      ')',
      ',',
      ' ',
      "'",
      '\\',
      '{}',
      '$',
      '$$',
      '.a',
      '[',
      ']',
      '1',
      '-',
      '.5',
      'true',
      'null',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const result = compileIntrinsic(pieces.join(''));
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});

describe('string literals', () => {
  it('read back any text written with the documented escapes', () => {
    fc.assert(
      fc.property(wellFormedText, (text) => {
        expect(evaluate(`States.Array(${literal(text)})`)).toEqual([text]);
      }),
    );
  });

  it('keep escaped braces out of States.Format placeholders', () => {
    fc.assert(
      fc.property(wellFormedText, (text) => {
        expect(evaluate(`States.Format(${literal(text)})`)).toBe(text);
      }),
    );
  });
});

describe('round trips', () => {
  it('States.StringToJson(States.JsonToString(v)) gives v back', () => {
    fc.assert(
      fc.property(json, (v) => {
        const back = evaluate('States.StringToJson(States.JsonToString($.v))', { v });
        expect(JSON.stringify(back)).toBe(JSON.stringify(v));
      }),
    );
  });

  it('States.Base64Decode(States.Base64Encode(s)) gives s back', () => {
    fc.assert(
      fc.property(wellFormedText, (s) => {
        expect(evaluate('States.Base64Decode(States.Base64Encode($.s))', { s })).toBe(s);
      }),
    );
  });
});

describe('States.ArrayPartition', () => {
  it('chunks flatten to the original array, all full but the last', () => {
    fc.assert(
      fc.property(fc.array(json, { maxLength: 40 }), fc.integer({ min: 1, max: 12 }), (items, size) => {
        const chunks = evaluate('States.ArrayPartition($.items, $.size)', { items, size }) as Json[][];
        expect(chunks.flat()).toEqual(items);
        for (const chunk of chunks.slice(0, -1)) expect(chunk).toHaveLength(size);
        if (chunks.length > 0) expect(chunks[chunks.length - 1].length).toBeGreaterThan(0);
        expect(chunks.length).toBe(Math.ceil(items.length / size));
      }),
    );
  });
});

describe('States.ArrayRange', () => {
  it('steps from start towards end without passing it', () => {
    const bound = fc.integer({ min: -500, max: 500 });
    const step = fc.integer({ min: -50, max: 50 }).filter((n) => n !== 0);
    fc.assert(
      fc.property(bound, bound, step, (start, end, by) => {
        const range = evaluate(`States.ArrayRange(${start}, ${end}, ${by})`) as number[];
        for (const [i, n] of range.entries()) {
          expect(n).toBe(start + i * by);
          expect(by > 0 ? n <= end : n >= end).toBe(true);
        }
        const next = start + range.length * by;
        expect(by > 0 ? next > end : next < end).toBe(true);
      }),
    );
  });
});

describe('States.StringSplit', () => {
  it('gives non-empty pieces without delimiters that rebuild the text minus delimiters', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ',', ';', 'é'), maxLength: 40 });
    fc.assert(
      fc.property(text, (s) => {
        const pieces = evaluate("States.StringSplit($.s, ',;')", { s }) as string[];
        for (const piece of pieces) expect(piece).toMatch(/^[^,;]+$/);
        expect(pieces.join('')).toBe(s.replace(/[,;]/g, ''));
      }),
    );
  });
});

describe('States.ArrayUnique', () => {
  it('is idempotent and keeps every distinct item', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<Json>(1, 2, 'a', null, [1], { k: 1 }), { maxLength: 20 }),
        (items) => {
          const once = evaluate('States.ArrayUnique($.items)', { items }) as Json[];
          expect(evaluate('States.ArrayUnique($.once)', { once })).toEqual(once);
          for (const item of items) expect(once).toContainEqual(item);
        },
      ),
    );
  });
});
