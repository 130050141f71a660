/**
 * Reads a Choice rule's Variable or `…Path` operand. A path that selects nothing fails the
 * execution with States.Runtime, in Step Functions' wording (only IsPresent tolerates it).
 */
import { StatesError, StatesErrorName } from '../errors.js';
import type { Json } from '../json.js';
import type { ReferencePath } from '../jsonpath/path.js';
import type { Scope } from '../scope.js';

export function readConditionPath(path: ReferencePath, scope: Scope): Json {
  const value = path.read(scope);
  if (value === undefined) {
    throw new StatesError(
      StatesErrorName.Runtime,
      `Invalid path '${path.text}': The choice state's condition path references an invalid value.`,
    );
  }
  return value;
}
