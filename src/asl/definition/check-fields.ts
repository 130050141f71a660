/**
 * Sorts the fields of a state or machine that its kind does not allow: a feature Quickstep
 * does not run yet (UNSUPPORTED_FEATURE), a States Language field in the wrong place or in
 * the wrong query language (FORBIDDEN_FIELD), or no field of the language at all
 * (UNKNOWN_FIELD).
 */
import type { JsonObject } from '../json.js';
import { type Problems, pointer } from '../problems.js';
import type { QueryLanguage, StateType } from '../types.js';
import {
  ALLOWED_FIELDS,
  ALL_MACHINE_FIELDS,
  DISTRIBUTED_MAP_S3_FIELDS,
  MACHINE_FIELDS,
  MACHINE_LABELS,
  type MachineKind,
  STATE_FIELDS,
  isAllowedField,
} from './state-fields.js';

function unsupported(key: string, type: StateType | undefined): string | undefined {
  if (type === 'Map' && DISTRIBUTED_MAP_S3_FIELDS.has(key)) {
    return `${key} is a Distributed Map S3 feature, not supported yet`;
  }
  return undefined;
}

/**
 * `type` is undefined when the state's Type is missing or invalid: only unknown fields are
 * reported. Returns the fields that were reported, so that the state's reader skips them.
 */
export function checkStateFields(
  state: JsonObject,
  at: string,
  type: StateType | undefined,
  language: QueryLanguage,
  problems: Problems,
): Set<string> {
  const reported = new Set<string>();
  for (const key of Object.keys(state)) {
    if (type !== undefined && isAllowedField(type, language, key)) continue;
    reported.add(key);
    const reason = unsupported(key, type);
    if (reason !== undefined) problems.add(pointer(at, key), 'UNSUPPORTED_FEATURE', reason);
    else if (!STATE_FIELDS.has(key)) {
      problems.add(pointer(at, key), 'UNKNOWN_FIELD', `${key} is not a field of the States Language`);
    } else if (type !== undefined && ALLOWED_FIELDS.get(type)?.has(key)) {
      problems.add(pointer(at, key), 'FORBIDDEN_FIELD', `${key} is not allowed in a ${language} state`);
    } else if (type !== undefined) {
      problems.add(pointer(at, key), 'FORBIDDEN_FIELD', `${key} is not allowed in a ${type} state`);
    }
  }
  return reported;
}

export function checkMachineFields(
  machine: JsonObject,
  at: string,
  kind: MachineKind,
  problems: Problems,
): void {
  const allowed = MACHINE_FIELDS.get(kind);
  for (const key of Object.keys(machine)) {
    if (allowed?.has(key)) continue;
    if (ALL_MACHINE_FIELDS.has(key)) {
      problems.add(
        pointer(at, key),
        'FORBIDDEN_FIELD',
        `${key} is not allowed in a ${MACHINE_LABELS.get(kind)}`,
      );
    } else {
      problems.add(pointer(at, key), 'UNKNOWN_FIELD', `${key} is not a field of a state machine`);
    }
  }
}
