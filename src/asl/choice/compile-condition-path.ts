/**
 * Compiles a Choice rule's Variable or `…Path` operand: a Reference Path over the input
 * (`$…`), the context object (`$$…`) or a workflow variable (`$name…`).
 */
import type { Json } from '../json.js';
import { compileReferencePath } from '../jsonpath/compile-path.js';
import type { ReferencePath } from '../jsonpath/path.js';
import type { Problems } from '../problems.js';

export function compileConditionPath(
  value: Json,
  key: string,
  at: string,
  problems: Problems,
): ReferencePath | undefined {
  if (typeof value !== 'string') {
    problems.add(at, 'SCHEMA_VALIDATION_FAILED', `${key} must be a string (a reference path)`);
    return undefined;
  }
  const compiled = compileReferencePath(value);
  if (compiled.ok) return compiled.value;
  problems.add(at, 'INVALID_REFERENCE_PATH', `${key}: ${compiled.message}`);
  return undefined;
}
