import type { SucceedState } from '../types.js';
import type { FieldReader } from './field-reader.js';
import { type StateHeader, readFilters } from './read-common.js';

/** A Succeed state: terminal, only InputPath and OutputPath. */
export function readSucceedState(fields: FieldReader, header: StateHeader): SucceedState {
  return { ...header, type: 'Succeed', ...readFilters(fields) };
}
