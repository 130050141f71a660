/**
 * SQS semantics of the local queue: delays, the visibility timeout and redelivery, partial
 * batch failures, receive counts and the dead-letter queue. Time is virtual throughout.
 */
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../../src/adapters/local/clock/virtual-clock.js';
import { LocalQueue } from '../../../../src/adapters/local/queue/local-queue.js';
import { whenAllIdle } from '../../../../src/adapters/local/queue/when-idle.js';
import type { AdvanceMessage, MessageQueue } from '../../../../src/runtime/ports.js';
import { T0, recordingQueue, settle } from './helpers.js';

describe('delays', () => {
  it('delivers a 900 s message 900 s later, jumping the virtual clock instead of waiting', async () => {
    const { queue, deliveries, clock } = recordingQueue();
    await queue.send([{ message: 'late', delaySeconds: 900 }, { message: 'now' }]);
    await queue.idle();
    expect(deliveries.map(({ body, at }) => [body, at])).toEqual([
      ['now', 0],
      ['late', 900_000],
    ]);
    expect(clock.now()).toBe(T0 + 900_000);
    await queue.stop();
  });

  it('keeps a delayed message invisible until its time when the clock is moved by hand', async () => {
    const { queue, deliveries, clock } = recordingQueue({ advanceClock: false });
    await queue.send([{ message: 'late', delaySeconds: 900 }]);
    await settle();
    clock.advanceTo(T0 + 899_999);
    await settle();
    expect(deliveries).toEqual([]);
    expect(queue.depth).toEqual({ visible: 0, hidden: 1 });
    clock.advanceTo(T0 + 900_000);
    await queue.idle();
    expect(deliveries.map((d) => d.body)).toEqual(['late']);
    await queue.stop();
  });

  it('refuses a delay SQS would refuse, and enqueues nothing of that call', async () => {
    const queue = new LocalQueue<string>(new VirtualClock(T0));
    for (const delaySeconds of [901, -1, 1.5, Number.NaN]) {
      await expect(queue.send([{ message: 'ok' }, { message: 'bad', delaySeconds }])).rejects.toThrow(
        /delaySeconds/,
      );
    }
    expect(queue.counters.sent).toBe(0);
    expect(queue.isIdle).toBe(true);
  });

  it('makes each send a new message, even with the same body, and copies the body', async () => {
    const clock = new VirtualClock(T0);
    const queue = new LocalQueue<AdvanceMessage>(clock);
    const port: MessageQueue = queue;
    const message: AdvanceMessage = {
      messageId: 'ex#1#0',
      executionId: 'ex',
      event: { type: 'TimerFired', waitId: 'w1' },
    };
    await port.send([{ message }, { message }]);
    message.executionId = 'mutated after send';
    const seen: { id: string; executionId: string }[] = [];
    queue.start(async (batch) => {
      for (const record of batch) seen.push({ id: record.messageId, executionId: record.body.executionId });
      return { failedIds: [] };
    });
    await queue.idle();
    expect(seen).toHaveLength(2);
    expect(new Set(seen.map((s) => s.id)).size).toBe(2);
    expect(seen.every((s) => s.executionId === 'ex')).toBe(true);
    await queue.stop();
  });
});

describe('visibility timeout and redelivery', () => {
  it('redelivers a failed batch when its visibility timeout ends, with receiveCount + 1', async () => {
    const { queue, deliveries } = recordingQueue({}, (_, receiveCount) => receiveCount === 1);
    await queue.send([{ message: 'a' }]);
    await queue.idle();
    expect(deliveries.map(({ at, receiveCount }) => [at, receiveCount])).toEqual([
      [0, 1],
      [30_000, 2],
    ]);
    expect(queue.counters).toMatchObject({ sent: 1, received: 2, deleted: 1, deadLettered: 0 });
    await queue.stop();
  });

  it('treats a handler that throws as a failure of the whole batch', async () => {
    const clock = new VirtualClock(T0);
    const errors: unknown[] = [];
    const queue = new LocalQueue<string>(clock, {
      visibilityTimeoutSeconds: 5,
      onHandlerError: (e) => errors.push(e),
    });
    const seen: [string, number][] = [];
    queue.start(async (batch) => {
      for (const record of batch) seen.push([record.body, clock.now() - T0]);
      if (seen.length <= 2) throw new Error('lost connection');
      return { failedIds: [] };
    });
    await queue.send([{ message: 'a' }, { message: 'b' }]);
    await queue.idle();
    expect(seen).toEqual([
      ['a', 0],
      ['b', 0],
      ['a', 5000],
      ['b', 5000],
    ]);
    expect(errors).toHaveLength(1);
    await queue.stop();
  });

  it('deletes the acknowledged messages of a batch and redelivers only the failed ones', async () => {
    const { queue, batches } = recordingQueue({}, (body, count) => body === 'b' && count === 1);
    await queue.send([{ message: 'a' }, { message: 'b' }, { message: 'c' }]);
    await queue.idle();
    expect(batches).toEqual([['a', 'b', 'c'], ['b']]);
    expect(queue.counters).toMatchObject({ received: 4, deleted: 3 });
    await queue.stop();
  });

  it('fails the whole batch when a reported id names no message of it, as Lambda does', async () => {
    const clock = new VirtualClock(T0);
    const queue = new LocalQueue<string>(clock);
    const batches: string[][] = [];
    queue.start(async (batch) => {
      batches.push(batch.map((r) => r.body));
      return { failedIds: batches.length === 1 ? ['no-such-id'] : [] };
    });
    await queue.send([{ message: 'a' }, { message: 'b' }]);
    await queue.idle();
    expect(batches).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
    await queue.stop();
  });
  it('redelivers a message whose handler outlives the visibility timeout; only the latest receipt deletes', async () => {
    const clock = new VirtualClock(T0);
    const queue = new LocalQueue<string>(clock, { advanceClock: false, visibilityTimeoutSeconds: 30 });
    const releases: (() => void)[] = [];
    const counts: number[] = [];
    queue.start(async (batch) => {
      counts.push(batch[0].receiveCount);
      await new Promise<void>((resolve) => releases.push(resolve));
      return { failedIds: [] };
    });
    await queue.send([{ message: 'slow' }]);
    await settle();
    clock.advanceBy(30_000);
    await settle();
    expect(counts).toEqual([1, 2]);
    releases[0]();
    await settle();
    expect(queue.counters.deleted).toBe(0);
    releases[1]();
    await queue.idle();
    expect(queue.counters.deleted).toBe(1);
    await queue.stop();
  });
});

describe('dead letters', () => {
  it('moves a message to the dead letters on the receive after maxReceiveCount', async () => {
    const { queue, deliveries } = recordingQueue({ maxReceiveCount: 3 }, (body) => body === 'poison');
    await queue.send([{ message: 'poison' }, { message: 'fine' }]);
    await queue.idle();
    expect(deliveries.filter((d) => d.body === 'poison').map((d) => d.receiveCount)).toEqual([1, 2, 3]);
    expect(queue.deadLetters).toEqual([
      {
        messageId: expect.any(String),
        body: 'poison',
        receiveCount: 3,
        sentTimestamp: T0,
        deadLetteredAt: T0 + 90_000,
      },
    ]);
    expect(queue.counters).toMatchObject({ sent: 2, received: 4, deleted: 1, deadLettered: 1 });
    await queue.stop();
  });

  it('forwards dead letters to a dead-letter queue that has its own consumer', async () => {
    const clock = new VirtualClock(T0);
    const dlq = new LocalQueue<string>(clock);
    const queue = new LocalQueue<string>(clock, { maxReceiveCount: 2, deadLetterQueue: dlq });
    queue.start(async (batch) => ({ failedIds: batch.map((r) => r.messageId) }));
    const deadBodies: string[] = [];
    dlq.start(async (batch) => {
      deadBodies.push(...batch.map((r) => r.body));
      return { failedIds: [] };
    });
    await queue.send([{ message: 'poison' }]);
    await whenAllIdle([queue, dlq]);
    expect(deadBodies).toEqual(['poison']);
    expect(dlq.counters).toMatchObject({ sent: 1, deleted: 1 });
    await Promise.all([queue.stop(), dlq.stop()]);
  });
});

describe('options', () => {
  it('rejects options outside SQS and Lambda limits', () => {
    const clock = new VirtualClock(T0);
    expect(() => new LocalQueue(clock, { batchSize: 0 })).toThrow(/batchSize/);
    expect(() => new LocalQueue(clock, { concurrency: 1.5 })).toThrow(/concurrency/);
    expect(() => new LocalQueue(clock, { visibilityTimeoutSeconds: 43_201 })).toThrow(/visibilityTimeout/);
    expect(() => new LocalQueue(clock, { maxReceiveCount: 0 })).toThrow(/maxReceiveCount/);
    expect(() => new LocalQueue(clock, { duplicate: 2 })).toThrow(/duplicate/);
    expect(() => new LocalQueue(clock, { reorder: -0.1 })).toThrow(/reorder/);
  });
});
