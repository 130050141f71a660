/**
 * The advance function: each advance-queue message moves its execution one step (DESIGN.md,
 * "Advancing an execution"). A message that fails is reported alone and redelivered; after the
 * queue's maximum receives it reaches the dead-letter function.
 */
import middy from '@middy/core';
import type { SQSRecord } from 'aws-lambda';
import { advanceRecord } from '../src/adapters/aws/entry/advance-record.js';
import { type AwsServices, awsServices } from '../src/adapters/aws/wiring/aws-services.js';
import { meterRuntime, standardMiddleware } from './lib/middleware.js';
import { type Observability, errorFields, observability } from './lib/observability.js';
import { sqsBatchHandler } from './lib/sqs-batch.js';

export function createAdvanceHandler(services: () => AwsServices, obs: Observability = observability) {
  const { logger } = obs;
  const handleRecord = async (record: SQSRecord): Promise<void> => {
    try {
      const { message, applied, reason } = await advanceRecord(services().runtime, record.body);
      logger.debug('advance message handled', {
        executionId: message.executionId,
        messageId: message.messageId,
        event: message.event.type,
        applied,
        reason,
      });
    } catch (error) {
      logger.error('advance message failed; it will be redelivered', {
        sqsMessageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        ...executionOf(record.body),
        ...errorFields(error),
      });
      throw error;
    }
  };
  return middy(sqsBatchHandler(handleRecord)).use(standardMiddleware(obs)).use(meterRuntime(services, obs));
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
