/**
 * One record of the advance dead-letter queue (I6): its execution fails with States.Runtime
 * and publishes its event; then the message is kept in the archive queue, with what was done,
 * so nothing is silently lost. A body that is no advance message has no execution to fail: it
 * is archived as it is.
 */
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DurableRuntime } from '../../../runtime/durable/runtime.js';
import { PoisonMessageError, decodeAdvanceMessage } from '../sqs/advance-message-codec.js';
import { sendMessageBatches } from '../sqs/send-batch.js';

export interface DeadLetterOutcome {
  executionId?: string;
  failedExecution: boolean;
  reason: string;
}

export interface DeadLetterContext {
  runtime: DurableRuntime;
  /** The advance queue's maxReceiveCount: how often the message was tried before. */
  maxReceiveCount: number;
  archive?: { client: SQSClient; queueUrl: string };
}

export async function deadLetterRecord(context: DeadLetterContext, body: string): Promise<DeadLetterOutcome> {
  const outcome = await failExecution(context, body);
  if (context.archive) {
    const { client, queueUrl } = context.archive;
    await sendMessageBatches(client, queueUrl, [
      {
        Id: '0',
        MessageBody: body,
        MessageAttributes: {
          'quickstep-outcome': { DataType: 'String', StringValue: outcome.reason.slice(0, 1000) },
        },
      },
    ]);
  }
  return outcome;
}

async function failExecution(context: DeadLetterContext, body: string): Promise<DeadLetterOutcome> {
  try {
    const message = decodeAdvanceMessage(body);
    const result = await context.runtime.handleDeadLetter(message, context.maxReceiveCount);
    return {
      executionId: message.executionId,
      failedExecution: result.applied,
      reason: result.applied ? 'execution failed with States.Runtime' : `nothing to fail: ${result.reason}`,
    };
  } catch (error) {
    if (!(error instanceof PoisonMessageError)) throw error;
    return { failedExecution: false, reason: error.message };
  }
}
