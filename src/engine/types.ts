/**
 * The engine's data: snapshots of executions, the events that advance them, and the
 * decisions `step` returns. All plain JSON-serialisable data, so the durable runtime can
 * store a snapshot in one item and an effect in its outbox.
 */
import type { Json } from '../asl/json.js';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** What an execution is doing in its current state. */
export type Phase =
  | { kind: 'entering' }
  | {
      kind: 'task';
      waitId: string;
      heartbeatWaitId?: string;
      heartbeatSeconds?: number;
      tokenHash?: string;
      submitted?: boolean;
    }
  | { kind: 'retrying'; waitId: string }
  | { kind: 'waiting'; waitId: string }
  | { kind: 'children'; waitId: string; join: Join };

/** The join of a Parallel's branches or a Map's iterations. */
export interface Join {
  total: number;
  /** How many children may run at once (MaxConcurrency; 0 = no limit). */
  limit: number;
  /** Failures tolerated (Map's ToleratedFailureCount/Percentage); none when both are absent. */
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
  /** Children started so far (they start in index order). */
  launched: number;
  /** Indices below `launched` to start again before new ones (a redrive's failed children). */
  requeued?: number[];
  /** Per index: undefined while running, else the child's outcome. */
  outcomes: (ChildOutcome | null)[];
  succeeded: number;
  failed: number;
}

export type ChildOutcome =
  | { status: 'SUCCEEDED'; output: Json }
  | { status: 'FAILED'; error: string; cause: string };

export interface Position {
  state: string;
  /** The state's raw input, before InputPath. */
  input: Json;
  enteredTime: number;
  /** Attempts made so far per retrier (by index); reset on each transition. */
  retryCounts: number[];
  phase: Phase;
}

/** The execution-wide facts that the context object's `Execution` and `StateMachine` show. */
export interface ExecutionInfo {
  id: string;
  name: string;
  input: Json;
  startTime: number;
  roleArn: string;
  stateMachineId: string;
  stateMachineName: string;
  redriveCount: number;
}

/**
 * A task waiting on this execution (`states:startExecution.sync`, `.sync:2`): when it ends,
 * the runtime resumes that task with the execution's description.
 */
export interface Caller {
  executionId: string;
  waitId: string;
  /** `.sync:2` returns Input and Output as JSON; `.sync` as JSON text. */
  pattern: 'sync' | 'sync:2';
}

/** Where a child execution (Parallel branch, Map iteration) reports when it ends. */
export interface ParentLink {
  executionId: string;
  waitId: string;
  index: number;
}

export interface Snapshot {
  /** This execution's id (a child's id is derived from its parent's). */
  id: string;
  execution: ExecutionInfo;
  /** Id of the machine it runs: '' for the top level, a branch's or processor's pointer for children. */
  machineId: string;
  status: ExecutionStatus;
  /** Number of decisions committed so far. */
  seq: number;
  /** Id of the last history event recorded. */
  lastEventId: number;
  position?: Position;
  parent?: ParentLink;
  caller?: Caller;
  /** Wait id of the execution-wide TimeoutSeconds timer. */
  timeoutWaitId?: string;
  /** Workflow variables of this execution's own scope. */
  variables?: Record<string, Json>;
  /** A child's view of the scopes around it, as they were when it started (read-only). */
  outerVariables?: Record<string, Json>;
  output?: Json;
  error?: string;
  cause?: string;
  stopTime?: number;
}

/** An event that advances an execution. Events carrying a waitId apply only to that wait. */
export type EngineEvent =
  /** Enter the positioned state. `seq`: the commit that asked for it; any other seq is stale. */
  | { type: 'Advance'; seq?: number }
  | { type: 'TaskSubmitted'; waitId: string; output?: Json }
  | { type: 'TaskSucceeded'; waitId: string; output: Json }
  | { type: 'TaskFailed'; waitId: string; error: string; cause: string }
  | { type: 'TaskHeartbeat'; waitId: string }
  | { type: 'TimerFired'; waitId: string }
  | { type: 'ChildCompleted'; waitId: string; index: number; outcome: ChildOutcome }
  | { type: 'Stop'; error?: string; cause?: string }
  /** The runtime could not process a message (dead letter): the execution fails with States.Runtime. */
  | { type: 'RuntimeFailure'; cause: string }
  /** RedriveExecution: a FAILED, TIMED_OUT or ABORTED execution resumes at the state that failed. */
  | { type: 'Redrive' };

export interface StartRequest {
  id: string;
  name: string;
  input: Json;
  stateMachineId: string;
  stateMachineName: string;
  roleArn?: string;
  caller?: Caller;
}

export type TaskPattern = 'request-response' | 'sync' | 'sync:2' | 'waitForTaskToken';

/** Something the runtime must do after committing a decision. */
export type Effect =
  | { type: 'Continue' }
  | {
      type: 'InvokeTask';
      waitId: string;
      stateName: string;
      resource: string;
      pattern: TaskPattern;
      parameters: Json;
      taskToken?: string;
      timeoutSeconds?: number;
      heartbeatSeconds?: number;
      /** (execution, state, attempt): lets task code deduplicate at-least-once invocations. */
      idempotencyKey: string;
    }
  | { type: 'StartTimer'; waitId: string; dueTime: number; purpose: TimerPurpose }
  | { type: 'StartChildren'; waitId: string; children: ChildStart[] }
  | { type: 'StopChildren'; waitId: string; childIds: string[] }
  | {
      type: 'Finish';
      status: Exclude<ExecutionStatus, 'RUNNING'>;
      output?: Json;
      error?: string;
      cause?: string;
    };

export type TimerPurpose = 'Wait' | 'Retry' | 'TaskTimeout' | 'HeartbeatTimeout' | 'ExecutionTimeout';

export interface ChildStart {
  id: string;
  index: number;
  machineId: string;
  input: Json;
  parent: ParentLink;
  /** The variables the parent sees: the child reads them and cannot assign them. */
  variables?: Record<string, Json>;
}

export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  /** The content of the Step Functions `…EventDetails` member for this type. */
  details?: { [key: string]: Json | undefined };
}

export interface Decision {
  snapshot: Snapshot;
  events: HistoryEvent[];
  effects: Effect[];
  /** Set when the event did not apply (stale or duplicate wait, finished execution): nothing changed. */
  ignored?: string;
}

/**
 * What the engine may not take from the world itself: the clock, randomness, task tokens.
 * Plain functions, called unbound.
 */
export interface Env {
  now: () => number;
  /** Uniform in [0, 1). */
  random: () => number;
  /** A new task token with at least 128 random bits. */
  taskToken: () => string;
}

export interface StepOptions {
  /**
   * Fusion: after a state completes, enter up to this many further pure states (Pass,
   * Choice, Succeed, Fail) in the same decision instead of one per message. The history is
   * the same; only the number of decisions (messages, writes) drops. 0 = one state per message.
   */
  fuseStates?: number;
}
