/** JSON values as they travel through a state machine. Values are never mutated once created. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export type JsonObject = { [key: string]: Json };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own-property lookup: user data keys such as `__proto__` or `constructor` are plain keys. */
export function getOwn(object: JsonObject, key: string): Json | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Defines `key` on `object` as a plain data property, even for `__proto__`. */
export function setOwn(object: JsonObject, key: string, value: Json): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Parses JSON text; `__proto__` keys become plain keys (JSON.parse already does so). */
export function parseJson(text: string): Json {
  return JSON.parse(text) as Json;
}
