/**
 * Counts the advance queue's sends as SQS would bill them: each `send` call of the runtime is
 * SendMessageBatch requests of at most 10 messages, and every 64 KB of a request's payload is
 * one more billed request. Wraps the queue instance's `send`; the runtime holds the same object.
 */
import type { LocalQueue } from '../src/adapters/local/queue/local-queue.js';
import type { AdvanceMessage } from '../src/runtime/ports.js';

const BATCH = 10;
const CHUNK_BYTES = 64 * 1024;

export interface SendCounts {
  /** Messages sent, and those sent with a delay (timers, timer hops, repair sentinels). */
  messages: number;
  delayed: number;
  /** Billed SendMessageBatch requests. */
  requests: number;
  bytes: number;
}

export const emptySendCounts = (): SendCounts => ({ messages: 0, delayed: 0, requests: 0, bytes: 0 });

export class QueueMeter {
  counts = emptySendCounts();

  attach(queue: LocalQueue<AdvanceMessage>): void {
    const send = queue.send.bind(queue);
    queue.send = (messages) => {
      this.record(messages);
      return send(messages);
    };
  }

  reset(): SendCounts {
    const counts = this.counts;
    this.counts = emptySendCounts();
    return counts;
  }

  private record(messages: { message: AdvanceMessage; delaySeconds?: number }[]): void {
    for (let i = 0; i < messages.length; i += BATCH) {
      const batch = messages.slice(i, i + BATCH);
      const bytes = batch.reduce((sum, m) => sum + Buffer.byteLength(JSON.stringify(m.message), 'utf8'), 0);
      this.counts.requests += Math.max(1, Math.ceil(bytes / CHUNK_BYTES));
      this.counts.bytes += bytes;
    }
    this.counts.messages += messages.length;
    this.counts.delayed += messages.filter((m) => (m.delaySeconds ?? 0) > 0).length;
  }
}
