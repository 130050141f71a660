import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../../src/engine/types.js';
import type { ExecutionStore } from '../../../src/runtime/ports.js';
import { historyEvent, useStore } from './store-fixtures.js';

const h = useStore('store-history');

async function readAll(store: ExecutionStore, id: string, reverse: boolean) {
  const events: HistoryEvent[] = [];
  const pageSizes: number[] = [];
  let nextToken: string | undefined;
  do {
    const page = await store.getHistory(id, { reverse, limit: 100, nextToken });
    events.push(...page.items);
    pageSizes.push(page.items.length);
    nextToken = page.nextToken;
  } while (nextToken);
  return { events, pageSizes };
}

describe('history', () => {
  const id = 'ex-thousand';
  const events = Array.from({ length: 1000 }, (_, i) =>
    historyEvent(i + 1, { index: i, note: `event ${i + 1}` }),
  );

  it('pages forward through 1,000 events, each exactly once and in order', async () => {
    // Written as the runtime does, a step's worth at a time, out of order across steps.
    const steps = Array.from({ length: 40 }, (_, s) => events.slice(s * 25, s * 25 + 25)).reverse();
    await Promise.all(steps.map((step) => h.store.putHistory(id, step)));
    const { events: read, pageSizes } = await readAll(h.store, id, false);
    expect(pageSizes).toEqual(Array(10).fill(100));
    expect(read).toStrictEqual(events);
  });

  it('pages in reverse, newest first', async () => {
    const { events: read, pageSizes } = await readAll(h.store, id, true);
    expect(pageSizes).toEqual(Array(10).fill(100));
    expect(read).toStrictEqual([...events].reverse());
  });

  it('is idempotent: putting events again adds no duplicates', async () => {
    await h.store.putHistory(id, events.slice(500, 600));
    await h.store.putHistory(id, [events[0], events[0]]);
    const { events: read } = await readAll(h.store, id, false);
    expect(read).toHaveLength(1000);
  });

  it('a short history fits one page without a token', async () => {
    await h.store.putHistory('ex-short', [historyEvent(1), historyEvent(2)]);
    expect(await h.store.getHistory('ex-short')).toStrictEqual({ items: [historyEvent(1), historyEvent(2)] });
    expect(await h.store.getHistory('ex-none')).toStrictEqual({ items: [] });
  });

  it('rejects a token it did not issue, or one from another execution', async () => {
    await expect(h.store.getHistory(id, { nextToken: 'not-a-token' })).rejects.toMatchObject({
      code: 'InvalidToken',
    });
    const page = await h.store.getHistory(id, { limit: 10 });
    await expect(h.store.getHistory('ex-short', { nextToken: page.nextToken })).rejects.toMatchObject({
      code: 'InvalidToken',
    });
  });
});
