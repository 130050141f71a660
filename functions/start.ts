/**
 * The start function: starts executions from the start queue (messages from other services
 * and from the EventBridge rules declared per state machine) and from a direct invoke, each
 * `{"stateMachine", "name"?, "input"?}`. A direct invoke returns `{executionArn, startDate}`.
 */
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import {
  isPermanentStartError,
  parseStartBody,
  readStartRequest,
  startFromRequest,
} from '../src/adapters/aws/entry/start-request.js';
import { type AwsServices, awsServices } from '../src/adapters/aws/wiring/aws-services.js';
import { meterRuntime, standardMiddleware } from './lib/middleware.js';
import { type Observability, errorFields, observability } from './lib/observability.js';
import { sqsBatchHandler } from './lib/sqs-batch.js';

type StartEvent = SQSEvent | { stateMachine?: unknown; name?: unknown; input?: unknown };
type StartResult = SQSBatchResponse | { executionArn: string; startDate: number };

export function createStartHandler(services: () => AwsServices, obs: Observability = observability) {
  const { logger } = obs;
  const handleRecord = async (record: SQSRecord): Promise<void> => {
    try {
      const request = parseStartBody(record.body);
      const started = await startFromRequest(services().runtime, request);
      logger.info('execution started', { executionId: started.executionArn, sqsMessageId: record.messageId });
    } catch (error) {
      // A start that can never succeed is kept (after the retries, in the start DLQ) and said so.
      const permanent = isPermanentStartError(error);
      logger.error(permanent ? 'start refused' : 'start failed; it will be retried', {
        sqsMessageId: record.messageId,
        ...errorFields(error),
      });
      throw error;
    }
  };
  const batch = sqsBatchHandler(handleRecord);
  const start = async (event: StartEvent, context: Context): Promise<StartResult> => {
    if ('Records' in event && Array.isArray(event.Records)) return batch(event as SQSEvent, context);
    const started = await startFromRequest(services().runtime, readStartRequest(event));
    logger.info('execution started', { executionId: started.executionArn });
    return started;
  };
  return middy(start).use(standardMiddleware(obs)).use(meterRuntime(services, obs));
}

export const handler = createStartHandler(awsServices);
