/**
 * Commits made by an API call (start, stop, callbacks) have no queue message behind them to
 * redeliver if the caller crashes before performing the outbox. So, before such a commit, a
 * delayed message with the commit's own message id is queued: the engine never applies it,
 * but when it arrives and the record's outbox still comes from that id, the advance loop
 * performs the outbox again (I2). API-originated commits never hold a task invocation, so the
 * repeat is harmless.
 */
import type { RuntimeContext } from './runtime-context.js';

export async function sendRepairSentinel(
  context: RuntimeContext,
  executionId: string,
  messageId: string,
): Promise<void> {
  await context.ports.queue.send([
    {
      message: { messageId, executionId, event: { type: 'Advance', seq: -1 } },
      delaySeconds: context.settings.repairDelaySeconds,
    },
  ]);
}
