/** Field checks shared by retriers and catchers; each reports at the field's pointer. */
import { type Json, type JsonObject, getOwn } from '../json.js';
import { type Problems, pointer } from '../problems.js';

/** Reports UNKNOWN_FIELD for every key of `entry` outside `known`. */
export function reportUnknownFields(
  entry: JsonObject,
  known: ReadonlySet<string>,
  what: string,
  at: string,
  problems: Problems,
): void {
  for (const key of Object.keys(entry)) {
    if (!known.has(key))
      problems.add(pointer(at, key), 'UNKNOWN_FIELD', `${key} is not a field of a ${what}`);
  }
}

/** An integer field within [min, max], `fallback` when absent; undefined (reported) when invalid. */
export function readInteger(
  entry: JsonObject,
  key: string,
  range: { min: number; max: number; fallback?: number },
  at: string,
  problems: Problems,
): number | undefined {
  const value = getOwn(entry, key);
  if (value === undefined) return range.fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max)
    return value;
  problems.add(
    pointer(at, key),
    'SCHEMA_VALIDATION_FAILED',
    `${key} must be an integer from ${range.min} to ${range.max}`,
  );
  return undefined;
}

/** Reports a present field whose value fails `accepts`; true when absent or valid. */
export function checkField(
  entry: JsonObject,
  key: string,
  accepts: (value: Json) => boolean,
  expected: string,
  at: string,
  problems: Problems,
): boolean {
  const value = getOwn(entry, key);
  if (value === undefined || accepts(value)) return true;
  problems.add(pointer(at, key), 'SCHEMA_VALIDATION_FAILED', `${key} must be ${expected}`);
  return false;
}

export const isString = (value: Json): boolean => typeof value === 'string';
