/**
 * A large Map on the in-memory driver: MaxConcurrency holds at every moment (watched from the
 * driver's own state as the run goes), the join happens exactly once, results keep item order.
 */
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/asl/index.js';
import type { MemoryDriver } from '../../../src/runtime/memory/memory-driver.js';
import { EXECUTION_ID, count, historyOf, makeDriver, snapshotOf, startRun, typesOf } from './helpers.js';

function mapMachine(maxConcurrency: number) {
  return {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemsPath: '$.items',
        MaxConcurrency: maxConcurrency,
        ItemProcessor: {
          StartAt: 'Work',
          States: {
            Work: {
              Type: 'Task',
              Resource: 'arn:aws:lambda:us-east-1:123456789012:function:work',
              ResultPath: '$.worked',
              Next: 'Pause',
            },
            Pause: { Type: 'Wait', SecondsPath: '$.delay', Next: 'Emit' },
            Emit: { Type: 'Pass', Parameters: { 'id.$': '$.id', 'worked.$': '$.worked' }, End: true },
          },
        },
        ResultPath: '$.results',
        OutputPath: '$.results',
        End: true,
      },
    },
  };
}

/** Watches the number of running children of the top-level execution after every history event. */
function watchConcurrency(getDriver: () => MemoryDriver | undefined) {
  const seen = { peak: 0, samples: 0 };
  const prefix = `${EXECUTION_ID}/`;
  const onHistoryEvent = () => {
    const driver = getDriver();
    if (!driver) return;
    let running = 0;
    for (const [id, snapshot] of driver.executions) {
      if (id.startsWith(prefix) && snapshot.status === 'RUNNING') running++;
    }
    seen.samples++;
    seen.peak = Math.max(seen.peak, running);
  };
  return { seen, onHistoryEvent };
}

describe('Map on the in-memory driver', () => {
  it('1,000 items with MaxConcurrency 10: at most 10 children running, one join, results in order', async () => {
    const items: Json[] = Array.from({ length: 1000 }, (_, i) => ({ id: i, delay: (i * 7) % 13 }));
    const calls: number[] = [];
    let driver: MemoryDriver | undefined;
    const watch = watchConcurrency(() => driver);
    driver = makeDriver(
      mapMachine(10),
      {
        work: (event) => {
          const { id } = event as { id: number };
          calls.push(id);
          return { squared: id * id };
        },
      },
      { onHistoryEvent: watch.onHistoryEvent },
    );
    await startRun(driver, { items });
    await driver.runUntilIdle();

    expect(snapshotOf(driver).status).toBe('SUCCEEDED');
    expect(snapshotOf(driver).output).toEqual(
      Array.from({ length: 1000 }, (_, i) => ({ id: i, worked: { squared: i * i } })),
    );
    expect(watch.seen.samples).toBeGreaterThan(1000);
    expect(watch.seen.peak).toBeLessThanOrEqual(10);
    expect(watch.seen.peak).toBeGreaterThanOrEqual(5);
    expect([...calls].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));

    const types = typesOf(driver);
    expect(count(types, 'MapStateStarted')).toBe(1);
    expect(count(types, 'MapIterationStarted')).toBe(1000);
    expect(count(types, 'MapIterationSucceeded')).toBe(1000);
    expect(count(types, 'MapStateSucceeded')).toBe(1);
    expect(count(types, 'ExecutionSucceeded')).toBe(1);
    const succeededIndexes = historyOf(driver)
      .filter((event) => event.type === 'MapIterationSucceeded')
      .map((event) => event.details?.index as number);
    expect(new Set(succeededIndexes).size).toBe(1000);
    expect(driver.executions.size).toBe(1001);
  });

  it('the running count reaches the limit and never passes it, for several limits', async () => {
    for (const limit of [1, 3, 7]) {
      const items: Json[] = Array.from({ length: 40 }, (_, i) => ({ id: i, delay: (i * 5) % 7 }));
      let driver: MemoryDriver | undefined;
      const watch = watchConcurrency(() => driver);
      driver = makeDriver(mapMachine(limit), { work: () => 'ok' }, { onHistoryEvent: watch.onHistoryEvent });
      await startRun(driver, { items });
      await driver.runUntilIdle();
      expect(snapshotOf(driver).status).toBe('SUCCEEDED');
      expect(watch.seen.peak, `MaxConcurrency ${limit}`).toBe(limit);
    }
  });

  it('MaxConcurrency 0 means no limit: all items start together', async () => {
    const items: Json[] = Array.from({ length: 50 }, (_, i) => ({ id: i, delay: 1 }));
    let driver: MemoryDriver | undefined;
    const watch = watchConcurrency(() => driver);
    driver = makeDriver(mapMachine(0), { work: () => 'ok' }, { onHistoryEvent: watch.onHistoryEvent });
    await startRun(driver, { items });
    await driver.runUntilIdle();
    expect(snapshotOf(driver).status).toBe('SUCCEEDED');
    expect(watch.seen.peak).toBe(50);
  });
});
