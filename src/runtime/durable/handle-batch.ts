/**
 * One queue batch of advance messages, as the embedded queue and the AWS advance function both
 * hand it over: children's reports to one parent are folded into one commit (fold-reports.ts),
 * groups run concurrently (the store coalesces their history writes), and a failure sends back
 * only the message that failed. After a failed fold the rest go on: if the fold had committed,
 * the next call finds its messages applied and repairs the outbox at once.
 */
import type { AdvanceMessage } from '../ports.js';
import { foldGroups } from './fold-reports.js';
import type { HandleResult } from './runtime-context.js';

/** What the batch needs of the runtime (DurableRuntime has both). */
export interface AdvanceHandler {
  handleMessage(message: AdvanceMessage): Promise<HandleResult>;
  foldMessages(messages: AdvanceMessage[]): Promise<number>;
}

export interface BatchCallbacks<T> {
  /** Each record handled (applied or dropped). */
  onHandled?: (record: T) => void;
  /** A record that failed: it is reported, and the queue redelivers it. */
  onFailed?: (record: T, error: unknown) => void;
}

/** Returns the records that failed. */
export async function handleBatch<T>(
  runtime: AdvanceHandler,
  records: T[],
  messageOf: (record: T) => AdvanceMessage,
  callbacks: BatchCallbacks<T> = {},
): Promise<T[]> {
  const failed: T[] = [];
  const leading = async (rest: T[]): Promise<number> => {
    if (rest.length > 1) return runtime.foldMessages(rest.map(messageOf));
    await runtime.handleMessage(messageOf(rest[0]));
    return 1;
  };
  await Promise.all(
    foldGroups(records, messageOf).map(async (group) => {
      let rest = group;
      while (rest.length > 0) {
        try {
          const handled = await leading(rest);
          for (const record of rest.slice(0, handled)) callbacks.onHandled?.(record);
          rest = rest.slice(handled);
        } catch (error) {
          failed.push(rest[0]);
          callbacks.onFailed?.(rest[0], error);
          rest = rest.slice(1);
        }
      }
    }),
  );
  return failed;
}
