/**
 * At-least-once delivery with chaos: duplicated and reordered deliveries, reproducible from
 * a seed, and nothing lost at scale.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../src/runtime/memory/seeded-random.js';
import { bodies, recordingQueue } from './helpers.js';

async function deliverySequence(seed: number, options: { duplicate?: number; reorder?: number }) {
  const random = seededRandom(seed);
  const { queue, deliveries } = recordingQueue({ ...options, random, batchSize: 5 });
  await queue.send(bodies(40));
  await queue.idle();
  await queue.stop();
  return { sequence: deliveries.map((d) => d.receiptHandle), deliveries, counters: queue.counters };
}

describe('duplicate', () => {
  it('delivers some messages twice, each under its own receipt handle', async () => {
    const { deliveries, counters } = await deliverySequence(7, { duplicate: 0.3 });
    expect(counters.duplicated).toBeGreaterThan(0);
    expect(counters.received).toBe(40 + counters.duplicated);
    expect(counters.deleted).toBe(counters.received);
    const perBody = new Map<string, number>();
    for (const d of deliveries) perBody.set(d.body, (perBody.get(d.body) ?? 0) + 1);
    expect(perBody.size).toBe(40);
    expect([...perBody.values()].filter((n) => n === 2)).toHaveLength(counters.duplicated);
    expect(new Set(deliveries.map((d) => d.receiptHandle)).size).toBe(deliveries.length);
  });
});

describe('reorder', () => {
  it('delivers later messages before earlier ones', async () => {
    const { deliveries } = await deliverySequence(7, { reorder: 0.5 });
    const order = deliveries.map((d) => Number(d.body.slice(1)));
    expect(order).not.toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(40);
  });

  it('keeps the send order without chaos', async () => {
    const { deliveries } = await deliverySequence(7, {});
    expect(deliveries.map((d) => d.body)).toEqual(bodies(40).map((b) => b.message));
  });
});

describe('reproducibility', () => {
  it('gives the same delivery sequence for the same seed, and another for another seed', async () => {
    const chaos = { duplicate: 0.2, reorder: 0.5 };
    const first = await deliverySequence(42, chaos);
    const again = await deliverySequence(42, chaos);
    const other = await deliverySequence(43, chaos);
    expect(again.sequence).toEqual(first.sequence);
    expect(other.sequence).not.toEqual(first.sequence);
  });
});

describe('at scale', () => {
  it('delivers each of 10,000 messages at least once through chaos and failures', async () => {
    const failures = seededRandom(99);
    const { queue, deliveries } = recordingQueue(
      { duplicate: 0.1, reorder: 0.3, random: seededRandom(5), maxReceiveCount: 10 },
      () => failures() < 0.05,
    );
    await queue.send(bodies(10_000).map((b, i) => ({ ...b, delaySeconds: i % 7 === 0 ? 900 : 0 })));
    await queue.idle();
    await queue.stop();
    expect(new Set(deliveries.map((d) => d.body)).size).toBe(10_000);
    const { sent, received, deleted, deadLettered, duplicated } = queue.counters;
    expect({ sent, deadLettered }).toEqual({ sent: 10_000, deadLettered: 0 });
    expect(deleted).toBe(10_000 + duplicated);
    expect(received).toBeGreaterThan(deleted);
  });
});
