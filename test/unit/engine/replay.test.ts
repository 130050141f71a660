/**
 * Invariant I1 through a driver of our own: whatever the delivery — every message twice,
 * duplicates arriving late, a recorded message log replayed twice over, completions of
 * different children swapped — the run ends as a clean run does, with the same history: no
 * event twice, none missing.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../../src/engine/types.js';
import { type DeliveryPolicy, type Message, StepHarness, historyMultisets, resultOf } from './harness.js';
import { definitionOf } from './helpers.js';
import { type Scenario, scenarios } from './scenarios.js';

function run(scenario: Scenario, policy?: DeliveryPolicy): Promise<StepHarness> {
  const definition = definitionOf(scenario.definition);
  return new StepHarness(definition, { tasks: scenario.tasks(), policy }).start(scenario.input).run();
}

const ITERATION_EVENTS = new Set(['MapIterationStarted', 'MapIterationSucceeded', 'MapIterationFailed']);

/**
 * Histories equal as a user reads them: the same events with the same details and times, in
 * the same order — except that Map iteration events follow the order children finish, which
 * delivery may change; those must match as a set.
 */
function expectSameHistories(actual: StepHarness, expected: StepHarness): void {
  expect([...actual.histories.keys()].sort()).toEqual([...expected.histories.keys()].sort());
  expect(historyMultisets(actual)).toEqual(historyMultisets(expected));
  for (const [id, events] of expected.histories) {
    const got = actual.histories.get(id)!;
    expect(
      got.map((event) => event.id),
      `ids of ${id}`,
    ).toEqual(events.map((_, i) => i + 1));
    const strip = (list: HistoryEvent[]) =>
      list
        .filter((event) => !ITERATION_EVENTS.has(event.type))
        .map(({ type, timestamp, details }) => ({ type, timestamp, details }));
    expect(strip(got), `history of ${id}`).toEqual(strip(events));
  }
}

/**
 * Effects that must happen once per execution whatever the delivery: one Finish (I5: one
 * status event) for each ended execution, none for one still running, and each child started
 * once. Duplicates that were ignored produce no effects at all.
 */
function expectEffectsOnce(harness: StepHarness): void {
  const finishes = new Map<string, string[]>();
  const started = new Map<string, number>();
  for (const { executionId, decision } of harness.applied) {
    for (const effect of decision.effects) {
      if (effect.type === 'Finish')
        finishes.set(executionId, [...(finishes.get(executionId) ?? []), effect.status]);
      if (effect.type === 'StartChildren')
        for (const child of effect.children) started.set(child.id, (started.get(child.id) ?? 0) + 1);
    }
  }
  for (const [id, snapshot] of harness.snapshots) {
    expect(finishes.get(id) ?? [], `Finish effects of ${id}`).toEqual(
      snapshot.status === 'RUNNING' ? [] : [snapshot.status],
    );
  }
  for (const [id, times] of started) expect(times, `starts of ${id}`).toBe(1);
}

const policies: [string, DeliveryPolicy][] = [
  ['every message delivered twice in a row', { duplicates: () => ['now'] }],
  ['every message delivered again after the others queued', { duplicates: () => ['later'] }],
  ['every message three times: now and later', { duplicates: () => ['now', 'later'] }],
];

describe.each(scenarios)('$name', async (scenario) => {
  const clean = await run(scenario);

  it('clean run gives the documented result', async () => {
    expect(resultOf(clean)).toMatchObject(scenario.expected);
    expectEffectsOnce(clean);
    for (const delivery of clean.deliveries) {
      // In a clean FIFO run only timers of stopped or finished executions are stale.
      if (delivery.ignored !== undefined)
        expect(delivery.message.event.type).toMatch(/TimerFired|ChildCompleted|Stop/);
    }
  });

  it.each(policies)('%s: same result and history', async (_label, policy) => {
    const noisy = await run(scenario, policy);
    expect(resultOf(noisy)).toEqual(resultOf(clean));
    expectSameHistories(noisy, clean);
    expectEffectsOnce(noisy);
    expect(noisy.deliveries.length).toBeGreaterThan(clean.deliveries.length);
  });

  it('fused (fuseStates 4) and delivered twice: same result and history', async () => {
    const definition = definitionOf(scenario.definition);
    const fused = await new StepHarness(definition, {
      tasks: scenario.tasks(),
      fuseStates: 4,
      policy: policies[2][1],
    })
      .start(scenario.input)
      .run();
    expect(resultOf(fused)).toEqual(resultOf(clean));
    expectSameHistories(fused, clean);
    expectEffectsOnce(fused);
  });

  it('the recorded message log replayed with every message twice rebuilds the same run', async () => {
    const definition = definitionOf(scenario.definition);
    const replay = await new StepHarness(definition, { tasks: scenario.tasks(), sendMessages: false }).start(
      scenario.input,
    );
    for (const { message, time } of clean.deliveries) {
      replay.now = time;
      await replay.deliver(message);
      await replay.deliver(message);
    }
    expect(resultOf(replay)).toEqual(resultOf(clean));
    expectSameHistories(replay, clean);
    expect(JSON.stringify([...replay.snapshots].sort())).toBe(JSON.stringify([...clean.snapshots].sort()));
  });
});

describe('reordering where order does not matter', () => {
  /** Delivers the newest ChildCompleted first whenever several are queued for the same parent. */
  function swapChildCompletions(): DeliveryPolicy & { swaps: number } {
    const policy = {
      swaps: 0,
      pick(pending: readonly Message[]): number {
        const head = pending[0];
        if (head.event.type !== 'ChildCompleted') return 0;
        for (let i = pending.length - 1; i > 0; i--) {
          const other = pending[i];
          if (
            other.executionId === head.executionId &&
            other.event.type === 'ChildCompleted' &&
            other.event.index !== head.event.index
          ) {
            policy.swaps++;
            return i;
          }
        }
        return 0;
      },
    };
    return policy;
  }

  const joinScenarios = scenarios.filter((scenario) => /map|joins|nested/.test(scenario.name));

  it.each(joinScenarios.map((scenario) => [scenario.name, scenario] as const))(
    '%s: ChildCompleted of different children swapped',
    async (_name, scenario) => {
      const clean = await run(scenario);
      const policy = swapChildCompletions();
      const swapped = await run(scenario, policy);
      expect(resultOf(swapped)).toEqual(resultOf(clean));
      expectSameHistories(swapped, clean);
      if (/^(map|nested)/.test(scenario.name)) expect(policy.swaps).toBeGreaterThan(0);
    },
  );

  it('swapped and duplicated at once', async () => {
    for (const scenario of joinScenarios) {
      const clean = await run(scenario);
      const policy = { ...swapChildCompletions(), duplicates: (): ('now' | 'later')[] => ['later'] };
      const noisy = await run(scenario, policy);
      expect(resultOf(noisy)).toEqual(resultOf(clean));
      expectSameHistories(noisy, clean);
    }
  });
});
