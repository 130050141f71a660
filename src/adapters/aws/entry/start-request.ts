/**
 * Starts from outside the API (DESIGN.md, Starts): a start-queue message or a direct invoke,
 * `{"stateMachine": "...", "name"?: "...", "input"?: <any JSON>}`. A start that a redelivery
 * repeats after its execution ended (same name, same input) is the same start, not an error.
 */
import { type Json, isJsonObject } from '../../../asl/json.js';
import { executionArn } from '../../../runtime/arn.js';
import { QuickstepError } from '../../../runtime/errors.js';
import type { DurableRuntime } from '../../../runtime/durable/runtime.js';

export interface StartRequest {
  stateMachine: string;
  name?: string;
  input: string;
}

/** A start message that can never succeed: wrong shape. */
export function invalidStart(detail: string): QuickstepError {
  return new QuickstepError('InvalidStartRequest', `Invalid start request: ${detail}`);
}

export function readStartRequest(value: unknown): StartRequest {
  if (!isJsonObject(value as Json)) throw invalidStart('expected {"stateMachine", "name"?, "input"?}');
  const { stateMachine, name, input } = value as { [key: string]: Json };
  if (typeof stateMachine !== 'string' || stateMachine === '')
    throw invalidStart('"stateMachine" must name a state machine (name or ARN)');
  if (name !== undefined && name !== null && typeof name !== 'string')
    throw invalidStart('"name" must be a string');
  return {
    stateMachine,
    name: typeof name === 'string' ? name : undefined,
    input: JSON.stringify(input === undefined ? {} : input),
  };
}

export function parseStartBody(body: string): StartRequest {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw invalidStart(`the message body is not JSON (${(error as Error).message})`);
  }
  return readStartRequest(value);
}

export async function startFromRequest(
  runtime: DurableRuntime,
  request: StartRequest,
): Promise<{ executionArn: string; startDate: number }> {
  try {
    return await runtime.startExecution(request);
  } catch (error) {
    if (!(error instanceof QuickstepError) || error.code !== 'ExecutionAlreadyExists' || !request.name)
      throw error;
    const machine = request.stateMachine.split(':').pop() ?? '';
    const { region, account } = runtime.settings;
    const existing = await runtime.describeExecution(executionArn(machine, request.name, region, account));
    if (JSON.stringify(existing.snapshot.execution.input) !== JSON.stringify(JSON.parse(request.input)))
      throw error;
    return { executionArn: existing.id, startDate: existing.startDate };
  }
}

/** Errors that no retry can fix: the message is kept (dead-letter queue), not retried forever. */
export function isPermanentStartError(error: unknown): boolean {
  return error instanceof QuickstepError;
}
