/**
 * SendMessageBatch with SQS's limits (10 entries, 1 MiB per request) and retries of the
 * entries SQS reports as failed. Entries that still fail after the retries, or that SQS
 * refuses as the sender's fault, throw: the caller's message is then redelivered.
 */
import {
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';

export const MAX_BATCH_ENTRIES = 10;
export const MAX_BATCH_BYTES = 1024 * 1024;
const ATTEMPTS = 4;

export interface SendBatchOptions {
  /** Before retry n (1-based): ms to wait. Exponential by default. */
  backoffMs?: (attempt: number) => number;
}

export async function sendMessageBatches(
  client: SQSClient,
  queueUrl: string,
  entries: SendMessageBatchRequestEntry[],
  options: SendBatchOptions = {},
): Promise<void> {
  for (const chunk of batches(entries)) await sendWithRetries(client, queueUrl, chunk, options);
}

/** Groups entries in order, at most 10 and 1 MiB of bodies per request. */
export function batches(entries: SendMessageBatchRequestEntry[]): SendMessageBatchRequestEntry[][] {
  const result: SendMessageBatchRequestEntry[][] = [];
  let current: SendMessageBatchRequestEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = Buffer.byteLength(entry.MessageBody ?? '', 'utf8');
    if (size > MAX_BATCH_BYTES) throw new Error(`SQS message of ${size} bytes is over SQS's 1 MiB limit`);
    if (current.length === MAX_BATCH_ENTRIES || bytes + size > MAX_BATCH_BYTES) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) result.push(current);
  return result;
}

async function sendWithRetries(
  client: SQSClient,
  queueUrl: string,
  entries: SendMessageBatchRequestEntry[],
  options: SendBatchOptions,
): Promise<void> {
  const backoff = options.backoffMs ?? ((attempt: number) => 50 * 2 ** attempt);
  let pending = entries;
  for (let attempt = 1; ; attempt++) {
    const { Failed = [] } = await client.send(
      new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: pending }),
    );
    if (Failed.length === 0) return;
    const refused = Failed.find((failure) => failure.SenderFault);
    if (refused || attempt === ATTEMPTS) {
      const failure = refused ?? Failed[0];
      throw new Error(
        `SQS did not accept ${Failed.length} message(s) for ${queueUrl}: ${failure.Code} ${failure.Message ?? ''}`,
      );
    }
    const failedIds = new Set(Failed.map((failure) => failure.Id));
    pending = pending.filter((entry) => failedIds.has(entry.Id));
    await new Promise((resolve) => setTimeout(resolve, backoff(attempt)));
  }
}
