/**
 * Which fields each state type allows, in each query language, and the fields of the
 * language that Quickstep recognises but does not run yet.
 */
import type { QueryLanguage, StateType } from '../types.js';

export const STATE_TYPES: readonly StateType[] = [
  'Pass',
  'Task',
  'Choice',
  'Wait',
  'Succeed',
  'Fail',
  'Parallel',
  'Map',
];

/** The largest number of seconds (TimeoutSeconds, HeartbeatSeconds, Wait Seconds) the schema accepts. */
export const MAX_SECONDS = 99_999_999;

const COMMON = ['Type', 'Comment', 'QueryLanguage'];
const FILTERS = ['InputPath', 'OutputPath'];
const FLOW = ['Next', 'End'];
const ERROR_HANDLING = ['Retry', 'Catch'];
/** Fields of states that complete with an output and may set variables. */
const OUTPUT = ['Output', 'Assign'];

export const ALLOWED_FIELDS: ReadonlyMap<StateType, ReadonlySet<string>> = new Map<
  StateType,
  ReadonlySet<string>
>([
  ['Pass', new Set([...COMMON, ...FILTERS, ...FLOW, ...OUTPUT, 'Result', 'ResultPath', 'Parameters'])],
  [
    'Task',
    new Set([
      ...COMMON,
      ...FILTERS,
      ...FLOW,
      ...ERROR_HANDLING,
      ...OUTPUT,
      'Resource',
      'Parameters',
      'Arguments',
      'ResultSelector',
      'ResultPath',
      'TimeoutSeconds',
      'TimeoutSecondsPath',
      'HeartbeatSeconds',
      'HeartbeatSecondsPath',
      'Credentials',
    ]),
  ],
  ['Choice', new Set([...COMMON, ...FILTERS, ...OUTPUT, 'Choices', 'Default'])],
  [
    'Wait',
    new Set([
      ...COMMON,
      ...FILTERS,
      ...FLOW,
      ...OUTPUT,
      'Seconds',
      'Timestamp',
      'SecondsPath',
      'TimestampPath',
    ]),
  ],
  ['Succeed', new Set([...COMMON, ...FILTERS, 'Output'])],
  ['Fail', new Set([...COMMON, 'Error', 'ErrorPath', 'Cause', 'CausePath'])],
  [
    'Parallel',
    new Set([
      ...COMMON,
      ...FILTERS,
      ...FLOW,
      ...ERROR_HANDLING,
      ...OUTPUT,
      'Branches',
      'Parameters',
      'Arguments',
      'ResultSelector',
      'ResultPath',
    ]),
  ],
  [
    'Map',
    new Set([
      ...COMMON,
      ...FILTERS,
      ...FLOW,
      ...ERROR_HANDLING,
      ...OUTPUT,
      'ItemProcessor',
      'Iterator',
      'ItemsPath',
      'Items',
      'ItemSelector',
      'Parameters',
      'MaxConcurrency',
      'MaxConcurrencyPath',
      'ToleratedFailurePercentage',
      'ToleratedFailurePercentagePath',
      'ToleratedFailureCount',
      'ToleratedFailureCountPath',
      'ResultSelector',
      'ResultPath',
      'Label',
    ]),
  ],
]);

/** Fields that only JSONPath states may have: JSONata states use Arguments, Output, Items. */
export const JSONPATH_ONLY_FIELDS: ReadonlySet<string> = new Set([
  'InputPath',
  'OutputPath',
  'Parameters',
  'ResultSelector',
  'ResultPath',
  'Result',
  'TimeoutSecondsPath',
  'HeartbeatSecondsPath',
  'SecondsPath',
  'TimestampPath',
  'ItemsPath',
  'MaxConcurrencyPath',
  'ToleratedFailurePercentagePath',
  'ToleratedFailureCountPath',
  'ErrorPath',
  'CausePath',
]);

/** Fields that only JSONata states may have. */
export const JSONATA_ONLY_FIELDS: ReadonlySet<string> = new Set(['Arguments', 'Output', 'Items']);

/** True when a state of `type` in `language` may have the field `key`. */
export function isAllowedField(type: StateType, language: QueryLanguage, key: string): boolean {
  if (!ALLOWED_FIELDS.get(type)?.has(key)) return false;
  return language === 'JSONata' ? !JSONPATH_ONLY_FIELDS.has(key) : !JSONATA_ONLY_FIELDS.has(key);
}

/** Distributed Map's S3 features: valid on a Map state, not run by Quickstep yet. */
export const DISTRIBUTED_MAP_S3_FIELDS: ReadonlySet<string> = new Set([
  'ItemReader',
  'ItemBatcher',
  'ResultWriter',
]);

/** Every field any state of the States Language may have. */
export const STATE_FIELDS: ReadonlySet<string> = new Set([
  ...[...ALLOWED_FIELDS.values()].flatMap((fields) => [...fields]),
  ...DISTRIBUTED_MAP_S3_FIELDS,
]);

export type MachineKind = 'root' | 'branch' | 'processor';

/** Fields of a state machine: the top level, a Parallel branch, a Map's ItemProcessor. */
export const MACHINE_FIELDS: ReadonlyMap<MachineKind, ReadonlySet<string>> = new Map<
  MachineKind,
  ReadonlySet<string>
>([
  ['root', new Set(['StartAt', 'States', 'Comment', 'Version', 'TimeoutSeconds', 'QueryLanguage'])],
  ['branch', new Set(['StartAt', 'States', 'Comment', 'QueryLanguage'])],
  ['processor', new Set(['StartAt', 'States', 'Comment', 'ProcessorConfig'])],
]);

/** How messages name each kind of machine. */
export const MACHINE_LABELS: ReadonlyMap<MachineKind, string> = new Map<MachineKind, string>([
  ['root', 'state machine'],
  ['branch', 'Parallel branch'],
  ['processor', 'Map ItemProcessor'],
]);

export const ALL_MACHINE_FIELDS: ReadonlySet<string> = new Set(
  [...MACHINE_FIELDS.values()].flatMap((fields) => [...fields]),
);
