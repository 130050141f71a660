import { type Json, type JsonObject, setOwn } from '../json.js';

/**
 * Writes `key` on a freshly built object as a plain own data property. Only `__proto__` is an
 * accessor inherited from Object.prototype, so it alone needs defineProperty; every other key
 * takes the fast path (defineProperty costs about ten times an assignment, on the hot path).
 */
export function putField(object: JsonObject, key: string, value: Json): void {
  if (key === '__proto__') setOwn(object, key, value);
  else object[key] = value;
}
