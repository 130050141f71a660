/**
 * How a failing intrinsic call is reported: States.IntrinsicFailure, as the States Language
 * documents it (executions recorded on AWS show States.Runtime instead; see
 * docs/feature-support.md). The cause names the whole expression as written: "The function
 * '<expression>' had the following error: …".
 */
import { StatesError, StatesErrorName } from '../errors.js';
import type { Json } from '../json.js';

/** The one place that names the error a failing intrinsic raises. */
export const INTRINSIC_FAILURE = StatesErrorName.IntrinsicFailure;

/** Where a call sits: the whole expression (for the cause) and the function's name. */
export interface CallSite {
  readonly expression: string;
  readonly name: string;
}

function failure(expression: string, detail: string): StatesError {
  return new StatesError(
    INTRINSIC_FAILURE,
    `The function '${expression}' had the following error: ${detail}`,
  );
}

/** Arguments of the wrong type or out of range; AWS's words are "Invalid arguments in <name>". */
export function invalidArguments(site: CallSite, detail: string): StatesError {
  return failure(site.expression, `Invalid arguments in ${site.name}: ${detail}`);
}

/** A path argument that selects nothing; AWS names `$$` paths as `$` paths of the state input. */
export function pathNotFound(expression: string, pathText: string, input: Json): StatesError {
  const field = pathText.startsWith('$$') ? pathText.slice(1) : pathText;
  return failure(
    expression,
    `The JsonPath argument for the field '${field}' could not be found in the input '${JSON.stringify(input)}'`,
  );
}
