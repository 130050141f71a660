/**
 * An SQS-triggered handler with partial batch responses (ReportBatchItemFailures) through
 * Powertools' batch processor: a record that throws is reported and redelivered alone, the
 * rest are deleted.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type RecordHandler = (record: SQSRecord) => Promise<void>;

export function sqsBatchHandler(
  recordHandler: RecordHandler,
): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
  // A processor per invocation: it holds the batch's state, and an invocation must never see
  // another's (Lambda runs one at a time per container; the embedded queue runs several).
  return (event, context) =>
    processPartialResponse(event, recordHandler, new BatchProcessor(EventType.SQS), {
      context,
      throwOnFullBatchFailure: false,
    });
}
