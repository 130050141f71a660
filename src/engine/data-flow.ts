/**
 * The JSONPath data flow around a state: InputPath → Parameters → (work) → ResultSelector →
 * ResultPath → OutputPath, with every `null` rule of the States Language.
 */
import { StatesError } from '../asl/errors.js';
import type { Json } from '../asl/json.js';
import type { Path, ResultPath } from '../asl/jsonpath/path.js';
import type { Scope } from '../asl/scope.js';

export function applyInputPath(path: Path | null, scope: Scope): Json {
  return selectOrFail(path, scope, 'InputPath');
}

export function applyOutputPath(path: Path | null, scope: Scope): Json {
  return selectOrFail(path, scope, 'OutputPath');
}

function selectOrFail(path: Path | null, scope: Scope, field: string): Json {
  if (path === null) return {};
  const value = path.read(scope);
  if (value === undefined) {
    throw new StatesError(
      'States.Runtime',
      `An error occurred while executing the state. Invalid path '${path.text}' : No results for path: ${path.text} (${field})`,
    );
  }
  return value;
}

export function applyResultPath(path: ResultPath | null, rawInput: Json, result: Json): Json {
  return path === null ? rawInput : path.apply(rawInput, result);
}
