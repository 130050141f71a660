/**
 * The clocks the queue waits on: a virtual clock moves only forward and only when told, and
 * wakes its sleepers in due order; the real clock sleeps with setTimeout (faked here).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RealClock } from '../../../../src/adapters/local/clock/real-clock.js';
import { VirtualClock } from '../../../../src/adapters/local/clock/virtual-clock.js';
import { T0, settle } from './helpers.js';

describe('VirtualClock', () => {
  it('starts at the given time and never goes backwards', () => {
    const clock = new VirtualClock(T0);
    expect(clock.now()).toBe(T0);
    clock.advanceTo(T0 + 5000);
    clock.advanceTo(T0 + 1000);
    expect(clock.now()).toBe(T0 + 5000);
    clock.advanceBy(500);
    expect(clock.now()).toBe(T0 + 5500);
    expect(() => clock.advanceTo(Number.NaN)).toThrow(/finite/);
  });

  it('wakes sleepers when time reaches theirs, in due order', async () => {
    const clock = new VirtualClock(T0);
    const woken: string[] = [];
    void clock.sleepUntil(T0 + 300).then(() => woken.push('300'));
    void clock.sleepUntil(T0 + 100).then(() => woken.push('100'));
    void clock.sleepUntil(T0 + 200).then(() => woken.push('200'));
    await settle(1);
    expect(woken).toEqual([]);
    clock.advanceTo(T0 + 200);
    await settle(1);
    expect(woken).toEqual(['100', '200']);
    clock.advanceTo(T0 + 300);
    await settle(1);
    expect(woken).toEqual(['100', '200', '300']);
  });

  it('resolves a sleep at once when its time has passed or its signal aborts', async () => {
    const clock = new VirtualClock(T0);
    await clock.sleepUntil(T0 - 1);
    const controller = new AbortController();
    const sleeping = clock.sleepUntil(T0 + 60_000, controller.signal);
    controller.abort();
    await sleeping;
    expect(clock.now()).toBe(T0);
    expect(clock.pendingSleepers).toBe(0);
  });

  it('jumps to the time when a consumer has nothing to do before it', async () => {
    const clock = new VirtualClock(T0);
    await clock.idleUntil(T0 + 2 * 86_400_000);
    expect(clock.now()).toBe(T0 + 2 * 86_400_000);
  });

  it('forgets abandoned sleepers rather than keeping them until their time', async () => {
    const clock = new VirtualClock(T0);
    const live = clock.sleepUntil(T0 + 10);
    for (let i = 0; i < 1000; i++) {
      const controller = new AbortController();
      const sleeping = clock.sleepUntil(T0 + 1_000_000 + i, controller.signal);
      controller.abort();
      await sleeping;
    }
    expect(clock.pendingSleepers).toBe(1);
    clock.advanceTo(T0 + 10);
    await live;
  });
});

describe('RealClock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads Date.now and sleeps with setTimeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 });
    const clock = new RealClock();
    expect(clock.now()).toBe(T0);
    let done = false;
    const sleeping = clock.sleepUntil(T0 + 1000).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(done).toBe(true);
  });

  it('ends a sleep early when its signal aborts, and idleUntil sleeps too', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 });
    const clock = new RealClock();
    const controller = new AbortController();
    const sleeping = clock.idleUntil(T0 + 60_000, controller.signal);
    controller.abort();
    await sleeping;
    expect(clock.now()).toBe(T0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
