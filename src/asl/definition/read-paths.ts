/**
 * Path and template fields, compiled once at parse time by the path and template compilers;
 * a compile failure becomes a problem at the field's pointer.
 */
import { compilePath, compileReferencePath } from '../jsonpath/compile-path.js';
import { compileResultPath } from '../jsonpath/compile-result-path.js';
import type { CompileResult, Path, ReferencePath, ResultPath } from '../jsonpath/path.js';
import { type PayloadTemplate, compilePayloadTemplate } from '../payload-template.js';
import type { ProblemCode } from '../problems.js';
import type { FieldReader } from './field-reader.js';

function compiled<T>(
  fields: FieldReader,
  key: string,
  result: CompileResult<T>,
  code: ProblemCode,
): T | undefined {
  if (result.ok) return result.value;
  fields.problems.add(fields.pointer(key), code, result.message);
  return undefined;
}

/** InputPath/OutputPath: full JSONPath; `null` is kept as null, absent means `$`. */
export function readFilterPath(fields: FieldReader, key: string): Path | null {
  const value = fields.raw(key);
  if (value === null) return null;
  if (value !== undefined && typeof value !== 'string')
    return fields.invalid(key, 'a string or null') ?? null;
  return compiled(fields, key, compilePath(value ?? '$'), 'INVALID_PATH') ?? null;
}

/** A Reference Path field (ItemsPath, SecondsPath, …); `fallback` is used when absent. */
export function readReferencePath(
  fields: FieldReader,
  key: string,
  fallback?: string,
): ReferencePath | undefined {
  const value = fields.raw(key) ?? fallback;
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return fields.invalid(key, 'a string (a reference path)');
  return compiled(fields, key, compileReferencePath(value), 'INVALID_REFERENCE_PATH');
}

/** ResultPath: `null` discards the result; absent means `$`. */
export function readResultPath(fields: FieldReader, key = 'ResultPath'): ResultPath | null {
  const value = fields.raw(key);
  if (value === null) return null;
  if (value !== undefined && typeof value !== 'string')
    return fields.invalid(key, 'a string or null') ?? null;
  return compiled(fields, key, compileResultPath(value ?? '$'), 'INVALID_REFERENCE_PATH') ?? null;
}

/** Parameters, ResultSelector, ItemSelector, Credentials: an object, compiled as a template. */
export function readTemplate(fields: FieldReader, key: string): PayloadTemplate | undefined {
  const value = fields.object(key);
  if (value === undefined) return undefined;
  return compilePayloadTemplate(value, fields.pointer(key), fields.problems);
}

/** A number given directly or read from a reference path (`key` / `key`Path), not both. */
export function readValueOrPath(
  fields: FieldReader,
  key: string,
  readValue: (key: string) => number | undefined,
): { value: number } | { path: ReferencePath } | undefined {
  const pathKey = `${key}Path`;
  if (fields.conflict(key, pathKey)) return undefined;
  const value = readValue(key);
  if (value !== undefined) return { value };
  const path = readReferencePath(fields, pathKey);
  return path === undefined ? undefined : { path };
}
