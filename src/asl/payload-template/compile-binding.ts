/**
 * The value of a `.$` key: a path into the input (`$…`) or the context object (`$$…`), or an
 * intrinsic function call (`States.…(…)`).
 */
import { StatesError, StatesErrorName } from '../errors.js';
import { compileIntrinsic, isIntrinsicCall } from '../intrinsics/compile-intrinsic.js';
import type { Json } from '../json.js';
import { compilePath } from '../jsonpath/compile-path.js';
import type { Path } from '../jsonpath/path.js';
import type { Problems } from '../problems.js';
import type { Scope } from '../scope.js';
import { type TemplateNode, constantNode, dynamicNode } from './template-node.js';

/**
 * A template path that selects nothing raises States.ParameterPathFailure, as the States
 * Language documents it (recorded AWS histories show States.Runtime; see
 * docs/feature-support.md).
 */
export const TEMPLATE_PATH_FAILURE = StatesErrorName.ParameterPathFailure;

/** `key` is the field as written, `.$` included; problems are reported at `at`. */
export function compileBinding(key: string, raw: unknown, at: string, problems: Problems): TemplateNode {
  if (typeof raw === 'string' && raw.startsWith('$')) return compilePathBinding(key, raw, at, problems);
  if (typeof raw === 'string' && isIntrinsicCall(raw)) {
    const call = compileIntrinsic(raw);
    if (call.ok) return dynamicNode(call.value);
    problems.add(
      at,
      'INVALID_INTRINSIC',
      `The value for the field '${key}' is not a valid intrinsic function call: ${call.message}`,
    );
    return constantNode(null);
  }
  problems.add(
    at,
    'SCHEMA_VALIDATION_FAILED',
    `The value for the field '${key}' must be a valid JSONPath or a valid intrinsic function call`,
  );
  return constantNode(null);
}

function compilePathBinding(key: string, text: string, at: string, problems: Problems): TemplateNode {
  const path = compilePath(text);
  if (!path.ok) {
    problems.add(
      at,
      'INVALID_PATH',
      `The value for the field '${key}' must be a valid JSONPath: ${path.message}`,
    );
    return constantNode(null);
  }
  return dynamicNode(pathReader(key, path.value));
}

function pathReader(key: string, path: Path): (scope: Scope) => Json {
  return (scope) => {
    const value = path.read(scope);
    if (value !== undefined) return value;
    if (path.variable !== undefined) {
      throw new StatesError(
        TEMPLATE_PATH_FAILURE,
        `The JSONPath '${path.text}' specified for the field '${key}' could not be found: the variable '${path.variable}' has no value there`,
      );
    }
    const searched = path.readsContext ? scope.context : scope.input;
    throw new StatesError(
      TEMPLATE_PATH_FAILURE,
      `The JSONPath '${path.text}' specified for the field '${key}' could not be found in the input '${JSON.stringify(searched)}'`,
    );
  };
}
