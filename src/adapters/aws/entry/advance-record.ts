/** One advance-queue record: decode the message, advance its execution. Faults throw (redelivery). */
import type { DurableRuntime } from '../../../runtime/durable/runtime.js';
import type { AdvanceMessage } from '../../../runtime/ports.js';
import { decodeAdvanceMessage } from '../sqs/advance-message-codec.js';

export interface AdvanceOutcome {
  message: AdvanceMessage;
  applied: boolean;
  reason?: string;
}

export async function advanceRecord(runtime: DurableRuntime, body: string): Promise<AdvanceOutcome> {
  const message = decodeAdvanceMessage(body);
  const result = await runtime.handleMessage(message);
  return { message, ...result };
}
