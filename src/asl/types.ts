/**
 * The typed form of a definition that `parseDefinition` produces and the engine runs.
 * Every path, template and rule is compiled to a function once, at parse time; nothing
 * downstream re-reads the raw JSON.
 */
import type { ChoiceRule } from './choice/choice-rule.js';
import type { Json } from './json.js';
import type { JsonataTemplate } from './jsonata/jsonata-template.js';
import type { Path, ReferencePath, ResultPath } from './jsonpath/path.js';
import type { QueryLanguage } from './query-language.js';
import type { PayloadTemplate } from './payload-template.js';
import type { Catcher, Retrier } from './retry-catch.js';
import type { Scope } from './scope.js';
import type { Assign } from './variables/assign.js';

export type { Assign } from './variables/assign.js';
export type { JsonataTemplate } from './jsonata/jsonata-template.js';

export type { QueryLanguage } from './query-language.js';
export type StateType = 'Pass' | 'Task' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

/** A compiled value source: a path or an intrinsic call (Fail's ErrorPath/CausePath). */
export type Evaluator = (scope: Scope) => Json | undefined;

/** The top-level machine, a Parallel branch, or a Map's ItemProcessor. */
export interface StateMachine {
  /** JSON Pointer of this machine within the definition: '' for the top level. */
  id: string;
  startAt: string;
  states: ReadonlyMap<string, State>;
  queryLanguage: QueryLanguage;
  comment?: string;
}

export interface Definition {
  root: StateMachine;
  /** Every machine by id (top level, branches, item processors, at any depth). */
  machines: ReadonlyMap<string, StateMachine>;
  /** Execution-wide TimeoutSeconds, if set. */
  timeoutSeconds?: number;
  /** The definition exactly as given (for DescribeStateMachine and the content hash). */
  source: Json;
}

interface StateBase {
  name: string;
  /** JSON Pointer of the state, e.g. `/States/Check`. */
  pointer: string;
  comment?: string;
  /** The state's own QueryLanguage, else its machine's. */
  queryLanguage: QueryLanguage;
  /** Variables set when the state completes (every type but Succeed and Fail). */
  assign?: Assign;
  /** JSONata `Output`: the state's output (absent: the result, or the input). */
  output?: JsonataTemplate;
}

/** Where a state goes when it completes normally: another state, or the end. */
export type Transition = { next: string } | { end: true };

/** InputPath/OutputPath: `null` in the definition means `{}`; absent means `$`. */
interface Filtered {
  inputPath: Path | null;
  outputPath: Path | null;
}

export interface PassState extends StateBase, Filtered {
  type: 'Pass';
  transition: Transition;
  parameters?: PayloadTemplate;
  result?: Json;
  /** `null` in the definition: discard the result, output = input. */
  resultPath: ResultPath | null;
}

/** TimeoutSeconds/HeartbeatSeconds as a number, or read from a reference path. */
export type Seconds = { seconds: number } | { path: ReferencePath } | { expression: JsonataTemplate };

export interface TaskState extends StateBase, Filtered {
  type: 'Task';
  transition: Transition;
  resource: string;
  parameters?: PayloadTemplate;
  /** JSONata `Arguments`. */
  arguments?: JsonataTemplate;
  resultSelector?: PayloadTemplate;
  resultPath: ResultPath | null;
  timeout?: Seconds;
  heartbeat?: Seconds;
  retry: Retrier[];
  catch: Catcher[];
  credentials?: PayloadTemplate;
}

export interface ChoiceState extends StateBase, Filtered {
  type: 'Choice';
  /** JSONPath rules. */
  choices: ChoiceRule[];
  /** JSONata rules. */
  conditions: ConditionRule[];
  default?: string;
}

/** A Choice rule of a JSONata state: `Condition` must evaluate to a boolean. */
export interface ConditionRule {
  next: string;
  condition: JsonataTemplate;
  assign?: Assign;
  output?: JsonataTemplate;
}

export type WaitDuration =
  | { kind: 'Seconds'; seconds: number }
  | { kind: 'Timestamp'; epochMs: number }
  | { kind: 'SecondsPath'; path: ReferencePath }
  | { kind: 'TimestampPath'; path: ReferencePath }
  | { kind: 'SecondsExpression'; expression: JsonataTemplate }
  | { kind: 'TimestampExpression'; expression: JsonataTemplate };

export interface WaitState extends StateBase, Filtered {
  type: 'Wait';
  transition: Transition;
  duration: WaitDuration;
}

export interface SucceedState extends StateBase, Filtered {
  type: 'Succeed';
}

export interface FailState extends StateBase {
  type: 'Fail';
  error?: string;
  cause?: string;
  errorPath?: Evaluator;
  causePath?: Evaluator;
  /** JSONata `Error`/`Cause` given as `{% … %}`. */
  errorExpression?: JsonataTemplate;
  causeExpression?: JsonataTemplate;
}

export interface ParallelState extends StateBase, Filtered {
  type: 'Parallel';
  transition: Transition;
  branches: StateMachine[];
  parameters?: PayloadTemplate;
  /** JSONata `Arguments`: every branch's input. */
  arguments?: JsonataTemplate;
  resultSelector?: PayloadTemplate;
  resultPath: ResultPath | null;
  retry: Retrier[];
  catch: Catcher[];
}

/** A count read from the definition or from a reference path. */
export type Count = { value: number } | { path: ReferencePath } | { expression: JsonataTemplate };

export interface MapState extends StateBase, Filtered {
  type: 'Map';
  transition: Transition;
  processor: StateMachine;
  mode: 'INLINE' | 'DISTRIBUTED';
  itemsPath: ReferencePath;
  itemSelector?: PayloadTemplate;
  /** JSONata `Items` (absent: the state input, which must be an array). */
  items?: JsonataTemplate;
  /** JSONata `ItemSelector`. */
  itemSelectorExpression?: JsonataTemplate;
  /** 0 means unbounded. */
  maxConcurrency: Count;
  toleratedFailureCount?: Count;
  toleratedFailurePercentage?: Count;
  resultSelector?: PayloadTemplate;
  resultPath: ResultPath | null;
  retry: Retrier[];
  catch: Catcher[];
  label?: string;
}

export type State =
  | PassState
  | TaskState
  | ChoiceState
  | WaitState
  | SucceedState
  | FailState
  | ParallelState
  | MapState;
