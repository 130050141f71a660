/**
 * Which fields each state type allows (Amazon States Language, JSONPath states), and the
 * fields of the language that Quickstep recognises but does not run yet.
 */
import type { StateType } from '../types.js';

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

export const ALLOWED_FIELDS: ReadonlyMap<StateType, ReadonlySet<string>> = new Map<
  StateType,
  ReadonlySet<string>
>([
  ['Pass', new Set([...COMMON, ...FILTERS, ...FLOW, 'Result', 'ResultPath', 'Parameters'])],
  [
    'Task',
    new Set([
      ...COMMON,
      ...FILTERS,
      ...FLOW,
      ...ERROR_HANDLING,
      'Resource',
      'Parameters',
      'ResultSelector',
      'ResultPath',
      'TimeoutSeconds',
      'TimeoutSecondsPath',
      'HeartbeatSeconds',
      'HeartbeatSecondsPath',
      'Credentials',
    ]),
  ],
  ['Choice', new Set([...COMMON, ...FILTERS, 'Choices', 'Default'])],
  ['Wait', new Set([...COMMON, ...FILTERS, ...FLOW, 'Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'])],
  ['Succeed', new Set([...COMMON, ...FILTERS])],
  ['Fail', new Set([...COMMON, 'Error', 'ErrorPath', 'Cause', 'CausePath'])],
  [
    'Parallel',
    new Set([
      ...COMMON,
      ...FILTERS,
      ...FLOW,
      ...ERROR_HANDLING,
      'Branches',
      'Parameters',
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
      'ItemProcessor',
      'Iterator',
      'ItemsPath',
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

/** Fields of JSONata states and workflow variables: valid ASL, not run by Quickstep yet. */
export const JSONATA_FIELDS: ReadonlySet<string> = new Set(['Arguments', 'Output', 'Assign', 'Items']);

/** Distributed Map's S3 features: valid on a Map state, not run by Quickstep yet. */
export const DISTRIBUTED_MAP_S3_FIELDS: ReadonlySet<string> = new Set([
  'ItemReader',
  'ItemBatcher',
  'ResultWriter',
]);

/** Every field any state of the States Language may have. */
export const STATE_FIELDS: ReadonlySet<string> = new Set([
  ...[...ALLOWED_FIELDS.values()].flatMap((fields) => [...fields]),
  ...JSONATA_FIELDS,
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
