/** Reads a state machine: the top level, a Parallel branch or a Map's ItemProcessor. */
import { type Json, type JsonObject, getOwn, isJsonObject } from '../json.js';
import { pointer } from '../problems.js';
import type { QueryLanguage, State, StateMachine } from '../types.js';
import { checkMachineFields } from './check-fields.js';
import { checkStateNames } from './check-state-names.js';
import { checkTransitions } from './check-transitions.js';
import { FieldReader } from './field-reader.js';
import { readQueryLanguage } from './read-common.js';
import { type ReadContext, emptyMachine } from './read-context.js';
import { readState } from './read-state.js';
import { MACHINE_LABELS, type MachineKind } from './state-fields.js';

/** `at` is the machine's JSON Pointer, which is also its id ('' for the top level). */
export function readMachine(
  raw: Json,
  at: string,
  kind: MachineKind,
  inherited: QueryLanguage,
  context: ReadContext,
): StateMachine {
  const { problems } = context;
  const label = MACHINE_LABELS.get(kind) ?? 'state machine';
  if (!isJsonObject(raw)) {
    problems.add(at, 'SCHEMA_VALIDATION_FAILED', `A ${label} must be an object`);
    return emptyMachine(at, inherited);
  }
  checkMachineFields(raw, at, kind, problems);
  const fields = new FieldReader(raw, at, problems);
  // An ItemProcessor takes no QueryLanguage of its own (reported by checkMachineFields).
  const queryLanguage = kind === 'processor' ? inherited : readQueryLanguage(fields, inherited);
  const comment = fields.string('Comment');
  const startAt = fields.require('StartAt', `A ${label}`) ? fields.string('StartAt') : undefined;
  const states = fields.require('States', `A ${label}`) ? fields.object('States') : undefined;
  if (states !== undefined && Object.keys(states).length === 0)
    fields.invalid('States', 'an object with at least one state');
  const machine: StateMachine = {
    id: at,
    startAt: startAt ?? '',
    states:
      states === undefined ? new Map() : readStates(states, fields.pointer('States'), queryLanguage, context),
    queryLanguage,
    ...(comment === undefined ? {} : { comment }),
  };
  if (states !== undefined && Object.keys(states).length > 0) checkTransitions(states, at, startAt, problems);
  if (kind !== 'root') context.nestedMachines.push(machine);
  return machine;
}

function readStates(
  states: JsonObject,
  statesAt: string,
  language: QueryLanguage,
  context: ReadContext,
): ReadonlyMap<string, State> {
  // Names first, so that a name reused inside a nested machine is the one reported.
  checkStateNames(states, statesAt, context);
  const read = new Map<string, State>();
  for (const name of Object.keys(states)) {
    const state = readState(getOwn(states, name), name, pointer(statesAt, name), language, context);
    if (state !== undefined) read.set(name, state);
  }
  return read;
}
