/**
 * An advance message as an SQS body: its JSON. A body that is not an advance message (a
 * hand-sent or truncated message) is a PoisonMessageError: retrying cannot help, and after
 * the queue's maximum receives it reaches the dead-letter queue.
 */
import { isJsonObject } from '../../../asl/json.js';
import type { AdvanceMessage } from '../../../runtime/ports.js';

export class PoisonMessageError extends Error {
  constructor(detail: string) {
    super(`Not an advance message: ${detail}`);
    this.name = 'PoisonMessageError';
  }
}

export function encodeAdvanceMessage(message: AdvanceMessage): string {
  return JSON.stringify(message);
}

export function decodeAdvanceMessage(body: string): AdvanceMessage {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new PoisonMessageError(`the body is not JSON (${(error as Error).message})`);
  }
  if (!isJsonObject(value)) throw new PoisonMessageError('the body is not a JSON object');
  const { messageId, executionId, event, dueTime } = value;
  if (typeof messageId !== 'string' || typeof executionId !== 'string')
    throw new PoisonMessageError('messageId and executionId must be strings');
  if (!isJsonObject(event) || typeof event.type !== 'string')
    throw new PoisonMessageError('event must be an object with a type');
  if (dueTime !== undefined && typeof dueTime !== 'number')
    throw new PoisonMessageError('dueTime must be a number');
  return value as unknown as AdvanceMessage;
}
