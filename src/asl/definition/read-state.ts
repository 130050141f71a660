/** Reads one state: its Type, the fields its type allows, then the reader of that type. */
import { type Json, type JsonObject, isJsonObject } from '../json.js';
import type { QueryLanguage, State, StateType } from '../types.js';
import { checkStateFields } from './check-fields.js';
import { FieldReader } from './field-reader.js';
import { readHeader, readQueryLanguage } from './read-common.js';
import type { ReadContext } from './read-context.js';
import { readChoiceState } from './read-choice-state.js';
import { readFailState } from './read-fail-state.js';
import { readMapState } from './read-map-state.js';
import { readParallelState } from './read-parallel-state.js';
import { readPassState } from './read-pass-state.js';
import { readSucceedState } from './read-succeed-state.js';
import { readTaskState } from './read-task-state.js';
import { readWaitState } from './read-wait-state.js';
import { STATE_TYPES } from './state-fields.js';

export function readState(
  raw: Json | undefined,
  name: string,
  at: string,
  inherited: QueryLanguage,
  context: ReadContext,
): State | undefined {
  if (!isJsonObject(raw)) {
    context.problems.add(at, 'SCHEMA_VALIDATION_FAILED', `State "${name}" must be an object`);
    return undefined;
  }
  const fields = new FieldReader(raw, at, context.problems);
  const type = fields.require('Type', 'Every state') ? fields.oneOf('Type', STATE_TYPES) : undefined;
  const language = readQueryLanguage(fields, inherited);
  const reported = checkStateFields(raw, at, type, language, context.problems);
  if (type === undefined) return undefined;
  // Fields already reported (forbidden in this type or language) are not read a second time.
  const readable =
    reported.size === 0 ? fields : new FieldReader(without(raw, reported), at, context.problems);
  return readTyped(type, readable, name, context, language);
}

function without(raw: JsonObject, keys: ReadonlySet<string>): JsonObject {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !keys.has(key)));
}

function readTyped(
  type: StateType,
  fields: FieldReader,
  name: string,
  context: ReadContext,
  language: QueryLanguage,
): State {
  const header = readHeader(fields, name, language);
  switch (type) {
    case 'Pass':
      return readPassState(fields, header);
    case 'Task':
      return readTaskState(fields, header);
    case 'Choice':
      return readChoiceState(fields, header);
    case 'Wait':
      return readWaitState(fields, header);
    case 'Succeed':
      return readSucceedState(fields, header);
    case 'Fail':
      return readFailState(fields, header);
    case 'Parallel':
      return readParallelState(fields, header, context, language);
    case 'Map':
      return readMapState(fields, header, context, language);
  }
}
