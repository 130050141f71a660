import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StatesError } from '../../../../src/asl/errors.js';
import type { Json } from '../../../../src/asl/json.js';
import { compileReferencePath } from '../../../../src/asl/jsonpath/compile-path.js';
import { compileResultPath } from '../../../../src/asl/jsonpath/compile-result-path.js';
import type { Segment } from '../../../../src/asl/jsonpath/reference-path-syntax.js';
import { deepFreeze, json, jsonKey, prototypeSnapshot } from './json-arbitraries.js';
import { scopeOf } from './scope.js';

const segment: fc.Arbitrary<Segment> = fc.oneof(jsonKey, fc.nat({ max: 3 }));
const segments = fc.array(segment, { minLength: 1, maxLength: 4 });

function pathText(parts: readonly Segment[]): string {
  return `$${parts.map((part) => (typeof part === 'number' ? `[${part}]` : `['${part}']`)).join('')}`;
}

/** Applies the ResultPath; a ResultPathMatchFailure is a legitimate outcome, reported as undefined. */
function tryApply(text: string, input: Json, result: Json): Json | undefined {
  const compiled = compileResultPath(text);
  if (!compiled.ok) throw new Error(compiled.message);
  try {
    return compiled.value.apply(input, result);
  } catch (error) {
    if (error instanceof StatesError && error.error === 'States.ResultPathMatchFailure') return undefined;
    throw error;
  }
}

describe('ResultPath properties', () => {
  it('never mutates its (deep-frozen) input and never touches Object.prototype', () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(json, segments, json, (input, parts, result) => {
        const serialized = JSON.stringify(input);
        tryApply(pathText(parts), deepFreeze(input), result);
        expect(JSON.stringify(input)).toBe(serialized);
      }),
    );
    expect(prototypeSnapshot()).toEqual(before);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('puts the result where the same Reference Path reads it back', () => {
    fc.assert(
      fc.property(json, segments, json, (input, parts, result) => {
        const output = tryApply(pathText(parts), input, result);
        if (output === undefined) return;
        const read = compileReferencePath(pathText(parts));
        expect(read.ok && read.value.read(scopeOf(output))).toBe(result);
      }),
    );
  });

  it('always succeeds on an object when every segment is a name and the path is free', () => {
    fc.assert(
      fc.property(fc.array(jsonKey, { minLength: 1, maxLength: 4 }), json, (names, result) => {
        const output = tryApply(pathText(names), {}, result);
        expect(output).not.toBeUndefined();
        expect(JSON.stringify(output)).toBe(
          names.reduceRight<string>(
            (inner, name) => `{${JSON.stringify(name)}:${inner}}`,
            JSON.stringify(result),
          ),
        );
      }),
    );
  });

  it('shares every top-level field it does not write', () => {
    fc.assert(
      fc.property(json, segments, json, (input, parts, result) => {
        const output = tryApply(pathText(parts), input, result);
        if (output === undefined || typeof input !== 'object' || input === null) return;
        const touched = parts[0];
        for (const [key, value] of Object.entries(input)) {
          if (String(touched) === key) continue;
          expect((output as Record<string, Json>)[key]).toBe(value);
        }
      }),
    );
  });
});
