/**
 * ResultPath: a Reference Path over the state's raw input that says where the result goes.
 * Applying it copies only the objects and arrays along the path; every other subtree of the
 * input is shared, never mutated (values are immutable).
 */
import { StatesError, StatesErrorName } from '../errors.js';
import { type Json, type JsonObject, getOwn, isJsonObject } from '../json.js';
import { referencePathSegments } from './compile-path.js';
import type { CompileResult, ResultPath } from './path.js';
import { putField } from './put-field.js';
import type { Segment } from './reference-path-syntax.js';

export function compileResultPath(text: string): CompileResult<ResultPath> {
  const parsed = referencePathSegments(text);
  if (!parsed.ok) return parsed;
  const segments = parsed.value;
  if (segments.length === 0) return { ok: true, value: { text, apply: (_input, result) => result } };
  const apply = (input: Json, result: Json): Json => {
    const placed = place(input, segments, 0, result);
    if (placed === undefined) throw matchFailure(text, input);
    return placed;
  };
  return { ok: true, value: { text, apply } };
}

/** A copy of `node` with `result` at `segments[index…]`, or undefined when the path does not fit. */
function place(node: Json, segments: readonly Segment[], index: number, result: Json): Json | undefined {
  const segment = segments[index];
  const last = index === segments.length - 1;
  if (typeof segment === 'number') {
    // An index addresses an existing element; arrays are never extended or padded.
    if (!Array.isArray(node) || segment >= node.length) return undefined;
    const child = last ? result : place(node[segment], segments, index + 1, result);
    if (child === undefined) return undefined;
    const copy = node.slice();
    copy[segment] = child;
    return copy;
  }
  if (!isJsonObject(node)) return undefined;
  // A missing intermediate field is created as an empty object, as the spec asks; an existing
  // one (null included) must fit the rest of the path.
  const existing = last ? undefined : getOwn(node, segment);
  const child = last ? result : place(existing === undefined ? {} : existing, segments, index + 1, result);
  if (child === undefined) return undefined;
  return withField(node, segment, child);
}

/** A shallow copy with `key` set; a plain key loop beats object spread severalfold in V8 here. */
function withField(node: JsonObject, key: string, value: Json): JsonObject {
  const copy: JsonObject = {};
  const keys = Object.keys(node);
  for (let i = 0; i < keys.length; i++) putField(copy, keys[i], node[keys[i]]);
  putField(copy, key, value);
  return copy;
}

function matchFailure(text: string, input: Json): StatesError {
  return new StatesError(
    StatesErrorName.ResultPathMatchFailure,
    `Unable to apply ResultPath '${text}' to input '${JSON.stringify(input)}'`,
  );
}
