/**
 * `step` is a pure function of (definition, snapshot, event, env): the same inputs give the
 * same decision, the snapshot passed in is never written, and everything it returns is plain
 * JSON (a store keeps a snapshot in one item and effects in its outbox).
 */
import { describe, expect, it } from 'vitest';
import { step } from '../../../src/engine/index.js';
import type { Env } from '../../../src/engine/types.js';
import { seededRandom } from '../../../src/runtime/memory/seeded-random.js';
import { type AppliedDecision, StepHarness, resultOf } from './harness.js';
import { deepFreeze, definitionOf, jsonCopy } from './helpers.js';
import { scenarios } from './scenarios.js';

/** A fresh env that gives the same answers every time it is built for the same time. */
function replayEnv(time: number): Env {
  let tokens = 0;
  return {
    now: () => time,
    random: seededRandom(7),
    taskToken: () => `replay-token-${tokens++}-0123456789abcdef`,
  };
}

async function runScenario(scenario: (typeof scenarios)[number]) {
  const definition = definitionOf(scenario.definition);
  const harness = await new StepHarness(definition, { tasks: scenario.tasks() }).start(scenario.input).run();
  return { definition, harness };
}

function appliedSteps(
  harness: StepHarness,
): (AppliedDecision & { before: NonNullable<AppliedDecision['before']> })[] {
  return harness.applied.filter(
    (entry): entry is AppliedDecision & { before: NonNullable<AppliedDecision['before']> } =>
      entry.before !== undefined,
  );
}

describe.each(scenarios)('$name', (scenario) => {
  it('runs to the documented result (the scenarios below are meaningful)', async () => {
    const { harness } = await runScenario(scenario);
    expect(resultOf(harness)).toMatchObject(scenario.expected);
  });

  it('gives deep-equal decisions for the same definition, snapshot, event and env', async () => {
    const { definition, harness } = await runScenario(scenario);
    const steps = appliedSteps(harness);
    expect(steps.length).toBeGreaterThanOrEqual(3);
    for (const { before, event, time } of steps) {
      if (event.type === 'Start') continue;
      const first = await step(definition, before, event, replayEnv(time));
      const second = await step(definition, before, event, replayEnv(time));
      expect(second).toEqual(first);
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    }
  });

  it('never writes to the snapshot or the event it is given (both deep-frozen)', async () => {
    const { definition, harness } = await runScenario(scenario);
    for (const { before, event, time, decision } of appliedSteps(harness)) {
      if (event.type === 'Start') continue;
      const copy = jsonCopy(before);
      const frozenEvent = deepFreeze(jsonCopy(event));
      expect(Object.isFrozen(before)).toBe(true);
      const again = await step(definition, before, frozenEvent, replayEnv(time));
      expect(before).toEqual(copy);
      expect(again.ignored).toBeUndefined();
      expect(again.snapshot).not.toBe(before);
      expect(again.snapshot.seq).toBe(before.seq + 1);
      expect(decision.snapshot.seq).toBe(before.seq + 1);
    }
  });

  it('returns decisions that survive a JSON round trip unchanged', async () => {
    const { harness } = await runScenario(scenario);
    const phases = new Set<string>();
    for (const { decision } of harness.applied) {
      expect(jsonCopy(decision.snapshot)).toEqual(decision.snapshot);
      expect(jsonCopy(decision.events)).toEqual(decision.events);
      expect(jsonCopy(decision.effects)).toEqual(decision.effects);
      phases.add(decision.snapshot.position?.phase.kind ?? 'none');
      for (const effect of decision.effects) {
        if (effect.type === 'StartTimer') expect(Number.isFinite(effect.dueTime)).toBe(true);
      }
    }
    expect(phases.has('entering')).toBe(true);
  });
});

describe('purity across the scenarios', () => {
  it('visits every phase, so the checks above cover them all', async () => {
    const phases = new Set<string>();
    for (const scenario of scenarios) {
      for (const { decision } of (await runScenario(scenario)).harness.applied) {
        phases.add(decision.snapshot.position?.phase.kind ?? 'none');
      }
    }
    expect([...phases].sort()).toEqual(['children', 'entering', 'retrying', 'task', 'waiting']);
  });

  it('a whole run repeated with the same inputs gives the same history, byte for byte', async () => {
    for (const scenario of scenarios) {
      const first = (await runScenario(scenario)).harness;
      const second = (await runScenario(scenario)).harness;
      expect(JSON.stringify([...second.histories])).toBe(JSON.stringify([...first.histories]));
      expect(JSON.stringify([...second.snapshots])).toBe(JSON.stringify([...first.snapshots]));
    }
  });

  it('reads the clock only through env: the history carries env.now, not the real time', async () => {
    const scenario = scenarios[0];
    const definition = definitionOf(scenario.definition);
    const harness = new StepHarness(definition, { tasks: scenario.tasks(), startTime: 1_000_000 });
    await harness.start(scenario.input).run();
    const timestamps = harness.history().map((event) => event.timestamp);
    // Retry back-off 2 s, then the 5 s Wait: nothing else moves the virtual clock.
    expect(Math.min(...timestamps)).toBe(1_000_000);
    expect(Math.max(...timestamps)).toBe(1_000_000 + 2_000 + 5_000);
  });
});
