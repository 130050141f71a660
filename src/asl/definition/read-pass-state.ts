import type { PassState } from '../types.js';
import type { FieldReader } from './field-reader.js';
import { type StateHeader, readFilters, readTransition } from './read-common.js';
import { readResultPath, readTemplate } from './read-paths.js';

export function readPassState(fields: FieldReader, header: StateHeader): PassState {
  return {
    ...header,
    type: 'Pass',
    ...readFilters(fields),
    transition: readTransition(fields),
    parameters: readTemplate(fields, 'Parameters'),
    // Result is any JSON value, null included; absent means the input passes through.
    result: fields.raw('Result'),
    resultPath: readResultPath(fields),
  };
}
