/** Shared by the local adapter tests: a recording consumer and ways to let the loop run. */
import { VirtualClock } from '../../../../src/adapters/local/clock/virtual-clock.js';
import { LocalQueue } from '../../../../src/adapters/local/queue/local-queue.js';
import type { LocalQueueOptions, QueueRecord } from '../../../../src/adapters/local/queue/queue-types.js';

export const T0 = Date.UTC(2024, 0, 1);

export interface Delivery {
  body: string;
  at: number;
  receiveCount: number;
  receiptHandle: string;
}

/** Lets the queue's loop take its turns (microtasks and a few macrotasks), in no real time. */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * A queue on a virtual clock whose handler records every delivery and fails the bodies that
 * `fails` says to fail (by body and receive count).
 */
export function recordingQueue(
  options: LocalQueueOptions<string> = {},
  fails: (body: string, receiveCount: number) => boolean = () => false,
) {
  const clock = new VirtualClock(T0);
  const queue = new LocalQueue<string>(clock, options);
  const deliveries: Delivery[] = [];
  const batches: string[][] = [];
  queue.start(async (batch: QueueRecord<string>[]) => {
    batches.push(batch.map((record) => record.body));
    for (const { body, receiveCount, receiptHandle } of batch) {
      deliveries.push({ body, at: clock.now() - T0, receiveCount, receiptHandle });
    }
    const failed = batch.filter((record) => fails(record.body, record.receiveCount));
    return { failedIds: failed.map((record) => record.messageId) };
  });
  return { clock, queue, deliveries, batches };
}

export function bodies(count: number, prefix = 'm'): { message: string }[] {
  return Array.from({ length: count }, (_, i) => ({ message: `${prefix}${i}` }));
}

/** A promise with its resolve function, for handlers that the test releases by hand. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
