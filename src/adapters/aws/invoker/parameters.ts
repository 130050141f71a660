/** Reading a task's evaluated Parameters, and the shapes its results share. */
import { type Json, type JsonObject, getOwn, isJsonObject } from '../../../asl/json.js';
import type { TaskResult } from '../../../runtime/ports.js';

export const field = (parameters: Json, key: string): Json | undefined =>
  isJsonObject(parameters) ? getOwn(parameters, key) : undefined;

/** A string parameter, or undefined when absent or of another type. */
export function stringField(parameters: Json, key: string): string | undefined {
  const value = field(parameters, key);
  return typeof value === 'string' ? value : undefined;
}

export function numberField(parameters: Json, key: string): number | undefined {
  const value = field(parameters, key);
  return typeof value === 'number' ? value : undefined;
}

/** Message bodies and details: a string goes as it is, any other JSON value as its text. */
export const jsonText = (value: Json): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** Step Functions' answer to a missing or mistyped parameter. */
export function invalidParameter(service: string, name: string, expected: string): TaskResult {
  return {
    ok: false,
    error: `${service}.ValidationException`,
    cause: `The parameter ${name} must be ${expected}.`,
  };
}

/** Plain JSON of an SDK output, `$metadata` dropped and undefined members left out. */
export function outputJson(output: object): JsonObject {
  const { $metadata: _metadata, ...rest } = output as { $metadata?: unknown };
  return JSON.parse(JSON.stringify(rest, binaryAsBase64)) as JsonObject;
}

function binaryAsBase64(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
}
