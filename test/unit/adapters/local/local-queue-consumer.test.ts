/**
 * The queue's consumer: idle() tells when nothing more can happen, concurrency bounds the
 * batches in flight, stop() ends the loop, and the same loop runs on the real clock.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RealClock } from '../../../../src/adapters/local/clock/real-clock.js';
import { VirtualClock } from '../../../../src/adapters/local/clock/virtual-clock.js';
import { LocalQueue } from '../../../../src/adapters/local/queue/local-queue.js';
import { T0, bodies, deferred, recordingQueue, settle } from './helpers.js';

function tracked(promise: Promise<void>): { settled: () => boolean } {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  return { settled: () => done };
}

describe('idle()', () => {
  it('resolves at once on an empty queue, started or not', async () => {
    const queue = new LocalQueue<string>(new VirtualClock(T0));
    await queue.idle();
    expect(queue.isIdle).toBe(true);
  });

  it('waits while a handler runs, even when no message is left to receive', async () => {
    const clock = new VirtualClock(T0);
    const queue = new LocalQueue<string>(clock);
    const release = deferred();
    queue.start(async () => {
      await release.promise;
      return { failedIds: [] };
    });
    await queue.send([{ message: 'a' }]);
    const idle = tracked(queue.idle());
    await settle();
    expect(idle.settled()).toBe(false);
    release.resolve();
    await settle();
    expect(idle.settled()).toBe(true);
    await queue.stop();
  });

  it('waits for delayed messages and for the follow-ups that handlers send', async () => {
    const clock = new VirtualClock(T0);
    const queue = new LocalQueue<number>(clock);
    const seen: [number, number][] = [];
    queue.start(async (batch) => {
      for (const { body } of batch) {
        seen.push([body, clock.now() - T0]);
        if (body < 4) await queue.send([{ message: body + 1, delaySeconds: 60 }]);
      }
      return { failedIds: [] };
    });
    await queue.send([{ message: 0 }]);
    await queue.idle();
    expect(seen).toEqual([
      [0, 0],
      [1, 60_000],
      [2, 120_000],
      [3, 180_000],
      [4, 240_000],
    ]);
    await queue.stop();
  });

  it('does not resolve while a delayed message waits for a clock moved by hand', async () => {
    const { queue, clock } = recordingQueue({ advanceClock: false });
    await queue.send([{ message: 'a', delaySeconds: 10 }]);
    const idle = tracked(queue.idle());
    await settle();
    expect(idle.settled()).toBe(false);
    clock.advanceBy(10_000);
    await settle();
    expect(idle.settled()).toBe(true);
    await queue.stop();
  });
});

describe('concurrency and batching', () => {
  it('keeps at most `concurrency` batches in flight, each at most `batchSize` long', async () => {
    const clock = new VirtualClock(T0);
    const queue = new LocalQueue<string>(clock, { concurrency: 3, batchSize: 2 });
    let inFlight = 0;
    let peak = 0;
    const sizes: number[] = [];
    const releases: (() => void)[] = [];
    queue.start(async (batch) => {
      sizes.push(batch.length);
      peak = Math.max(peak, ++inFlight);
      const release = deferred();
      releases.push(release.resolve);
      await release.promise;
      inFlight--;
      return { failedIds: [] };
    });
    await queue.send(bodies(15));
    for (let round = 0; round < 20 && queue.counters.deleted < 15; round++) {
      await settle();
      expect(inFlight).toBeLessThanOrEqual(3);
      for (const release of releases.splice(0)) release();
    }
    await queue.idle();
    expect(peak).toBe(3);
    expect(sizes.every((size) => size <= 2)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(15);
    await queue.stop();
  });

  it('hands the first batch over after start() returns', async () => {
    const queue = new LocalQueue<string>(new VirtualClock(T0));
    await queue.send([{ message: 'a' }]);
    let called = false;
    queue.start(async () => {
      called = true;
      return { failedIds: [] };
    });
    expect(called).toBe(false);
    await queue.idle();
    expect(called).toBe(true);
    await queue.stop();
  });
});

describe('stop()', () => {
  it('ends the loop: later messages stay queued until the consumer starts again', async () => {
    const { queue, deliveries } = recordingQueue();
    await queue.send([{ message: 'a' }]);
    await queue.idle();
    await queue.stop();
    await queue.send([{ message: 'b' }]);
    await settle();
    expect(deliveries.map((d) => d.body)).toEqual(['a']);
    expect(queue.isIdle).toBe(false);
    expect(() => queue.start(async () => ({ failedIds: [] }))).not.toThrow();
    await queue.idle();
    await queue.stop();
  });

  it('refuses a second start while running', async () => {
    const { queue } = recordingQueue();
    expect(() => queue.start(async () => ({ failedIds: [] }))).toThrow(/already started/);
    await queue.stop();
  });
});

describe('on the real clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sleeps until a delayed message is due (timers faked)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 });
    const queue = new LocalQueue<string>(new RealClock());
    const seen: number[] = [];
    queue.start(async () => {
      seen.push(Date.now() - T0);
      return { failedIds: [] };
    });
    await queue.send([{ message: 'a', delaySeconds: 2 }]);
    await settle();
    await vi.advanceTimersByTimeAsync(1999);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await queue.idle();
    expect(seen).toEqual([2000]);
    await queue.stop();
  });
});
