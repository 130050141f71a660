/**
 * A Map of 1,000 items with MaxConcurrency 10 on the durable runtime: it joins exactly once,
 * records 1,000 MapIterationStarted and 1,000 MapIterationSucceeded, returns the results in
 * item order, and never has more than 10 iterations RUNNING at once — watched on the store's
 * own writes (a child counts from the write that creates it until the write that ends it) and
 * replayed from the parent's history in event order.
 */
import { describe, expect, it } from 'vitest';
import { countOf, fullHistory } from './history.js';
import { pureHandlers, type Scenario } from './machines.js';
import { withRig } from './rig.js';
import { runOnRig } from './run.js';

const ITEMS = 1000;
const LIMIT = 10;

const thousand: Scenario = {
  name: 'Map of 1,000',
  input: { items: Array.from({ length: ITEMS }, (_, i) => i) },
  definition: {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemsPath: '$.items',
        MaxConcurrency: LIMIT,
        ItemSelector: { 'value.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index' },
        ItemProcessor: {
          StartAt: 'Emit',
          States: {
            Emit: { Type: 'Pass', Parameters: { 'i.$': '$.index', 'v.$': '$.value' }, End: true },
          },
        },
        End: true,
      },
    },
  },
};

/** A hundred iterations that each call a task once. */
const hundredTasks: Scenario = {
  name: 'Map of 100 tasks',
  input: { items: Array.from({ length: 100 }, (_, i) => i) },
  definition: {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemsPath: '$.items',
        MaxConcurrency: LIMIT,
        ItemSelector: { 'value.$': '$$.Map.Item.Value' },
        ItemProcessor: {
          StartAt: 'Square',
          States: {
            Square: {
              Type: 'Task',
              Resource: 'arn:aws:lambda:us-east-1:123456789012:function:square',
              End: true,
            },
          },
        },
        End: true,
      },
    },
  },
};

describe('a Map of 1,000 items with MaxConcurrency 10', () => {
  it('joins exactly once, in order, never more than 10 iterations running', async () => {
    await withRig({ handlers: pureHandlers() }, async (rig) => {
      const running = new Set<string>();
      let mostRunning = 0;
      rig.store.writeListeners.push((record) => {
        if (!record.parentId) return;
        if (record.status === 'RUNNING') running.add(record.id);
        else running.delete(record.id);
        mostRunning = Math.max(mostRunning, running.size);
      });
      const started = Date.now();
      const { arn, outcome } = await runOnRig(rig, thousand, { maxMs: 110_000 });
      const took = Date.now() - started;

      expect(outcome.status).toBe('SUCCEEDED');
      const items = (thousand.input as { items: number[] }).items;
      expect(outcome.output).toEqual(items.map((i) => ({ i, v: i })));
      expect(countOf(outcome.types, 'MapStateSucceeded')).toBe(1);
      expect(countOf(outcome.types, 'MapIterationStarted')).toBe(ITEMS);
      expect(countOf(outcome.types, 'MapIterationSucceeded')).toBe(ITEMS);
      expect(countOf(outcome.types, 'ExecutionSucceeded')).toBe(1);
      expect(rig.store.created).toHaveLength(ITEMS + 1);

      expect(mostRunning, 'most iterations RUNNING at once (store writes)').toBeLessThanOrEqual(LIMIT);
      expect(mostRunning, 'iterations did run side by side').toBeGreaterThan(1);
      let open = 0;
      let mostOpen = 0;
      const iterations = new Set<number>();
      for (const event of await fullHistory(rig.runtime, arn, 500)) {
        if (event.type === 'MapIterationStarted') {
          open++;
          iterations.add(event.details?.index as number);
        }
        if (event.type === 'MapIterationSucceeded') open--;
        mostOpen = Math.max(mostOpen, open);
      }
      expect(mostOpen, 'most iterations open at once (history)').toBe(LIMIT);
      expect(iterations.size).toBe(ITEMS);
      expect(rig.unexpectedErrors).toEqual([]);
      console.info(
        `Map of ${ITEMS} (MaxConcurrency ${LIMIT}): ${took} ms, ${rig.queue?.counters.sent} messages`,
      );
    });
  }, 120_000);

  /*
   * With no fault and no duplicate delivery, each iteration's task runs once. Each parent
   * commit made by a child's completion carries the previous commit's StartChildren and
   * performs it again; a child started by that previous commit that has not moved yet gets its
   * first message sent a second time — and that copy, arriving while the child's task is being
   * invoked, invokes the task again.
   */
  it('a clean run invokes each iteration task once, with MaxConcurrency', async () => {
    let calls = 0;
    const handlers = pureHandlers();
    const square = handlers.square;
    handlers.square = (event, context) => {
      calls++;
      return square(event, context);
    };
    await withRig({ handlers }, async (rig) => {
      const { outcome } = await runOnRig(rig, hundredTasks);
      expect(outcome.status).toBe('SUCCEEDED');
      expect(outcome.output).toEqual(
        (hundredTasks.input as { items: number[] }).items.map((i) => ({ value: i * i })),
      );
      expect(calls, 'square invocations for 100 iterations').toBe(100);
    });
  }, 60_000);
});
