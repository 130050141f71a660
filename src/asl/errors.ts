/**
 * The one table of predefined error names (States Language, "Errors"), and the error that
 * evaluation code throws for a spec error. The engine turns a thrown StatesError into data
 * (error + cause) that Retry and Catch see; anything else thrown is a fault of Quickstep.
 */
export const StatesErrorName = {
  ALL: 'States.ALL',
  DataLimitExceeded: 'States.DataLimitExceeded',
  Runtime: 'States.Runtime',
  Timeout: 'States.Timeout',
  HeartbeatTimeout: 'States.HeartbeatTimeout',
  TaskFailed: 'States.TaskFailed',
  Permissions: 'States.Permissions',
  ResultPathMatchFailure: 'States.ResultPathMatchFailure',
  ParameterPathFailure: 'States.ParameterPathFailure',
  IntrinsicFailure: 'States.IntrinsicFailure',
  QueryEvaluationError: 'States.QueryEvaluationError',
  BranchFailed: 'States.BranchFailed',
  NoChoiceMatched: 'States.NoChoiceMatched',
  ExceedToleratedFailureThreshold: 'States.ExceedToleratedFailureThreshold',
  ItemReaderFailed: 'States.ItemReaderFailed',
  ResultWriterFailed: 'States.ResultWriterFailed',
} as const;

export type StatesErrorName = (typeof StatesErrorName)[keyof typeof StatesErrorName];

const predefined = new Set<string>(Object.values(StatesErrorName));

/** True for a predefined name, including the `States.Http.*` family of the HTTP task. */
export function isPredefinedErrorName(name: string): boolean {
  return (
    predefined.has(name) || name === 'States.Http.Socket' || /^States\.Http\.StatusCode\.\d{3}$/.test(name)
  );
}

/** A spec error raised while evaluating a state: recorded in history, subject to Retry and Catch. */
export class StatesError extends Error {
  constructor(
    readonly error: string,
    override readonly cause: string,
  ) {
    super(`${error}: ${cause}`);
    this.name = 'StatesError';
  }
}

/** An error as the execution records it. */
export interface ErrorOutput {
  Error: string;
  Cause: string;
}
