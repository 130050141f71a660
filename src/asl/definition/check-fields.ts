/**
 * Sorts the fields of a state or machine that its kind does not allow: a feature Quickstep
 * does not run yet (UNSUPPORTED_FEATURE), a States Language field in the wrong place
 * (FORBIDDEN_FIELD), or no field of the language at all (UNKNOWN_FIELD).
 */
import type { JsonObject } from '../json.js';
import { type Problems, pointer } from '../problems.js';
import type { StateType } from '../types.js';
import {
  ALLOWED_FIELDS,
  ALL_MACHINE_FIELDS,
  DISTRIBUTED_MAP_S3_FIELDS,
  JSONATA_FIELDS,
  MACHINE_FIELDS,
  MACHINE_LABELS,
  type MachineKind,
  STATE_FIELDS,
} from './state-fields.js';

function unsupported(key: string, type: StateType | undefined): string | undefined {
  if (JSONATA_FIELDS.has(key)) return `${key} is a JSONata/variables feature, not supported yet`;
  if (type === 'Map' && DISTRIBUTED_MAP_S3_FIELDS.has(key)) {
    return `${key} is a Distributed Map S3 feature, not supported yet`;
  }
  return undefined;
}

/** `type` is undefined when the state's Type is missing or invalid: only unknown fields are reported. */
export function checkStateFields(
  state: JsonObject,
  at: string,
  type: StateType | undefined,
  problems: Problems,
): void {
  const allowed = type === undefined ? undefined : ALLOWED_FIELDS.get(type);
  for (const key of Object.keys(state)) {
    if (allowed?.has(key)) continue;
    const reason = unsupported(key, type);
    if (reason !== undefined) problems.add(pointer(at, key), 'UNSUPPORTED_FEATURE', reason);
    else if (!STATE_FIELDS.has(key)) {
      problems.add(pointer(at, key), 'UNKNOWN_FIELD', `${key} is not a field of the States Language`);
    } else if (type !== undefined) {
      problems.add(pointer(at, key), 'FORBIDDEN_FIELD', `${key} is not allowed in a ${type} state`);
    }
  }
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
