/**
 * The runtime's MessageQueue on SQS: advance messages as JSON bodies, timers as DelaySeconds
 * (at most 900; longer waits hop, see runtime/durable/messages.ts), sent in batches.
 */
import type { SendMessageBatchRequestEntry, SQSClient } from '@aws-sdk/client-sqs';
import type { AdvanceMessage, MessageQueue } from '../../../runtime/ports.js';
import { encodeAdvanceMessage } from './advance-message-codec.js';
import { type SendBatchOptions, sendMessageBatches } from './send-batch.js';

export interface SqsQueueOptions extends SendBatchOptions {
  client: SQSClient;
  queueUrl: string;
}

export class SqsQueue implements MessageQueue {
  constructor(private readonly options: SqsQueueOptions) {}

  async send(messages: { message: AdvanceMessage; delaySeconds?: number }[]): Promise<void> {
    const entries: SendMessageBatchRequestEntry[] = messages.map(({ message, delaySeconds }, index) => ({
      Id: String(index),
      MessageBody: encodeAdvanceMessage(message),
      DelaySeconds: delaySeconds && delaySeconds > 0 ? Math.min(900, Math.ceil(delaySeconds)) : undefined,
    }));
    const { client, queueUrl } = this.options;
    await sendMessageBatches(client, queueUrl, entries, this.options);
  }
}
