/** What every operation works with: the durable runtime and the API's own settings. */
import type { DurableRuntime } from '../runtime/durable/runtime.js';
import { MergedHistories } from './merged-histories.js';
import type { RequestBody } from './request-fields.js';

export interface ApiOptions {
  /** How long StartSyncExecution waits for the execution to end (default 5 minutes, Express's cap). */
  syncTimeoutMs?: number;
  /** Told about faults that become InternalFailure answers (the client sees no stack trace). */
  onInternalError?: (operation: string, error: unknown) => void;
}

export interface ApiContext {
  runtime: DurableRuntime;
  /** GetExecutionHistory's merged views, kept while the API serves. */
  histories: MergedHistories;
  syncTimeoutMs: number;
  onInternalError: (operation: string, error: unknown) => void;
}

export type ResponseBody = { [member: string]: unknown };

export type Operation = (api: ApiContext, body: RequestBody) => Promise<ResponseBody>;

export function apiContext(runtime: DurableRuntime, options: ApiOptions = {}): ApiContext {
  return {
    runtime,
    histories: new MergedHistories(runtime),
    syncTimeoutMs: options.syncTimeoutMs ?? 300_000,
    onInternalError:
      options.onInternalError ??
      ((operation, error) => process.stderr.write(`Quickstep API ${operation}: ${String(error)}\n`)),
  };
}
