import { FAIL_STATE_INTRINSICS, compileIntrinsic, isIntrinsicCall } from '../intrinsics/compile-intrinsic.js';
import { compileReferencePath } from '../jsonpath/compile-path.js';
import type { Evaluator, FailState } from '../types.js';
import type { FieldReader } from './field-reader.js';
import type { StateHeader } from './read-common.js';
import { isExpressionField, readJsonataValue } from './read-jsonata.js';

export function readFailState(fields: FieldReader, header: StateHeader): FailState {
  fields.conflict('Error', 'ErrorPath');
  fields.conflict('Cause', 'CausePath');
  const state: FailState = { ...header, type: 'Fail' };
  if (header.queryLanguage === 'JSONata') {
    for (const key of ['Error', 'Cause'] as const) {
      if (!isExpressionField(fields, key)) continue;
      const expression = readJsonataValue(fields, key);
      if (expression) state[key === 'Error' ? 'errorExpression' : 'causeExpression'] = expression;
    }
  }
  const error = state.errorExpression ? undefined : fields.string('Error');
  const cause = state.causeExpression ? undefined : fields.string('Cause');
  const errorPath = readDynamic(fields, 'ErrorPath');
  const causePath = readDynamic(fields, 'CausePath');
  if (error !== undefined) state.error = error;
  if (cause !== undefined) state.cause = cause;
  if (errorPath !== undefined) state.errorPath = errorPath;
  if (causePath !== undefined) state.causePath = causePath;
  return state;
}

/** ErrorPath/CausePath: a reference path, or a call of one of the allowed intrinsics. */
function readDynamic(fields: FieldReader, key: string): Evaluator | undefined {
  const text = fields.string(key);
  if (text === undefined) return undefined;
  if (isIntrinsicCall(text)) {
    const call = compileIntrinsic(text, { allowedFunctions: FAIL_STATE_INTRINSICS });
    if (call.ok) return call.value;
    fields.problems.add(fields.pointer(key), 'INVALID_INTRINSIC', call.message);
    return undefined;
  }
  const path = compileReferencePath(text);
  if (path.ok) return (scope) => path.value.read(scope);
  fields.problems.add(fields.pointer(key), 'INVALID_REFERENCE_PATH', path.message);
  return undefined;
}
