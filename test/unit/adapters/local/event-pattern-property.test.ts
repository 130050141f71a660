/**
 * Property: a pattern built from an event's own fields — literals, prefixes, suffixes,
 * wildcards, numeric ranges, exists, anything-but something else, nested objects, elements
 * of arrays, $or with a branch that cannot match — always matches that event.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testEventPattern } from '../../../../src/adapters/local/bus/event-pattern.js';
import { type Json, type JsonObject, isJsonObject, setOwn } from '../../../../src/asl/json.js';
import { seededRandom } from '../../../../src/runtime/memory/seeded-random.js';

type Leaf = string | number | boolean | null;

const key = fc.string({ maxLength: 5 }).filter((k) => k !== '$or');
const leaf: fc.Arbitrary<Leaf> = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const { object: eventArbitrary } = fc.letrec<{ value: Json; array: Json[]; object: JsonObject }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
}));

function leavesOf(value: Json): Leaf[] {
  if (isJsonObject(value)) return [];
  return Array.isArray(value) ? value.flatMap(leavesOf) : [value];
}

function objectsOf(value: Json): JsonObject[] {
  if (isJsonObject(value)) return [value];
  return Array.isArray(value) ? value.flatMap(objectsOf) : [];
}

function escapeWildcard(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('*', '\\*');
}

function alternativeFor(value: Leaf, random: () => number): Json {
  const choice = Math.floor(random() * 6);
  if (choice === 0) return { exists: true };
  if (typeof value === 'string') {
    const cut = Math.floor(random() * (value.length + 1));
    const end = cut + Math.floor(random() * (value.length - cut + 1));
    const forms: Json[] = [
      value,
      { prefix: value.slice(0, cut) },
      { suffix: value.slice(cut) },
      { 'equals-ignore-case': value.replace(/[a-z]/g, (c) => c.toUpperCase()) },
      { wildcard: `${escapeWildcard(value.slice(0, cut))}*${escapeWildcard(value.slice(end))}` },
      { 'anything-but': `${value}~` },
    ];
    return forms[choice];
  }
  if (typeof value === 'number') {
    const forms: Json[] = [
      value,
      { numeric: ['=', value] },
      { numeric: ['>=', value] },
      { numeric: ['<=', value] },
      { 'anything-but': 'a string, never a number' },
      { 'anything-but': [String(value)] },
    ];
    return forms[choice];
  }
  return value;
}

function fieldPattern(value: Json, random: () => number): Json | undefined {
  const leaves = leavesOf(value);
  const objects = objectsOf(value);
  if (objects.length > 0 && (leaves.length === 0 || random() < 0.5)) {
    const nested = patternFor(objects[Math.floor(random() * objects.length)], random);
    return Object.keys(nested).length > 0 ? nested : undefined;
  }
  if (leaves.length === 0) return undefined;
  const decoy: Json = { prefix: '\u0000never' };
  return [decoy, alternativeFor(leaves[Math.floor(random() * leaves.length)], random)];
}

function patternFor(object: JsonObject, random: () => number): JsonObject {
  const pattern: JsonObject = {};
  for (const [name, value] of Object.entries(object)) {
    if (random() < 0.3) continue;
    const field = fieldPattern(value, random);
    if (field === undefined) continue;
    if (random() < 0.2 && !Object.hasOwn(pattern, '$or')) {
      // One branch can never match: the field is present, so `exists: false` fails.
      const branch: JsonObject = {};
      const never: JsonObject = {};
      setOwn(branch, name, field);
      setOwn(never, name, [{ exists: false }]);
      pattern.$or = [never, branch];
    } else setOwn(pattern, name, field);
  }
  return pattern;
}

describe('patterns built from an event match it', () => {
  it('holds for random events and random patterns', () => {
    fc.assert(
      fc.property(eventArbitrary, fc.integer(), (event, seed) => {
        const pattern = patternFor(event, seededRandom(seed));
        expect(testEventPattern(pattern, event)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
