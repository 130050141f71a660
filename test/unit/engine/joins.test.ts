/**
 * Parallel and Map joins: children start within MaxConcurrency, every completion is
 * recorded once, the set joins exactly once with results in order, a failure stops the
 * running siblings and fails the state once, and Map's tolerated failures apply.
 */
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/asl/index.js';
import { step } from '../../../src/engine/index.js';
import type { EngineEvent, Effect } from '../../../src/engine/types.js';
import { type AppliedDecision, StepHarness } from './harness.js';
import { EXECUTION_ID, deepFreeze, definitionOf, lastEffect, startAndAdvance, testEnv } from './helpers.js';

type StartChildren = Extract<Effect, { type: 'StartChildren' }>;

function count(types: string[], type: string): number {
  return types.filter((t) => t === type).length;
}

/** Replays the applied decisions and returns the most children of `parentId` running at once. */
function peakConcurrency(applied: AppliedDecision[], parentId: string) {
  const ids = new Map<number, string>();
  const running = new Set<string>();
  let peakFromParent = 0;
  let childrenAlive = 0;
  let peakAlive = 0;
  for (const entry of applied) {
    if (entry.executionId === parentId) {
      if (entry.event.type === 'ChildCompleted') running.delete(ids.get(entry.event.index)!);
      for (const effect of entry.decision.effects) {
        if (effect.type !== 'StartChildren') continue;
        for (const child of effect.children) {
          expect(ids.has(child.index), `child ${child.index} started twice`).toBe(false);
          ids.set(child.index, child.id);
          running.add(child.id);
        }
      }
      peakFromParent = Math.max(peakFromParent, running.size);
    } else if (entry.executionId.startsWith(`${parentId}/`)) {
      if (entry.event.type === 'Start') childrenAlive++;
      if (entry.decision.effects.some((effect) => effect.type === 'Finish')) childrenAlive--;
      peakAlive = Math.max(peakAlive, childrenAlive);
    }
  }
  return { peakFromParent, peakAlive, started: ids.size };
}

describe('Parallel', () => {
  const definition = definitionOf({
    StartAt: 'Both',
    States: {
      Both: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'A', States: { A: { Type: 'Pass', Result: 'a', End: true } } },
          { StartAt: 'B', States: { B: { Type: 'Pass', Result: 'b', End: true } } },
          { StartAt: 'C', States: { C: { Type: 'Pass', Result: 'c', End: true } } },
        ],
        End: true,
      },
    },
  });

  it('starts one child per branch on the same input, with ids {parent}/{wait}/{index}', async () => {
    const trail = await startAndAdvance(definition, { x: 1 }, testEnv());
    const start = lastEffect(trail, 'StartChildren');
    const phase = trail.snapshot.position?.phase;
    expect(phase?.kind).toBe('children');
    expect(start.waitId).toBe((phase as { waitId: string }).waitId);
    expect(start.children.map((child) => [child.index, child.id, child.input])).toEqual([
      [0, `${EXECUTION_ID}/${start.waitId}/0`, { x: 1 }],
      [1, `${EXECUTION_ID}/${start.waitId}/1`, { x: 1 }],
      [2, `${EXECUTION_ID}/${start.waitId}/2`, { x: 1 }],
    ]);
    expect(new Set(start.children.map((child) => child.machineId)).size).toBe(3);
    for (const child of start.children) {
      expect(child.parent).toEqual({ executionId: EXECUTION_ID, waitId: start.waitId, index: child.index });
    }
  });

  it('joins once, results in branch order whatever the completion order', async () => {
    const env = testEnv();
    const trail = await startAndAdvance(definition, {}, env);
    const { waitId } = lastEffect(trail, 'StartChildren');
    let snapshot = trail.snapshot;
    const types: string[] = [];
    const applied: boolean[] = [];
    for (const index of [2, 0, 2, 1, 0]) {
      const event: EngineEvent = {
        type: 'ChildCompleted',
        waitId,
        index,
        outcome: { status: 'SUCCEEDED', output: `out-${index}` },
      };
      const decision = await step(definition, deepFreeze(snapshot), event, env);
      applied.push(decision.ignored === undefined);
      types.push(...decision.events.map((e) => e.type));
      snapshot = decision.snapshot;
    }
    expect(applied).toEqual([true, true, false, true, false]);
    expect(types).toEqual(['ParallelStateSucceeded', 'ParallelStateExited', 'ExecutionSucceeded']);
    expect(snapshot).toMatchObject({ status: 'SUCCEEDED', output: ['out-0', 'out-1', 'out-2'] });
  });

  it('a failed branch fails the state once and stops the branches still running', async () => {
    const env = testEnv();
    const trail = await startAndAdvance(definition, {}, env);
    const start = lastEffect(trail, 'StartChildren');
    const failure: EngineEvent = {
      type: 'ChildCompleted',
      waitId: start.waitId,
      index: 1,
      outcome: { status: 'FAILED', error: 'Branch.Broke', cause: 'b failed' },
    };
    const first = await step(
      definition,
      deepFreeze(trail.snapshot),
      { ...failure, index: 0, outcome: { status: 'SUCCEEDED', output: 'a' } } as EngineEvent,
      env,
    );
    const failed = await step(definition, deepFreeze(first.snapshot), failure, env);
    expect(failed.events.map((event) => event.type)).toEqual(['ParallelStateFailed', 'ExecutionFailed']);
    expect(failed.snapshot).toMatchObject({ status: 'FAILED', error: 'Branch.Broke', cause: 'b failed' });
    const stopped = failed.effects
      .filter((effect) => effect.type === 'StopChildren')
      .flatMap((effect) => effect.childIds);
    expect(new Set(stopped)).toEqual(new Set([start.children[2].id]));
    const late: EngineEvent = { ...failure, index: 2, outcome: { status: 'SUCCEEDED', output: 'c' } };
    expect((await step(definition, deepFreeze(failed.snapshot), late, env)).ignored).toEqual(
      expect.any(String),
    );
  });
});

describe('Map with MaxConcurrency', () => {
  const definition = definitionOf({
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemsPath: '$.items',
        MaxConcurrency: 10,
        ItemProcessor: {
          StartAt: 'Pause',
          States: {
            Pause: { Type: 'Wait', SecondsPath: '$.delay', Next: 'Emit' },
            Emit: { Type: 'Pass', OutputPath: '$.id', End: true },
          },
        },
        End: true,
      },
    },
  });
  const items = Array.from({ length: 1000 }, (_, i) => ({ id: `item-${i}`, delay: (i * 37) % 11 }));

  it('1,000 items, MaxConcurrency 10: never more than 10 running, one join, results in order', async () => {
    const harness = await new StepHarness(definition, { checkJson: false }).start({ items });
    await harness.run();
    expect(harness.root.status).toBe('SUCCEEDED');
    expect(harness.root.output).toEqual(items.map((item) => item.id));

    const { peakFromParent, peakAlive, started } = peakConcurrency(harness.applied, EXECUTION_ID);
    expect(started).toBe(1000);
    expect(peakFromParent).toBe(10);
    expect(peakAlive).toBeLessThanOrEqual(10);
    expect(peakAlive).toBeGreaterThan(1);

    const history = harness.history();
    const types = history.map((event) => event.type);
    expect(count(types, 'MapStateStarted')).toBe(1);
    expect(count(types, 'MapIterationStarted')).toBe(1000);
    expect(count(types, 'MapIterationSucceeded')).toBe(1000);
    expect(count(types, 'MapStateSucceeded')).toBe(1);
    expect(count(types, 'MapStateExited')).toBe(1);
    const indexes = (type: string) =>
      history
        .filter((event) => event.type === type)
        .map((event) => event.details?.index as number)
        .sort((a, b) => a - b);
    expect(indexes('MapIterationSucceeded')).toEqual(items.map((_, i) => i));
    expect(indexes('MapIterationStarted')).toEqual(items.map((_, i) => i));
    expect(history.find((event) => event.type === 'MapStateStarted')?.details).toMatchObject({
      length: 1000,
    });
    // Iterations completed out of order (the delays differ), so the order of results is the join's work.
    const completion = history.filter((e) => e.type === 'MapIterationSucceeded').map((e) => e.details?.index);
    expect(completion).not.toEqual([...completion].sort((a, b) => (a as number) - (b as number)));
  });

  it('each completion launches the next item, in index order', async () => {
    const env = testEnv();
    const trail = await startAndAdvance(definition, { items: items.slice(0, 12) }, env);
    const start = lastEffect(trail, 'StartChildren');
    expect(start.children.map((child) => child.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const done = await step(
      definition,
      deepFreeze(trail.snapshot),
      {
        type: 'ChildCompleted',
        waitId: start.waitId,
        index: 4,
        outcome: { status: 'SUCCEEDED', output: 'x' },
      },
      env,
    );
    const next = done.effects.filter((effect): effect is StartChildren => effect.type === 'StartChildren');
    expect(next.flatMap((effect) => effect.children.map((child) => [child.index, child.input]))).toEqual([
      [10, items[10]],
    ]);
    const duplicate = await step(
      definition,
      deepFreeze(done.snapshot),
      {
        type: 'ChildCompleted',
        waitId: start.waitId,
        index: 4,
        outcome: { status: 'SUCCEEDED', output: 'x' },
      },
      env,
    );
    expect(duplicate.ignored).toEqual(expect.any(String));
    expect(duplicate.effects).toEqual([]);
  });

  it('an empty array succeeds at once with [] and starts no child', async () => {
    const harness = await new StepHarness(definition).start({ items: [] }).run();
    expect(harness.root).toMatchObject({ status: 'SUCCEEDED', output: [] });
    expect(harness.snapshots.size).toBe(1);
  });
});

describe('a failing Map iteration', () => {
  function failingMap(extra: Record<string, unknown> = {}, next?: Record<string, unknown>) {
    return definitionOf({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'Check',
            States: {
              Check: {
                Type: 'Choice',
                Choices: [{ Variable: '$.bad', BooleanEquals: true, Next: 'Broken' }],
                Default: 'Slow',
              },
              Broken: { Type: 'Fail', Error: 'Item.Bad', Cause: 'bad item' },
              Slow: { Type: 'Wait', Seconds: 10, End: true },
            },
          },
          ...extra,
          ...(next ? { Next: 'After' } : { End: true }),
        },
        ...(next ? { After: next } : {}),
      },
    });
  }
  const items = (bad: number[], length = 5): Json =>
    Array.from({ length }, (_, i) => ({ i, bad: bad.includes(i) }));

  it('stops its running siblings and fails the Map once', async () => {
    const harness = await new StepHarness(failingMap()).start(items([2])).run();
    expect(harness.root).toMatchObject({ status: 'FAILED', error: 'Item.Bad', cause: 'bad item' });
    const types = harness.history().map((event) => event.type);
    expect(count(types, 'MapStateFailed')).toBe(1);
    expect(count(types, 'MapIterationFailed')).toBe(1);
    expect(count(types, 'MapIterationSucceeded')).toBe(0);
    expect(count(types, 'ExecutionFailed')).toBe(1);
    expect(types.at(-1)).toBe('ExecutionFailed');

    const failure = harness.applied.find(
      (entry) => entry.executionId === EXECUTION_ID && entry.event.type === 'ChildCompleted',
    )!;
    const stopped = failure.decision.effects
      .filter((effect) => effect.type === 'StopChildren')
      .flatMap((effect) => effect.childIds);
    const siblings = [0, 1, 3, 4].map(
      (i) => `${EXECUTION_ID}/${failure.event.type === 'ChildCompleted' ? failure.event.waitId : ''}/${i}`,
    );
    expect(new Set(stopped)).toEqual(new Set(siblings));
    for (const id of siblings) expect(harness.snapshots.get(id)?.status).toBe('ABORTED');
  });

  it('two failing iterations still fail the Map once; the second completion is ignored', async () => {
    const harness = await new StepHarness(failingMap()).start(items([1, 3])).run();
    const types = harness.history().map((event) => event.type);
    expect(count(types, 'MapStateFailed')).toBe(1);
    expect(count(types, 'ExecutionFailed')).toBe(1);
    const parentDeliveries = harness.deliveries.filter(
      (d) => d.message.executionId === EXECUTION_ID && d.message.event.type === 'ChildCompleted',
    );
    expect(parentDeliveries.map((d) => d.ignored === undefined)).toEqual([true, false]);
  });

  it('with a Catch, the Map is left through the catcher and stopped siblings never report', async () => {
    const harness = await new StepHarness(
      failingMap(
        { Catch: [{ ErrorEquals: ['Item.Bad'], ResultPath: '$', Next: 'After' }] },
        { Type: 'Pass', End: true },
      ),
    )
      .start(items([0]))
      .run();
    expect(harness.root).toMatchObject({
      status: 'SUCCEEDED',
      output: { Error: 'Item.Bad', Cause: 'bad item' },
    });
    const types = harness.history().map((event) => event.type);
    expect(count(types, 'MapStateFailed')).toBe(1);
    expect(count(types, 'MapIterationSucceeded')).toBe(0);
  });

  it('with a Retry, the Map restarts with fresh children; the old ones are stale', async () => {
    let attempt = 0;
    const definition = definitionOf({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'Work',
            States: {
              Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:w', End: true },
            },
          },
          Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 1, MaxAttempts: 1 }],
          End: true,
        },
      },
    });
    const harness = await new StepHarness(definition, {
      tasks: {
        Work: (call) => {
          attempt++;
          return attempt === 1
            ? { ok: false, error: 'Flaky', cause: '' }
            : { ok: true, output: call.parameters };
        },
      },
    })
      .start([1, 2])
      .run();
    expect(harness.root).toMatchObject({ status: 'SUCCEEDED', output: [1, 2] });
    const childIds = [...harness.snapshots.keys()].filter((id) => id !== EXECUTION_ID);
    expect(childIds).toHaveLength(4);
    const types = harness.history().map((event) => event.type);
    // MapStateFailed marks the state's failure once no retrier takes it: not here.
    expect(count(types, 'MapStateFailed')).toBe(0);
    expect(count(types, 'MapIterationFailed')).toBe(1);
    expect(count(types, 'MapStateSucceeded')).toBe(1);
    expect(count(types, 'MapIterationSucceeded')).toBe(2);
    // The first attempt's surviving child finished before its Stop arrived: its completion is stale.
    const stale = harness.deliveries.filter(
      (d) => d.message.executionId === EXECUTION_ID && d.ignored !== undefined,
    );
    expect(stale.map((d) => d.message.event.type)).toEqual(['ChildCompleted']);
  });
});

describe('nested joins', () => {
  it('a failing iteration of an outer Map stops every running descendant, grandchildren too', async () => {
    const definition = definitionOf({
      StartAt: 'Outer',
      States: {
        Outer: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'Check',
            States: {
              Check: {
                Type: 'Choice',
                Choices: [{ Variable: '$.bad', BooleanEquals: true, Next: 'Broken' }],
                Default: 'Inner',
              },
              Broken: { Type: 'Fail', Error: 'Outer.Bad', Cause: 'bad' },
              Inner: {
                Type: 'Map',
                ItemsPath: '$.parts',
                ItemProcessor: {
                  StartAt: 'Long',
                  States: { Long: { Type: 'Wait', Seconds: 100, End: true } },
                },
                End: true,
              },
            },
          },
          End: true,
        },
      },
    });
    const input: Json = [
      { bad: false, parts: [1, 2] },
      { bad: false, parts: [3] },
      { bad: true, parts: [] },
    ];
    const harness = await new StepHarness(definition).start(input).run();
    expect(harness.root).toMatchObject({ status: 'FAILED', error: 'Outer.Bad' });
    const descendants = [...harness.snapshots.entries()].filter(([id]) => id !== EXECUTION_ID);
    // 3 outer iterations and 3 inner ones.
    expect(descendants).toHaveLength(6);
    const statuses = descendants.map(([, snapshot]) => snapshot.status).sort();
    expect(statuses).toEqual(['ABORTED', 'ABORTED', 'ABORTED', 'ABORTED', 'ABORTED', 'FAILED']);
    // The grandchildren's 100 s timers fired after the stop and changed nothing.
    const late = harness.deliveries.filter((d) => d.message.event.type === 'TimerFired');
    expect(late.length).toBe(3);
    for (const delivery of late) expect(delivery.ignored).toEqual(expect.any(String));
  });
});

describe('tolerated failures', () => {
  function tolerantMap(tolerance: Record<string, unknown>) {
    return definitionOf({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ...tolerance,
          ItemProcessor: {
            StartAt: 'Check',
            States: {
              Check: {
                Type: 'Choice',
                Choices: [{ Variable: '$.bad', BooleanEquals: true, Next: 'Broken' }],
                Default: 'Fine',
              },
              Broken: { Type: 'Fail', Error: 'Item.Bad', Cause: 'bad item' },
              Fine: { Type: 'Pass', OutputPath: '$.i', End: true },
            },
          },
          End: true,
        },
      },
    });
  }
  const items = (bad: number[]): Json => [0, 1, 2, 3].map((i) => ({ i, bad: bad.includes(i) }));

  it.each([
    [{ ToleratedFailureCount: 1 }, [2], 'SUCCEEDED'],
    [{ ToleratedFailureCount: 1 }, [0, 2], 'FAILED'],
    [{ ToleratedFailurePercentage: 50 }, [1, 3], 'SUCCEEDED'],
    [{ ToleratedFailurePercentage: 50 }, [0, 1, 3], 'FAILED'],
    [{ ToleratedFailureCount: 0 }, [3], 'FAILED'],
  ])('%j with failing items %j → %s', async (tolerance, bad, status) => {
    const harness = await new StepHarness(tolerantMap(tolerance)).start(items(bad)).run();
    expect(harness.root.status).toBe(status);
    const types = harness.history().map((event) => event.type);
    if (status === 'FAILED') {
      expect(harness.root.error).toBe('States.ExceedToleratedFailureThreshold');
      expect(count(types, 'MapStateFailed')).toBe(1);
      expect(count(types, 'MapStateSucceeded')).toBe(0);
    } else {
      expect(count(types, 'MapStateSucceeded')).toBe(1);
      expect(count(types, 'MapIterationFailed')).toBe(bad.length);
      const output = harness.root.output as Json[];
      expect(output).toHaveLength(4);
      for (const i of [0, 1, 2, 3].filter((i) => !bad.includes(i))) expect(output[i]).toBe(i);
    }
  });
});
