/**
 * Compiles a Choice rule's Variable or `…Path` operand: a Reference Path over the input
 * (`$…`) or the context object (`$$…`). Workflow variables (`$name`) are not supported yet.
 */
import type { Json } from '../json.js';
import { compileReferencePath } from '../jsonpath/compile-path.js';
import type { ReferencePath } from '../jsonpath/path.js';
import type { Problems } from '../problems.js';

const WORKFLOW_VARIABLE = /^\$[A-Za-z_]/;

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
  if (WORKFLOW_VARIABLE.test(value)) {
    problems.add(at, 'UNSUPPORTED_FEATURE', `${key} "${value}": variables are not supported yet`);
    return undefined;
  }
  const compiled = compileReferencePath(value);
  if (compiled.ok) return compiled.value;
  problems.add(at, 'INVALID_REFERENCE_PATH', `${key}: ${compiled.message}`);
  return undefined;
}
