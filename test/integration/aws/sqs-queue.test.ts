/**
 * The SQS queue adapter. No SQS emulator exists here: the SDK mock (aws-sdk-client-mock) is
 * what covers it — the requests are asserted as SQS would receive them.
 */
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  PoisonMessageError,
  decodeAdvanceMessage,
} from '../../../src/adapters/aws/sqs/advance-message-codec.js';
import { SqsQueue } from '../../../src/adapters/aws/sqs/sqs-queue.js';
import type { AdvanceMessage } from '../../../src/runtime/ports.js';

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/quickstep-dev-AdvanceQueue';
const client = new SQSClient({ region: 'us-east-1' });
const sqs = mockClient(client);
const queue = new SqsQueue({ client, queueUrl: QUEUE_URL, backoffMs: () => 0 });

const message = (n: number, extra: Partial<AdvanceMessage> = {}): AdvanceMessage => ({
  messageId: `arn:exec#${n}#c`,
  executionId: 'arn:exec',
  event: { type: 'Advance', seq: n },
  ...extra,
});
const ok = { Successful: [], Failed: [] };
const sent = () => sqs.commandCalls(SendMessageBatchCommand).map((call) => call.args[0].input);

beforeEach(() => sqs.reset());

describe('SqsQueue', () => {
  it('sends advance messages as JSON bodies, timers as DelaySeconds, ten to a request', async () => {
    sqs.on(SendMessageBatchCommand).resolves(ok);
    const messages = Array.from({ length: 12 }, (_, n) => ({
      message: message(n),
      delaySeconds: n === 0 ? 120 : undefined,
    }));
    await queue.send(messages);
    const requests = sent();
    expect(requests.map((r) => r.Entries?.length)).toEqual([10, 2]);
    expect(requests[0].QueueUrl).toBe(QUEUE_URL);
    const first = requests[0].Entries![0];
    expect(first.DelaySeconds).toBe(120);
    expect(requests[0].Entries![1].DelaySeconds).toBeUndefined();
    expect(decodeAdvanceMessage(first.MessageBody!)).toEqual(message(0));
  });

  it('keeps each request under SQS 1 MiB', async () => {
    sqs.on(SendMessageBatchCommand).resolves(ok);
    const big = 'x'.repeat(400 * 1024);
    const event = { type: 'TaskSucceeded' as const, waitId: 'w', output: big };
    await queue.send([0, 1, 2].map((n) => ({ message: message(n, { event }) })));
    expect(sent().map((r) => r.Entries?.length)).toEqual([2, 1]);
  });

  it('sends again only the entries SQS reports as failed', async () => {
    sqs
      .on(SendMessageBatchCommand)
      .resolvesOnce({
        Successful: [{ Id: '0', MessageId: 'a', MD5OfMessageBody: '' }],
        Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false }],
      })
      .resolves(ok);
    await queue.send([{ message: message(0) }, { message: message(1) }]);
    expect(sent().map((r) => r.Entries?.map((e) => e.Id))).toEqual([['0', '1'], ['1']]);
  });

  it('throws when SQS refuses an entry as the sender fault, or keeps failing it', async () => {
    sqs
      .on(SendMessageBatchCommand)
      .resolves({ Successful: [], Failed: [{ Id: '0', Code: 'InvalidParameterValue', SenderFault: true }] });
    await expect(queue.send([{ message: message(0) }])).rejects.toThrow(/InvalidParameterValue/);
    expect(sent()).toHaveLength(1);
    sqs.reset();
    sqs
      .on(SendMessageBatchCommand)
      .resolves({ Successful: [], Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false }] });
    await expect(queue.send([{ message: message(0) }])).rejects.toThrow(/InternalError/);
    expect(sent()).toHaveLength(4);
  });
});

describe('advance message bodies', () => {
  it.each(['not json', '[]', '{"messageId": 1}', '{"messageId": "m", "executionId": "e", "event": {}}'])(
    'rejects %s as a poison message',
    (body) => {
      expect(() => decodeAdvanceMessage(body)).toThrow(PoisonMessageError);
    },
  );
});
