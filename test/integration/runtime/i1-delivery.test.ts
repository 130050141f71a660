/**
 * I1: every transition is committed exactly once, whatever the delivery. Each definition runs
 * clean once; then with every message delivered twice, with messages reordered, with both
 * (LocalStack's queue chaos, several seeds), and with the queue driven by hand: each batch in
 * reverse and again, each message twice in a row, a message and its copy at the same time,
 * shuffled copies. Every run must give the clean run's status, output and history event types,
 * with event ids 1..n and no gap or repeat — and must not multiply the clean run's traffic.
 */
import { describe, expect, it } from 'vitest';
import { LocalStack } from '../../../src/adapters/local/local-stack.js';
import { seededRandom } from '../../../src/runtime/memory/seeded-random.js';
import { expectSameOutcome, outcomeOf } from './history.js';
import type { AdvanceMessage } from '../../../src/runtime/ports.js';
import { choiceLoop, I1_SCENARIOS, mapWithConcurrency, pureHandlers, waits } from './machines.js';
import { T0, withRig } from './rig.js';
import { cleanRun, type Delivery, driveByHand, messageBudget, runOnStack, startScenario } from './run.js';

const MODES = [
  { label: 'every message delivered twice', duplicate: 1, reorder: 0, seeds: [1, 2] },
  { label: 'messages reordered', duplicate: 0, reorder: 1, seeds: [1, 2, 3] },
  { label: 'duplicated and reordered', duplicate: 1, reorder: 1, seeds: [3, 4] },
];

describe('I1 through the local queue (LocalStack chaos without crashes)', () => {
  for (const scenario of I1_SCENARIOS) {
    for (const mode of MODES) {
      it(`${scenario.name}: ${mode.label}, seeds ${mode.seeds.join(', ')}`, async () => {
        const clean = await cleanRun(scenario);
        for (const seed of mode.seeds) {
          const stack = await LocalStack.start({
            handlers: new Map(Object.entries(pureHandlers())),
            fastTime: true,
            startTime: T0,
            random: seededRandom(7),
            chaos: { seed, crashRate: 0, duplicate: mode.duplicate, reorder: mode.reorder },
          });
          try {
            const outcome = await runOnStack(stack, scenario, { maxMessages: messageBudget(clean) });
            expectSameOutcome(outcome, clean.outcome, `seed ${seed}`);
            if (mode.duplicate === 1) expect(stack.queue.counters.duplicated).toBeGreaterThan(0);
            expect(stack.queue.deadLetters).toEqual([]);
          } finally {
            await stack.close();
          }
        }
      });
    }
  }
});

const HAND_DELIVERIES: Delivery[] = ['reverse-twice', 'twice-back-to-back', 'concurrent-twice', 'shuffled'];

describe('I1 with the queue driven by hand', () => {
  for (const scenario of I1_SCENARIOS) {
    for (const delivery of HAND_DELIVERIES) {
      it(`${scenario.name}: ${delivery}`, async () => {
        const clean = await cleanRun(scenario);
        await withRig({ handlers: pureHandlers(), byHand: true }, async (rig) => {
          const arn = await startScenario(rig.runtime, scenario);
          const delivered = await driveByHand(rig, delivery, {
            random: seededRandom(11),
            maxMessages: messageBudget(clean),
          });
          expect(rig.unexpectedErrors).toEqual([]);
          expect(delivered).toBeGreaterThan(2);
          expectSameOutcome(await outcomeOf(rig.runtime, arn), clean.outcome);
        });
      });
    }
  }
});

/**
 * A duplicate that arrives after its commit but before the next message re-performs the
 * commit's outbox, re-sending the next message under the same id — which then counts as "the
 * record's last commit came from this very message" in turn. One duplicate must cost a few
 * messages, not a second copy of every message for the rest of the execution.
 */
const first = () => true;
/** A timer that arrives before it is due: one hop of a wait longer than the queue's maximum delay. */
const hop = (message: AdvanceMessage, now: number) =>
  message.dueTime !== undefined && message.dueTime > now + 500;

describe('duplicates do not multiply the traffic', () => {
  const cases = [
    { scenario: choiceLoop, which: 'the first message', duplicateOnce: first },
    { scenario: mapWithConcurrency, which: 'the first message', duplicateOnce: first },
    { scenario: waits, which: 'the first timer hop', duplicateOnce: hop },
  ];
  for (const { scenario, which, duplicateOnce } of cases) {
    it(`${scenario.name}: one duplicate of ${which} costs at most a few extra messages`, async () => {
      const clean = await cleanRun(scenario);
      // The yardstick: the same hand-driven, in-order delivery without the duplicate.
      const baseline = await withRig({ handlers: pureHandlers(), byHand: true }, async (rig) => {
        await startScenario(rig.runtime, scenario);
        await driveByHand(rig, 'in-order', { maxMessages: messageBudget(clean) });
        return rig.handQueue?.sent ?? 0;
      });
      await withRig({ handlers: pureHandlers(), byHand: true }, async (rig) => {
        const arn = await startScenario(rig.runtime, scenario);
        await driveByHand(rig, { duplicateOnce }, { maxMessages: messageBudget(clean) });
        expectSameOutcome(await outcomeOf(rig.runtime, arn), clean.outcome);
        expect(rig.handQueue?.sent, `messages sent; without the duplicate ${baseline}`).toBeLessThanOrEqual(
          baseline + 3,
        );
      });
    });
  }
});
