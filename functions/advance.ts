/**
 * The advance function: each advance-queue message moves its execution one step (DESIGN.md,
 * "Advancing an execution"); children's reports to one parent in the batch share one commit.
 * A message that fails is reported alone and redelivered; after the queue's maximum receives
 * it reaches the dead-letter function.
 */
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { advanceBatch } from '../src/adapters/aws/entry/advance-batch.js';
import { type AwsServices, awsServices } from '../src/adapters/aws/wiring/aws-services.js';
import { meterRuntime, standardMiddleware } from './lib/middleware.js';
import { type Observability, errorFields, observability } from './lib/observability.js';

export function createAdvanceHandler(services: () => AwsServices, obs: Observability = observability) {
  const { logger } = obs;
  const onFailed = (record: SQSRecord, error: unknown): void => {
    logger.error('advance message failed; it will be redelivered', {
      sqsMessageId: record.messageId,
      receiveCount: record.attributes.ApproximateReceiveCount,
      ...executionOf(record.body),
      ...errorFields(error),
    });
  };
  // Not Powertools' per-record batch processor: children's reports to one parent are folded
  // into one commit, which needs the whole batch at once.
  const handleSqsBatch = async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const failures = await advanceBatch(services().runtime, event.Records, {
      onHandled: ({ message }) =>
        logger.debug('advance message handled', {
          executionId: message.executionId,
          messageId: message.messageId,
          event: message.event.type,
        }),
      onFailed,
    });
    return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
  };
  return middy(handleSqsBatch).use(standardMiddleware(obs)).use(meterRuntime(services, obs));
}

/** The execution id of a body, when it has one: logs name the execution even for a failure. */
function executionOf(body: string): { executionId?: string } {
  try {
    const { executionId } = JSON.parse(body) as { executionId?: unknown };
    return typeof executionId === 'string' ? { executionId } : {};
  } catch {
    return {};
  }
}

export const handler = createAdvanceHandler(awsServices);
