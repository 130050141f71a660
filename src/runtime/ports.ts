/**
 * The ports through which the runtime reaches the world. Adapters implement them:
 * src/adapters/aws against AWS, src/adapters/local for the embedded default.
 */
import type { Json } from '../asl/json.js';
import type {
  EngineEvent,
  Effect,
  ExecutionStatus,
  HistoryEvent,
  Snapshot,
  TaskPattern,
} from '../engine/types.js';

// ── Tasks ────────────────────────────────────────────────────────────────────

export interface TaskRequest {
  executionId: string;
  /** The wait the task's outcome must name (a nested `.sync` execution reports to it). */
  waitId: string;
  stateName: string;
  resource: string;
  pattern: TaskPattern;
  parameters: Json;
  taskToken?: string;
  idempotencyKey: string;
  timeoutSeconds?: number;
}

/**
 * A task's outcome. Spec errors are data; a thrown exception is an infrastructure fault.
 * `pending`: the work was handed over and its outcome will arrive later as an event for the
 * task's wait (a nested `.sync` execution reports when it ends).
 */
export type TaskResult =
  | { ok: true; output: Json; pending?: boolean }
  | { ok: false; error: string; cause: string };

export interface TaskInvoker {
  invoke(request: TaskRequest): Promise<TaskResult>;
}

// ── Store ────────────────────────────────────────────────────────────────────

export interface StateMachineRecord {
  name: string;
  arn: string;
  /** The current definition version (content hash). */
  versionId: string;
  type: 'STANDARD' | 'EXPRESS';
  roleArn: string;
  createdAt: number;
  updatedAt: number;
}

/** An immutable definition; versionId = SHA-256 of its text. */
export interface DefinitionVersion {
  stateMachineName: string;
  versionId: string;
  definition: string;
  createdAt: number;
}

/** What the last commit must still do: re-performed when its message is redelivered. */
export interface Outbox {
  /** Id of the message whose processing made this commit. */
  messageId: string;
  /**
   * The queue message being processed when this commit was made, if other than `messageId`
   * (a task's result is applied inline while the message that scheduled the task is held).
   * Its redelivery repairs this outbox too.
   */
  rootMessageId?: string;
  /** Further messages decided in the same commit (children's reports folded together). */
  folded?: string[];
  events: HistoryEvent[];
  effects: Effect[];
  /**
   * Earlier commits' events and effects not yet known to be performed, carried when this
   * commit was made by a message that the previous commit did not cause (a child's completion,
   * a callback, a stop): their performers may have crashed, and their own redeliveries would
   * now be stale. Each entry names its commit's seq; entries at or below the record's
   * performed seq are dropped. All are idempotent; task invocations are never carried.
   */
  carried?: CarriedOutbox[];
}

export interface CarriedOutbox {
  seq: number;
  events: HistoryEvent[];
  effects: Effect[];
}

export interface ExecutionRecord {
  /** Execution ARN for a top-level execution; `{parentId}/{waitId}/{index}` for a child. */
  id: string;
  stateMachineName: string;
  /** The definition version the execution started with and runs to its end on (I4). */
  versionId: string;
  name: string;
  status: ExecutionStatus;
  /** Decisions committed; every write is conditional on it. */
  seq: number;
  snapshot: Snapshot;
  outbox: Outbox;
  parentId?: string;
  startDate: number;
  stopDate?: number;
  /** Epoch seconds after which DynamoDB's TTL may delete the item (finished executions). */
  ttl?: number;
  /**
   * Read only: the highest seq whose outbox is known to be fully performed (a marker written
   * after performing, never by a commit). Below `seq`, the last outbox may be unfinished.
   */
  performedSeq?: number;
}

export interface ExecutionSummary {
  id: string;
  stateMachineName: string;
  name: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface NameClaim {
  stateMachineName: string;
  name: string;
  executionId: string;
  inputHash: string;
  ttl?: number;
}

export interface TaskTokenEntry {
  tokenHash: string;
  executionId: string;
  waitId: string;
  ttl?: number;
}

/** A conditional write lost: another writer committed first. Decide again from a fresh read. */
export class SeqConflictError extends Error {
  constructor(
    readonly executionId: string,
    readonly expectedSeq: number,
  ) {
    super(`Execution ${executionId} is no longer at seq ${expectedSeq}`);
    this.name = 'SeqConflictError';
  }
}

export interface ExecutionStore {
  /** Throws QuickstepError('StateMachineAlreadyExists') when `ifAbsent` and the name is taken. */
  putStateMachine(record: StateMachineRecord, options?: { ifAbsent?: boolean }): Promise<void>;
  getStateMachine(name: string): Promise<StateMachineRecord | undefined>;
  listStateMachines(options?: { limit?: number; nextToken?: string }): Promise<Page<StateMachineRecord>>;
  deleteStateMachine(name: string): Promise<void>;
  /** Idempotent: the same version id always holds the same text. */
  putDefinitionVersion(version: DefinitionVersion): Promise<void>;
  getDefinitionVersion(stateMachineName: string, versionId: string): Promise<DefinitionVersion | undefined>;
  /** Claims an execution name, or returns who holds it. */
  claimExecutionName(claim: NameClaim): Promise<{ claimed: true } | { claimed: false; holder: NameClaim }>;
  /** Creates the record if absent; false when it already existed (nothing written). */
  createExecution(record: ExecutionRecord): Promise<boolean>;
  /** Strongly consistent. */
  getExecution(id: string): Promise<ExecutionRecord | undefined>;
  /** Writes `record` if the stored seq is still `expectedSeq`; else throws SeqConflictError. */
  commitExecution(record: ExecutionRecord, expectedSeq: number): Promise<void>;
  /** Records that the outbox of commit `seq` is fully performed (a small item; keeps the highest seq). */
  markPerformed(executionId: string, seq: number): Promise<void>;
  /**
   * Claims `key` for `owner` once: true for the first owner and again for the same owner
   * (a redelivery), false for any other. Keeps duplicated timer hops from forking.
   */
  claim(executionId: string, key: string, owner: string, ttl?: number): Promise<boolean>;
  /** Idempotent puts under deterministic keys (event ids). */
  putHistory(executionId: string, events: HistoryEvent[]): Promise<void>;
  getHistory(
    executionId: string,
    options?: { reverse?: boolean; limit?: number; nextToken?: string },
  ): Promise<Page<HistoryEvent>>;
  /** Newest first. */
  listExecutions(options: {
    stateMachineName: string;
    status?: ExecutionStatus;
    limit?: number;
    nextToken?: string;
  }): Promise<Page<ExecutionSummary>>;
  putTaskToken(entry: TaskTokenEntry): Promise<void>;
  getTaskToken(tokenHash: string): Promise<TaskTokenEntry | undefined>;
}

// ── Queue, bus, clock ────────────────────────────────────────────────────────

/** One message on the advance queue: an event for an execution. */
export interface AdvanceMessage {
  /** Deterministic: `{executionId}#{seq}#{n}` for effects of a commit, so re-sends are recognisable. */
  messageId: string;
  executionId: string;
  event: EngineEvent;
  /** For timers: when the event is due (a timer longer than the queue's maximum delay hops). */
  dueTime?: number;
  /** For a timer's hops: which hop this is, and a nonce shared only by deliveries of one send. */
  hop?: { n: number; nonce: string };
}

export interface MessageQueue {
  /** At-least-once. `delaySeconds` at most 900 (SQS's maximum). */
  send(messages: { message: AdvanceMessage; delaySeconds?: number }[]): Promise<void>;
}

/** An "Execution Status Change" event (DESIGN.md, Outside contracts). */
export interface StatusEvent {
  /** Stable per execution and status, for consumers to deduplicate. */
  eventId: string;
  source: string;
  detailType: string;
  time: number;
  resources: string[];
  detail: { [key: string]: Json | undefined };
}

export interface EventBus {
  publish(events: StatusEvent[]): Promise<void>;
}

export interface Clock {
  now(): number;
  /**
   * For a virtual clock: keeps time from jumping ahead while an API call does its work
   * outside the queue; returns the release. Real clocks need not have it.
   */
  hold?(): () => void;
}
