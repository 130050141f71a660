/**
 * The callback function: other systems complete `.waitForTaskToken` tasks by sending
 * `{"taskToken", "output"}` or `{"taskToken", "error", "cause"}` to the callback queue instead of
 * calling SendTaskSuccess / SendTaskFailure. A callback the runtime refuses (late, repeated,
 * unknown token) is logged and not retried; an infrastructure fault is retried.
 */
import middy from '@middy/core';
import type { SQSRecord } from 'aws-lambda';
import { applyCallback } from '../src/adapters/aws/entry/callback-message.js';
import { type AwsServices, awsServices } from '../src/adapters/aws/wiring/aws-services.js';
import { meterRuntime, standardMiddleware } from './lib/middleware.js';
import { type Observability, errorFields, observability } from './lib/observability.js';
import { sqsBatchHandler } from './lib/sqs-batch.js';

export function createCallbackHandler(services: () => AwsServices, obs: Observability = observability) {
  const { logger } = obs;
  const handleRecord = async (record: SQSRecord): Promise<void> => {
    try {
      const outcome = await applyCallback(services().runtime, record.body);
      if (outcome.accepted)
        logger.info('callback applied', { kind: outcome.kind, sqsMessageId: record.messageId });
      else
        logger.warn('callback refused', {
          kind: outcome.kind,
          sqsMessageId: record.messageId,
          error: outcome.error.code,
          errorMessage: outcome.error.message,
        });
    } catch (error) {
      logger.error('callback failed; it will be retried', {
        sqsMessageId: record.messageId,
        ...errorFields(error),
      });
      throw error;
    }
  };
  return middy(sqsBatchHandler(handleRecord)).use(standardMiddleware(obs)).use(meterRuntime(services, obs));
}

export const handler = createCallbackHandler(awsServices);
