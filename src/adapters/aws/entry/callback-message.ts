/**
 * A callback-queue message from an external system, instead of an API call:
 * `{"taskToken", "output"}` (SendTaskSuccess), `{"taskToken", "error"?, "cause"?}`
 * (SendTaskFailure) or `{"taskToken", "heartbeat": true}` (SendTaskHeartbeat). A callback the
 * runtime refuses (unknown, late or repeated token, bad output) is answered once and for all:
 * it is reported, not retried — a redelivered success must not turn into an error.
 */
import { type Json, isJsonObject } from '../../../asl/json.js';
import { QuickstepError } from '../../../runtime/errors.js';
import type { DurableRuntime } from '../../../runtime/durable/runtime.js';

export type CallbackOutcome =
  | { accepted: true; kind: string }
  | { accepted: false; kind: string; error: QuickstepError };

export async function applyCallback(runtime: DurableRuntime, body: string): Promise<CallbackOutcome> {
  let message: Json;
  try {
    message = JSON.parse(body) as Json;
  } catch (error) {
    return refused('invalid', `the body is not JSON (${(error as Error).message})`);
  }
  if (!isJsonObject(message) || typeof message.taskToken !== 'string')
    return refused('invalid', 'expected {"taskToken", "output"} or {"taskToken", "error", "cause"}');
  const { taskToken, output, error, cause, heartbeat } = message;
  const kind = heartbeat === true ? 'heartbeat' : output !== undefined ? 'success' : 'failure';
  try {
    if (kind === 'heartbeat') await runtime.sendTaskHeartbeat(taskToken);
    else if (kind === 'success') await runtime.sendTaskSuccess(taskToken, JSON.stringify(output));
    else await runtime.sendTaskFailure(taskToken, optionalText(error), optionalText(cause));
    return { accepted: true, kind };
  } catch (thrown) {
    if (thrown instanceof QuickstepError) return { accepted: false, kind, error: thrown };
    throw thrown;
  }
}

function optionalText(value: Json | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function refused(kind: string, detail: string): CallbackOutcome {
  return {
    accepted: false,
    kind,
    error: new QuickstepError('InvalidCallback', `Invalid callback: ${detail}`),
  };
}
