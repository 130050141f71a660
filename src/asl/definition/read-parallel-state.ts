import { pointer } from '../problems.js';
import type { ParallelState, QueryLanguage, StateMachine } from '../types.js';
import type { FieldReader } from './field-reader.js';
import { type StateHeader, readFilters, readTransition } from './read-common.js';
import type { ReadContext } from './read-context.js';
import { readJsonataValue } from './read-jsonata.js';
import { readResultPath, readTemplate } from './read-paths.js';
import { readRetryCatch } from './read-retry-catch.js';

/** A Parallel state: each branch is a machine of its own, with the id of its pointer. */
export function readParallelState(
  fields: FieldReader,
  header: StateHeader,
  context: ReadContext,
  language: QueryLanguage,
): ParallelState {
  fields.require('Branches', 'A Parallel state');
  const branches: StateMachine[] = (fields.array('Branches') ?? []).map((branch, index) =>
    context.readMachine(branch, pointer(fields.pointer('Branches'), index), 'branch', language),
  );
  return {
    ...header,
    type: 'Parallel',
    ...readFilters(fields),
    transition: readTransition(fields),
    branches,
    parameters: readTemplate(fields, 'Parameters'),
    arguments: readJsonataValue(fields, 'Arguments'),
    resultSelector: readTemplate(fields, 'ResultSelector'),
    resultPath: readResultPath(fields),
    ...readRetryCatch(fields, language),
  };
}
