import { getOwn, isJsonObject, type Json, type JsonObject } from '../../../asl/json.js';
import { inNumericRange } from './numeric-range.js';
import type { Alternative, EventPattern, FieldRule, Leaf } from './pattern-types.js';
import { matchesWildcard } from './wildcard.js';

const ABSENT: JsonObject = {};

/** Whether `event` (an EventBridge envelope, or any JSON object) matches `pattern`. */
export function matchesEventPattern(pattern: EventPattern, event: JsonObject): boolean {
  return (
    pattern.fields.every((field) => matchesField(field, getOwn(event, field.key))) &&
    pattern.anyOf.every((group) => group.some((alternative) => matchesEventPattern(alternative, event)))
  );
}

function matchesField(field: FieldRule, value: Json | undefined): boolean {
  if (field.type === 'nested') {
    // An array of objects matches if one element matches the whole nested pattern; a
    // missing or leaf value is an object without fields, so that `exists: false` holds.
    const objects = objectsIn(value);
    return (objects.length > 0 ? objects : [ABSENT]).some((object) =>
      matchesEventPattern(field.pattern, object),
    );
  }
  const leaves = leavesIn(value);
  return field.alternatives.some((alternative) =>
    alternative.type === 'exists'
      ? leaves.length > 0 === alternative.value
      : leaves.some((leaf) => matchesLeaf(alternative, leaf)),
  );
}

/** Every alternative but `exists`, applied to one leaf value of the event. */
function matchesLeaf(alternative: Exclude<Alternative, { type: 'exists' }>, value: Leaf): boolean {
  switch (alternative.type) {
    case 'literal':
      return value === alternative.value;
    case 'prefix':
    case 'suffix': {
      if (typeof value !== 'string') return false;
      const [text, affix] = alternative.ignoreCase
        ? [foldCase(value), foldCase(alternative.value)]
        : [value, alternative.value];
      return alternative.type === 'prefix' ? text.startsWith(affix) : text.endsWith(affix);
    }
    case 'equals-ignore-case':
      return typeof value === 'string' && foldCase(value) === foldCase(alternative.value);
    case 'wildcard':
      return typeof value === 'string' && matchesWildcard(alternative.wildcard, value);
    case 'numeric':
      return typeof value === 'number' && inNumericRange(alternative.range, value);
    case 'anything-but':
      return !alternative.excluded.some(
        (excluded) => excluded.type !== 'exists' && matchesLeaf(excluded, value),
      );
  }
}

/** The leaf values at a field: the value itself, or the leaves of an array (at any depth). */
function leavesIn(value: Json | undefined): Leaf[] {
  if (value === undefined || isJsonObject(value)) return [];
  if (!Array.isArray(value)) return [value];
  return value.flatMap((element) => leavesIn(element));
}

function objectsIn(value: Json | undefined): JsonObject[] {
  if (isJsonObject(value)) return [value];
  if (!Array.isArray(value)) return [];
  return value.flatMap((element) => objectsIn(element));
}

function foldCase(text: string): string {
  return text.toLowerCase();
}
