import fc from 'fast-check';
import type { Json, JsonObject } from '../../../../src/asl/json.js';

/** Keys that break naive code: prototype members and the `__proto__` accessor among them. */
export const dangerousKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
);

/** Object keys, often dangerous; never containing a quote so that `['key']` can spell them. */
export const jsonKey = fc.oneof(
  dangerousKey,
  fc.constantFrom('a', 'b', 'c'),
  fc.string({ maxLength: 6 }).filter((key) => !key.includes("'")),
);

/** Builds an object whose keys are all own data properties, `__proto__` included. */
export function objectOf(entries: readonly (readonly [string, Json])[]): JsonObject {
  return Object.fromEntries(entries) as JsonObject;
}

const scalar: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 8 }),
);

/** Arbitrary JSON whose objects often carry dangerous keys. */
export const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(jsonKey, tie('value')), { maxLength: 5 }).map(objectOf),
  ),
})).value;

/** Freezes a value and everything inside it, so that any write throws in strict mode. */
export function deepFreeze<T extends Json>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Own property names of Object.prototype, to check that nothing was added to it. */
export function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}
