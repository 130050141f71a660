/**
 * Checks that a value handed to `parseDefinition` is plain JSON before anything reads it:
 * finite numbers, plain objects and dense arrays, no cycles, bounded depth. The readers after
 * it recurse through nested machines and templates, so the depth bound keeps them off the
 * end of the stack whatever the input.
 */
import { pointer } from '../problems.js';

/** Far deeper than any real definition (each nested machine adds at least four levels). */
export const MAX_DEPTH = 512;

export interface NotJson {
  path: string;
  message: string;
}

export function findNonJson(value: unknown): NotJson | undefined {
  return visit(value, '', 0, new Set(), new WeakSet());
}

function visit(
  value: unknown,
  at: string,
  depth: number,
  ancestors: Set<object>,
  verified: WeakSet<object>,
): NotJson | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : { path: at, message: `${value} is not a JSON number` };
  }
  if (typeof value !== 'object') return { path: at, message: `A ${typeof value} is not a JSON value` };
  if (verified.has(value)) return undefined;
  if (ancestors.has(value))
    return { path: at, message: 'The value contains itself (a cycle): it is not JSON' };
  if (depth >= MAX_DEPTH)
    return { path: at, message: `The definition is nested deeper than ${MAX_DEPTH} levels` };
  const kind = Array.isArray(value) ? 'array' : isPlainObject(value) ? 'object' : undefined;
  if (kind === undefined) return { path: at, message: 'Only plain objects and arrays are JSON values' };
  ancestors.add(value);
  const found =
    kind === 'array'
      ? visitArray(value as unknown[], at, depth, ancestors, verified)
      : visitObject(value, at, depth, ancestors, verified);
  ancestors.delete(value);
  if (!found) verified.add(value);
  return found;
}

function visitArray(
  array: unknown[],
  at: string,
  depth: number,
  ancestors: Set<object>,
  verified: WeakSet<object>,
): NotJson | undefined {
  for (let index = 0; index < array.length; index++) {
    if (!(index in array))
      return { path: pointer(at, index), message: 'A hole in an array is not a JSON value' };
    const found = visit(array[index], pointer(at, index), depth + 1, ancestors, verified);
    if (found) return found;
  }
  return undefined;
}

function visitObject(
  object: object,
  at: string,
  depth: number,
  ancestors: Set<object>,
  verified: WeakSet<object>,
): NotJson | undefined {
  for (const key of Object.keys(object)) {
    // Read through the descriptor: a getter is not JSON, and calling it could throw.
    const descriptor = Object.getOwnPropertyDescriptor(object, key);
    if (!descriptor || !('value' in descriptor)) {
      return { path: pointer(at, key), message: 'An accessor property is not a JSON value' };
    }
    const found = visit(descriptor.value, pointer(at, key), depth + 1, ancestors, verified);
    if (found) return found;
  }
  return undefined;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
