/** Running a scenario on a rig or a LocalStack, and the clean run every attacked run is held to. */
import type { LocalStack } from '../../../src/adapters/local/local-stack.js';
import type { LambdaHandler } from '../../../src/adapters/local/local-task-invoker.js';
import { executionArn } from '../../../src/runtime/arn.js';
import { InjectedCrash } from '../../../src/runtime/durable/fault-injector.js';
import type { DurableRuntime } from '../../../src/runtime/durable/runtime.js';
import type { AdvanceMessage, TaskInvoker, TaskRequest, TaskResult } from '../../../src/runtime/ports.js';
import { type Outcome, outcomeOf } from './history.js';
import { pureHandlers, type Scenario } from './machines.js';
import { type Rig, type RigOptions, withRig } from './rig.js';

export const MACHINE = 'Attacked';

/**
 * Registers the scenario and starts it. A start that crashes (an injected fault) is retried as
 * a client retries StartExecution — idempotent by name — unless `retry` is false, when the
 * repair sentinel alone must finish it.
 */
export async function startScenario(
  runtime: DurableRuntime,
  scenario: Scenario,
  options: { name?: string; retry?: boolean } = {},
): Promise<string> {
  const name = options.name ?? 'run-1';
  try {
    await runtime.deployStateMachine({ name: MACHINE, definition: JSON.stringify(scenario.definition) });
  } catch (error) {
    if (!(error instanceof InjectedCrash)) throw error;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const started = await runtime.startExecution({
        stateMachine: MACHINE,
        name,
        input: JSON.stringify(scenario.input),
      });
      return started.executionArn;
    } catch (error) {
      if (!(error instanceof InjectedCrash)) throw error;
      if (options.retry === false || attempt >= 10) return executionArn(MACHINE, name);
    }
  }
}

/** Runs the scenario to its end on a rig and reads the result back. */
export async function runOnRig(
  rig: Rig,
  scenario: Scenario,
  options: { retry?: boolean; maxMs?: number; maxMessages?: number } = {},
) {
  const arn = await startScenario(rig.runtime, scenario, options);
  await settleGuarded(rig, options);
  return { arn, outcome: await outcomeOf(rig.runtime, arn) };
}

export async function runOnStack(
  stack: LocalStack,
  scenario: Scenario,
  guard: { maxMessages?: number } = {},
): Promise<Outcome> {
  const arn = await startScenario(stack.runtime, scenario);
  await settleGuarded(stack, guard);
  return outcomeOf(stack.runtime, arn);
}

interface Settleable {
  settle(): Promise<void>;
  queue?: { counters: { sent: number } };
}

/**
 * Settles, or fails fast when the queue runs away (more than `maxMessages` sent) or nothing
 * settles within `maxMs` of real time — so a runaway run fails its own test and is closed,
 * instead of starving every test after it.
 */
export async function settleGuarded(
  target: Settleable,
  { maxMessages = 20_000, maxMs = 20_000 }: { maxMessages?: number; maxMs?: number } = {},
): Promise<void> {
  let done = false;
  const started = Date.now();
  const watchdog = (async () => {
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const sent = target.queue?.counters.sent ?? 0;
      if (sent > maxMessages)
        throw new Error(
          `message amplification: ${sent} messages sent, more than ${maxMessages}, and still going`,
        );
      if (Date.now() - started > maxMs)
        throw new Error(`not settled after ${maxMs} ms of real time (${sent} messages sent)`);
    }
  })();
  try {
    await Promise.race([target.settle(), watchdog]);
  } finally {
    done = true;
  }
}

export interface CleanRun {
  outcome: Outcome;
  /** Messages a clean run sends: the yardstick for message amplification. */
  messages: number;
}

const cleanRuns = new Map<string, Promise<CleanRun>>();

/** The scenario run once with no fault, no duplicate and no reordering (memoised per file). */
export function cleanRun(
  scenario: Scenario,
  handlers: () => Record<string, LambdaHandler> = pureHandlers,
  options: RigOptions = {},
): Promise<CleanRun> {
  const key = scenario.name;
  let clean = cleanRuns.get(key);
  if (!clean) {
    clean = withRig({ handlers: handlers(), ...options }, async (rig) => {
      const { outcome } = await runOnRig(rig, scenario);
      if (rig.unexpectedErrors.length > 0) throw rig.unexpectedErrors[0];
      return { outcome, messages: rig.queue?.counters.sent ?? 0 };
    });
    cleanRuns.set(key, clean);
  }
  return clean;
}

export async function cleanOutcome(
  scenario: Scenario,
  handlers: () => Record<string, LambdaHandler> = pureHandlers,
  options: RigOptions = {},
): Promise<Outcome> {
  return (await cleanRun(scenario, handlers, options)).outcome;
}

/**
 * How many messages a run may send before it counts as amplified: delivering every message
 * twice may at most double a clean run's traffic (a repair re-sends a commit's messages once),
 * so four times that, plus room for repair sentinels, is far past anything legitimate.
 */
export const messageBudget = (clean: CleanRun) => 4 * clean.messages + 100;

/**
 * Task code deduplicating by its idempotency key (I7's purpose): an invocation repeated with a
 * key already seen gets the first answer. Lets a handler with state of its own (the order
 * pipeline's "busy once per SKU") give the clean run's history under at-least-once invocation.
 */
export function deduplicatingInvoker(inner: TaskInvoker): TaskInvoker & { repeats: number } {
  const answers = new Map<string, Promise<TaskResult>>();
  const invoker = {
    repeats: 0,
    invoke(request: TaskRequest): Promise<TaskResult> {
      const known = answers.get(request.idempotencyKey);
      if (known) {
        invoker.repeats++;
        return known;
      }
      const answer = inner.invoke(request);
      answers.set(request.idempotencyKey, answer);
      return answer;
    },
  };
  return invoker;
}

export type Delivery =
  | 'reverse-twice'
  | 'twice-back-to-back'
  | 'concurrent-twice'
  | 'shuffled'
  | 'in-order'
  | { duplicateOnce: (message: AdvanceMessage, now: number) => boolean };

/**
 * Delivers the hand queue's messages until none is left: each visible batch in reverse order
 * and then again (so every message arrives twice and out of order), each message twice in a
 * row, every message and its copy all at once, or shuffled by `random` with a copy of each.
 */
export async function driveByHand(
  rig: Rig,
  delivery: Delivery,
  { random = Math.random, maxMessages = 20_000 }: { random?: () => number; maxMessages?: number } = {},
): Promise<number> {
  const queue = rig.handQueue;
  if (!queue) throw new Error('driveByHand: the rig has no hand queue');
  let delivered = 0;
  const deliver = async (message: AdvanceMessage) => {
    delivered++;
    try {
      await rig.runtime.handleMessage(structuredClone(message));
    } catch (error) {
      rig.noteError(error);
      queue.redeliverLater(message, 30);
    }
  };
  let duplicated = false;
  for (let rounds = 0; rounds < 10_000; rounds++) {
    const batch = queue.takeVisible();
    if (batch.length === 0) return delivered;
    if (queue.sent > maxMessages)
      throw new Error(
        `message amplification: ${queue.sent} messages sent, more than ${maxMessages}, and still going`,
      );
    if (delivery === 'in-order') {
      for (const message of batch) await deliver(message);
      continue;
    }
    if (typeof delivery === 'object') {
      for (const message of batch) {
        const twice = !duplicated && delivery.duplicateOnce(message, rig.clock.now());
        await deliver(message);
        if (twice) {
          duplicated = true;
          await deliver(message);
        }
      }
      continue;
    }
    switch (delivery) {
      case 'reverse-twice':
        for (const message of [...batch].reverse()) await deliver(message);
        for (const message of [...batch].reverse()) await deliver(message);
        break;
      case 'twice-back-to-back':
        for (const message of batch) {
          await deliver(message);
          await deliver(message);
        }
        break;
      case 'concurrent-twice':
        await Promise.all([...batch, ...batch].map(deliver));
        break;
      case 'shuffled': {
        const all = [...batch, ...batch];
        for (let i = all.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [all[i], all[j]] = [all[j], all[i]];
        }
        for (const message of all) await deliver(message);
        break;
      }
    }
  }
  throw new Error('driveByHand: still delivering after 10,000 rounds');
}
