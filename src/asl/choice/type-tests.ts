/**
 * The Choice type tests. Each takes `true` or `false` in the definition; `false` negates.
 * IsPresent is the only operator that tolerates a Variable that selects nothing.
 */
import type { Json } from '../json.js';
import { parseInstant } from '../timestamp.js';

/** Whether the value (undefined: the Variable selected nothing) has the property. */
export type TypeTest = (value: Json | undefined) => boolean;

export const TYPE_TESTS: ReadonlyMap<string, TypeTest> = new Map<string, TypeTest>([
  ['IsPresent', (value) => value !== undefined],
  ['IsNull', (value) => value === null],
  ['IsNumeric', (value) => typeof value === 'number'],
  ['IsString', (value) => typeof value === 'string'],
  ['IsBoolean', (value) => typeof value === 'boolean'],
  ['IsTimestamp', (value) => parseInstant(value) !== undefined],
]);
