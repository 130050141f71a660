import type { BatchResult, QueueRecord } from './queue-types.js';

/**
 * The message ids to keep, read as Lambda reads ReportBatchItemFailures: no result or no
 * list means all succeeded; an identifier that names no message of the batch fails it all.
 */
export function failedMessageIds<T>(result: BatchResult | undefined, batch: QueueRecord<T>[]): Set<string> {
  const all = new Set(batch.map((record) => record.messageId));
  const failedIds: unknown = result?.failedIds;
  if (failedIds === undefined || failedIds === null) return new Set();
  if (!Array.isArray(failedIds)) return all;
  const failed = new Set<string>();
  for (const id of failedIds) {
    if (typeof id !== 'string' || !all.has(id)) return all;
    failed.add(id);
  }
  return failed;
}
