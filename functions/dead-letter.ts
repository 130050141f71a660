/**
 * The dead-letter function (I6): a message the advance function could not process after the
 * queue's maximum receives fails its execution with States.Runtime, visibly (status event,
 * history), and is kept in the dead-letter archive queue.
 */
import type { SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import type { SQSRecord } from 'aws-lambda';
import { deadLetterRecord } from '../src/adapters/aws/entry/dead-letter-record.js';
import { type AwsServices, awsServices } from '../src/adapters/aws/wiring/aws-services.js';
import { meterRuntime, standardMiddleware } from './lib/middleware.js';
import { type Observability, errorFields, observability } from './lib/observability.js';
import { sqsBatchHandler } from './lib/sqs-batch.js';

export function createDeadLetterHandler(services: () => AwsServices, obs: Observability = observability) {
  const { logger } = obs;
  const handleRecord = async (record: SQSRecord): Promise<void> => {
    const { runtime, environment, clients } = services();
    try {
      const { archiveQueueUrl, maxReceiveCount } = environment;
      const sqs: SQSClient = clients.sqs;
      const archive = archiveQueueUrl ? { client: sqs, queueUrl: archiveQueueUrl } : undefined;
      const outcome = await deadLetterRecord({ runtime, maxReceiveCount, archive }, record.body);
      logger.error('dead letter handled', { sqsMessageId: record.messageId, ...outcome });
    } catch (error) {
      logger.error('dead letter failed; it will be retried', {
        sqsMessageId: record.messageId,
        ...errorFields(error),
      });
      throw error;
    }
  };
  return middy(sqsBatchHandler(handleRecord)).use(standardMiddleware(obs)).use(meterRuntime(services, obs));
}

export const handler = createDeadLetterHandler(awsServices);
