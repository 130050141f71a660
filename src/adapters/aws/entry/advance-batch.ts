/**
 * One advance-queue batch, as SQS hands it to the advance function: each record decoded (an
 * undecodable one is a failure of its own), then the batch handled as the embedded queue
 * handles it (children's reports to one parent folded into one commit, handle-batch.ts).
 * Returns the SQS message ids to report as failures (ReportBatchItemFailures).
 */
import type { SQSRecord } from 'aws-lambda';
import type { DurableRuntime } from '../../../runtime/durable/runtime.js';
import { handleBatch } from '../../../runtime/durable/handle-batch.js';
import type { AdvanceMessage } from '../../../runtime/ports.js';
import { decodeAdvanceMessage } from '../sqs/advance-message-codec.js';

export interface DecodedRecord {
  record: SQSRecord;
  message: AdvanceMessage;
}

export interface AdvanceBatchCallbacks {
  onHandled(decoded: DecodedRecord): void;
  onFailed(record: SQSRecord, error: unknown): void;
}

export async function advanceBatch(
  runtime: DurableRuntime,
  records: SQSRecord[],
  callbacks: AdvanceBatchCallbacks,
): Promise<string[]> {
  const failures: string[] = [];
  const decoded: DecodedRecord[] = [];
  for (const record of records) {
    try {
      decoded.push({ record, message: decodeAdvanceMessage(record.body) });
    } catch (error) {
      callbacks.onFailed(record, error);
      failures.push(record.messageId);
    }
  }
  const failed = await handleBatch(runtime, decoded, (entry) => entry.message, {
    onHandled: callbacks.onHandled,
    onFailed: (entry, error) => callbacks.onFailed(entry.record, error),
  });
  return [...failures, ...failed.map((entry) => entry.record.messageId)];
}
