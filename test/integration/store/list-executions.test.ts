import { describe, expect, it } from 'vitest';
import type { ExecutionStatus } from '../../../src/engine/types.js';
import type { ExecutionSummary, ExecutionStore } from '../../../src/runtime/ports.js';
import { executionRecord, nextRecord, useStore } from './store-fixtures.js';

const h = useStore('store-list-executions');

const STATUSES: ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED'];
const T0 = 1_700_000_000_000;

async function listAll(store: ExecutionStore, options: { status?: ExecutionStatus; limit: number }) {
  const items: ExecutionSummary[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await store.listExecutions({ stateMachineName: 'listed', ...options, nextToken });
    expect(page.items.length).toBeLessThanOrEqual(options.limit);
    items.push(...page.items);
    nextToken = page.nextToken;
    pages++;
  } while (nextToken);
  return { items, pages };
}

describe('listExecutions', () => {
  // 250 executions a second apart; status cycles so that each status matches a third.
  const records = Array.from({ length: 250 }, (_, i) =>
    executionRecord({
      stateMachineName: 'listed',
      name: `run-${String(i).padStart(3, '0')}`,
      status: STATUSES[i % 3],
      startDate: T0 + i * 1000,
      ...(i % 3 === 0 ? {} : { stopDate: T0 + i * 1000 + 500 }),
    }),
  );
  const newestFirst = [...records].reverse();

  it('lists newest first across pages, each execution exactly once', async () => {
    for (let i = 0; i < records.length; i += 50) {
      await Promise.all(records.slice(i, i + 50).map((r) => h.store.createExecution(r)));
    }
    // Neither children nor another state machine's executions are listed.
    const child = executionRecord({
      id: `${records[0].id}/w/0`,
      stateMachineName: 'listed',
      parentId: records[0].id,
    });
    await h.store.createExecution(child);
    await h.store.createExecution(executionRecord({ stateMachineName: 'other', name: 'elsewhere' }));

    const { items, pages } = await listAll(h.store, { limit: 25 });
    expect(pages).toBe(10);
    expect(items.map((s) => s.id)).toEqual(newestFirst.map((r) => r.id));
    expect(items[0]).toStrictEqual({
      id: records[249].id,
      stateMachineName: 'listed',
      name: 'run-249',
      status: 'RUNNING',
      startDate: T0 + 249_000,
    });
    expect(items[1]).toStrictEqual({
      id: records[248].id,
      stateMachineName: 'listed',
      name: 'run-248',
      status: 'FAILED',
      startDate: T0 + 248_000,
      stopDate: T0 + 248_500,
    });
  });

  it('filters by status across pages without skipping or repeating', async () => {
    for (const status of STATUSES) {
      const { items } = await listAll(h.store, { status, limit: 25 });
      const expected = newestFirst.filter((r) => r.status === status).map((r) => r.id);
      expect(expected.length).toBeGreaterThanOrEqual(83);
      expect(items.map((s) => s.id)).toEqual(expected);
      expect(items.every((s) => s.status === status)).toBe(true);
    }
  });

  it('odd page sizes with a filter still cover every match once', async () => {
    const { items } = await listAll(h.store, { status: 'FAILED', limit: 7 });
    expect(items.map((s) => s.id)).toEqual(newestFirst.filter((r) => r.status === 'FAILED').map((r) => r.id));
  });

  it('follows status changes: a commit moves an execution between filters', async () => {
    const running = records[3];
    await h.store.commitExecution(nextRecord(running, { status: 'ABORTED', stopDate: T0 + 9_999_000 }), 0);
    const aborted = await h.store.listExecutions({ stateMachineName: 'listed', status: 'ABORTED' });
    expect(aborted.items.map((s) => s.id)).toEqual([running.id]);
    expect(aborted.nextToken).toBeUndefined();
    const stillRunning = await listAll(h.store, { status: 'RUNNING', limit: 100 });
    expect(stillRunning.items.map((s) => s.id)).not.toContain(running.id);
  });

  it('an unknown state machine lists nothing; a token from another listing is refused', async () => {
    expect(await h.store.listExecutions({ stateMachineName: 'nobody' })).toStrictEqual({ items: [] });
    const page = await h.store.listExecutions({ stateMachineName: 'listed', limit: 5 });
    const foreign = h.store.listExecutions({ stateMachineName: 'other', nextToken: page.nextToken });
    await expect(foreign).rejects.toMatchObject({ code: 'InvalidToken' });
  });
});
