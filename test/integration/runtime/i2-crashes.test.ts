/**
 * I2: no committed transition's follow-up is lost. A definition that passes every boundary
 * (tasks with retries, timers, Map with MaxConcurrency, Parallel, a caught failure) runs with
 * a crash injected exactly once at one named point — at several of the point's occurrences,
 * spread over the run — and must still give the clean run's status, output and history.
 * A crash during an API call (the start) is left to the repair sentinel on some runs and
 * retried by the client on others. Then random chaos (crashes, duplicates, reordering) over
 * 20 seeds, with the README's order pipeline and with a Map/Parallel-heavy definition.
 */
import { describe, expect, it, vi } from 'vitest';
import { LocalStack } from '../../../src/adapters/local/local-stack.js';
import type { LambdaHandler } from '../../../src/adapters/local/local-task-invoker.js';
import type { Json } from '../../../src/asl/json.js';
import { executionArn } from '../../../src/runtime/arn.js';
import {
  type FaultInjector,
  type FaultPoint,
  InjectedCrash,
} from '../../../src/runtime/durable/fault-injector.js';
import { seededRandom } from '../../../src/runtime/memory/seeded-random.js';
import { CountingFaults, CrashOnce, FAULT_POINTS, sampleOccurrences } from './crash-once.js';
import { expectSameOutcome, outcomeOf } from './history.js';
import { kitchenSink, mapParallelHeavy, pureHandlers, type Scenario } from './machines.js';
import { type SpiedStore, T0, withRig } from './rig.js';
import {
  cleanRun,
  deduplicatingInvoker,
  driveByHand,
  MACHINE,
  messageBudget,
  runOnRig,
  runOnStack,
  startScenario,
} from './run.js';

const OCCURRENCES_PER_POINT = 5;

/** How often a clean run of the kitchen sink passes each point. */
const hits = (async () => {
  const faults = new CountingFaults();
  await withRig({ handlers: pureHandlers(), faults }, (rig) => runOnRig(rig, kitchenSink));
  return faults.hits;
})();

describe('I2: a crash exactly once at each fault point', () => {
  for (const point of FAULT_POINTS) {
    it(`crash at ${point}`, async () => {
      const clean = await cleanRun(kitchenSink);
      const total = (await hits).get(point) ?? 0;
      expect(total, `times a run passes '${point}'`).toBeGreaterThan(0);
      for (const occurrence of sampleOccurrences(total, OCCURRENCES_PER_POINT)) {
        const faults = new CrashOnce(point, occurrence);
        const label = `${point} #${occurrence} of ${total}`;
        await withRig({ handlers: pureHandlers(), faults }, async (rig) => {
          const { outcome } = await runOnRig(rig, kitchenSink, { retry: occurrence % 2 === 1 });
          expect(faults.crashed, `${label}: crashed`).toBe(true);
          expect(rig.unexpectedErrors, label).toEqual([]);
          expect(rig.deadLetterQueue.counters.sent, `${label}: dead letters`).toBe(0);
          expectSameOutcome(outcome, clean.outcome, label);
        });
      }
    }, 60_000);
  }
});

// ── Two crashes in a row ────────────────────────────────────────────────────────────────────

/** Crashes right after an attempt to create the child whose id ends with `suffix`, `times` times. */
class CrashStartingChild implements FaultInjector {
  crashes = 0;

  constructor(
    private readonly store: SpiedStore,
    private readonly suffix: string,
    private readonly times: number,
  ) {}

  at(point: FaultPoint): void {
    if (point !== 'after-child-created') return;
    const armed = this.store.lastCreateAttempt?.endsWith(this.suffix) ?? false;
    this.store.lastCreateAttempt = undefined;
    if (armed && this.crashes < this.times) {
      this.crashes++;
      throw new InjectedCrash(point);
    }
  }
}

const threeItemMap: Scenario = {
  name: 'Map of three Pass iterations',
  input: { items: [1, 2, 3] },
  definition: {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemsPath: '$.items',
        ItemProcessor: { StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } },
        End: true,
      },
    },
  },
};

describe('I2: a crash while starting a child, then another while re-starting it', () => {
  /*
   * Commit A enters the Map (StartChildren 0, 1, 2); performing it crashes once child 2's record
   * exists but before its first message is sent. (Since children's first messages are sent
   * together after every child exists, the redelivery of A, not a sibling's completion, now
   * re-starts them; the scenario below is what it guarded against first.) Child 0's completion
   * (commit B, not caused by A) carries A's effects and re-starts child 2 — and crashes there
   * too. Child 1's completion (commit C) carries only B's own effects. A's and B's redeliveries
   * are then stale for the parent and dropped: nothing ever sends child 2's first message.
   */
  for (const times of [1, 2]) {
    it(`the parent still gets every child started and finishes (${times} crash${times > 1 ? 'es' : ''})`, async () => {
      let faults: CrashStartingChild | undefined;
      const clean = await cleanRun(threeItemMap);
      await withRig({ byHand: true, faults: { at: (point) => faults?.at(point) } }, async (rig) => {
        faults = new CrashStartingChild(rig.store, '/2', times);
        const arn = await startScenario(rig.runtime, threeItemMap);
        await driveByHand(rig, 'in-order', { maxMessages: 200 });
        expect(faults.crashes, 'crashes injected').toBe(times);
        expect(rig.unexpectedErrors).toEqual([]);
        const child = await rig.store.getExecution(`${arn}/2.1/2`);
        expect(child?.status, 'child 2').toBe('SUCCEEDED');
        expectSameOutcome(await outcomeOf(rig.runtime, arn), clean.outcome);
      });
    });
  }
});

// ── Random chaos: LocalStack's own `chaos: { seed }` ────────────────────────────────────────

const ORDER_DIR = '../../../examples/order-pipeline';
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

/** The example's functions, loaded afresh: `reserveStock` is busy once per SKU per module. */
async function orderFunctions(): Promise<Record<string, LambdaHandler>> {
  vi.resetModules();
  const loaded = (await import(`${ORDER_DIR}/functions.ts`)) as Record<string, LambdaHandler>;
  return { ...loaded };
}

async function orderPipeline(): Promise<Scenario> {
  const definition = (await import(`${ORDER_DIR}/definition.json`)).default as Record<string, unknown>;
  const input = (await import(`${ORDER_DIR}/input.json`)).default as Json;
  return { name: 'order pipeline', definition, input };
}

/**
 * Runs every seed and reports all that went wrong at once. The receive limit is raised from 5
 * to 10: at a 5% crash rate per point a delivery fails about one time in four, so with 5
 * receives a message now and then dead-letters legitimately (seen: seed 4 of the Map/Parallel
 * definition) and the execution rightly ends FAILED — that is I6 at work, not what I2 tests.
 */
async function chaosRuns(
  scenario: Scenario,
  handlers: () => Promise<Record<string, LambdaHandler>>,
): Promise<void> {
  const fresh = await handlers();
  const clean = await cleanRun(scenario, () => fresh);
  expect(clean.outcome.status).toBe('SUCCEEDED');
  let crashes = 0;
  const failures: string[] = [];
  for (const seed of SEEDS) {
    const stack = await LocalStack.start({
      handlers: new Map(Object.entries(await handlers())),
      fastTime: true,
      startTime: T0,
      random: seededRandom(7),
      chaos: { seed },
      maxReceiveCount: 10,
    });
    // Task code deduplicating by its idempotency key (I7), so a stateful handler repeated by
    // at-least-once invocation answers as it did the first time.
    stack.runtime.context.ports.invoker = deduplicatingInvoker(stack.invoker);
    try {
      const outcome = await runOnStack(stack, scenario, { maxMessages: 3 * messageBudget(clean) });
      expectSameOutcome(outcome, clean.outcome, `seed ${seed}`);
      expect(stack.queue.deadLetters, `seed ${seed}: dead letters`).toEqual([]);
    } catch (error) {
      const status = (await stack.runtime.describeExecution(executionArn(MACHINE, 'run-1'))).status;
      failures.push(`seed ${seed}: ${status}: ${(error as Error).message.split('\n')[0]}`);
    } finally {
      crashes += stack.faults.crashes;
      await stack.close();
    }
  }
  expect(failures, 'seeds whose run differed from the clean run').toEqual([]);
  expect(crashes, 'crashes injected over all seeds').toBeGreaterThan(SEEDS.length);
}

describe('I2: random chaos over 20 seeds', () => {
  it('the README order pipeline', async () => {
    await chaosRuns(await orderPipeline(), orderFunctions);
  }, 120_000);

  it('a Map/Parallel-heavy definition', async () => {
    await chaosRuns(mapParallelHeavy, async () => pureHandlers());
  }, 120_000);
});
