/**
 * Property: for any small valid machine of Pass, Choice, Wait, Succeed and Fail states, a run
 * with random duplicate and reordered deliveries ends exactly as a clean run does, with the
 * same history; and the clean run agrees with the in-memory driver.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/asl/index.js';
import { runExecution } from '../../../src/runtime/memory/run-execution.js';
import { seededRandom } from '../../../src/runtime/memory/seeded-random.js';
import { type DeliveryPolicy, StepHarness, resultOf } from './harness.js';
import { T0, definitionOf } from './helpers.js';

type RawState = Record<string, unknown>;
const VARIABLES = ['v0', 'v1', 'v2'];

function transitionArb(i: number, n: number): fc.Arbitrary<RawState> {
  if (i + 1 >= n) return fc.constant({ End: true });
  return fc.oneof(
    fc.integer({ min: i + 1, max: n - 1 }).map((j) => ({ Next: `S${j}` })),
    fc.constant({ End: true }),
  );
}

/** Parameters that keep every variable and change one. */
function keepAllBut(k: number, expression: string): RawState {
  const parameters: RawState = {};
  for (const [index, name] of VARIABLES.entries())
    parameters[`${name}.$`] = index === k ? expression : `$.${name}`;
  return parameters;
}

function stateArb(i: number, n: number): fc.Arbitrary<RawState> {
  const k = fc.integer({ min: 0, max: 2 });
  const small = fc.integer({ min: -5, max: 5 });
  const pass = fc
    .record({ kind: fc.constantFrom('result', 'add', 'random'), k, value: small, t: transitionArb(i, n) })
    .map(({ kind, k, value, t }): RawState => {
      if (kind === 'result') return { Type: 'Pass', Result: value, ResultPath: `$.v${k}`, ...t };
      const expression = kind === 'add' ? `States.MathAdd($.v${k}, ${value})` : 'States.MathRandom(-5, 6)';
      return { Type: 'Pass', Parameters: keepAllBut(k, expression), ...t };
    });
  const wait = fc
    .record({ seconds: fc.integer({ min: 0, max: 120 }), t: transitionArb(i, n) })
    .map(({ seconds, t }): RawState => ({ Type: 'Wait', Seconds: seconds, ...t }));
  const succeed = fc.constant<RawState>({ Type: 'Succeed', OutputPath: '$' });
  const fail = fc
    .constantFrom('Err.A', 'Err.B')
    .map((error): RawState => ({ Type: 'Fail', Error: error, Cause: `failed at S${i}` }));
  const options: fc.Arbitrary<RawState>[] = [pass, wait, succeed, fail];
  if (i + 1 < n) {
    const later = fc.integer({ min: i + 1, max: n - 1 }).map((j) => `S${j}`);
    const rule = fc.record({
      variable: k,
      op: fc.constantFrom('NumericGreaterThan', 'NumericLessThanEquals', 'NumericEquals'),
      value: small,
      next: later,
    });
    options.push(
      fc
        .record({
          rules: fc.array(rule, { minLength: 1, maxLength: 3 }),
          fallback: fc.option(later, { nil: undefined }),
        })
        .map(
          ({ rules, fallback }): RawState => ({
            Type: 'Choice',
            Choices: rules.map((r) => ({ Variable: `$.v${r.variable}`, [r.op]: r.value, Next: r.next })),
            ...(fallback === undefined ? {} : { Default: fallback }),
          }),
        ),
    );
  }
  return fc.oneof(...options);
}

/** Targets a state can move to. */
function targets(state: RawState): string[] {
  const found: string[] = [];
  if (typeof state.Next === 'string') found.push(state.Next);
  if (typeof state.Default === 'string') found.push(state.Default);
  if (Array.isArray(state.Choices))
    for (const rule of state.Choices as RawState[]) found.push(rule.Next as string);
  return found;
}

/** Keeps the states reachable from S0 (a valid machine has no unreachable state). */
function reachableMachine(states: RawState[], timeoutSeconds: number | undefined): RawState {
  const byName = new Map(states.map((state, i) => [`S${i}`, state]));
  const seen = new Set<string>(['S0']);
  const todo = ['S0'];
  while (todo.length > 0) {
    for (const next of targets(byName.get(todo.pop()!)!)) {
      if (!seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
    }
  }
  const kept: RawState = {};
  for (const [name, state] of byName) if (seen.has(name)) kept[name] = state;
  return {
    StartAt: 'S0',
    ...(timeoutSeconds === undefined ? {} : { TimeoutSeconds: timeoutSeconds }),
    States: kept,
  };
}

const machineArb = fc
  .integer({ min: 1, max: 8 })
  .chain((n) =>
    fc.record({
      states: fc.tuple(...Array.from({ length: n }, (_, i) => stateArb(i, n))),
      timeout: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
    }),
  )
  .map(({ states, timeout }) => reachableMachine(states, timeout));

const inputArb: fc.Arbitrary<Json> = fc.record({
  v0: fc.integer({ min: -5, max: 5 }),
  v1: fc.integer({ min: -5, max: 5 }),
  v2: fc.integer({ min: -5, max: 5 }),
});

/** Random duplicates (at once and late) and a random pick among the queued messages. */
function chaos(seed: number): DeliveryPolicy {
  const random = seededRandom(seed ^ 0x5bd1e995);
  return {
    pick: (pending) => Math.floor(random() * pending.length),
    duplicates: () => {
      const draw = random();
      if (draw < 0.3) return [];
      if (draw < 0.55) return ['now'];
      if (draw < 0.8) return ['later'];
      return ['now', 'later', 'later'];
    },
  };
}

describe('random machines of pure states and waits', () => {
  it('give the same result and history with duplicated, reordered deliveries as a clean run', async () => {
    await fc.assert(
      fc.asyncProperty(
        machineArb,
        inputArb,
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        async (raw, input, seed) => {
          const definition = definitionOf(raw);
          const clean = await new StepHarness(definition, { random: seededRandom(seed) }).start(input).run();
          const noisy = await new StepHarness(definition, { random: seededRandom(seed), policy: chaos(seed) })
            .start(input)
            .run();
          expect(clean.root.status).not.toBe('RUNNING');
          expect(resultOf(noisy)).toEqual(resultOf(clean));
          expect(noisy.history()).toEqual(clean.history());
          const ids = clean.history().map((event) => event.id);
          expect(ids).toEqual(ids.map((_, i) => i + 1));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('fusing pure states (with chaos too) gives the same history in fewer decisions', async () => {
    await fc.assert(
      fc.asyncProperty(
        machineArb,
        inputArb,
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 6 }),
        async (raw, input, seed, fuseStates) => {
          const definition = definitionOf(raw);
          const clean = await new StepHarness(definition, { random: seededRandom(seed) }).start(input).run();
          const fused = await new StepHarness(definition, { random: seededRandom(seed), fuseStates })
            .start(input)
            .run();
          const noisy = await new StepHarness(definition, {
            random: seededRandom(seed),
            fuseStates,
            policy: chaos(seed),
          })
            .start(input)
            .run();
          for (const other of [fused, noisy]) {
            expect(resultOf(other)).toEqual(resultOf(clean));
            expect(other.history()).toEqual(clean.history());
          }
          expect(fused.applied.length).toBeLessThanOrEqual(clean.applied.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('clean runs agree with the in-memory driver', async () => {
    await fc.assert(
      fc.asyncProperty(
        machineArb,
        inputArb,
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        async (raw, input, seed) => {
          const definition = definitionOf(raw);
          const clean = await new StepHarness(definition, { random: seededRandom(seed) }).start(input).run();
          const driven = await runExecution(definition, input, {
            invoker: { invoke: async () => ({ ok: false, error: 'States.Runtime', cause: 'no tasks here' }) },
            startTime: T0,
            random: seededRandom(seed),
            executionName: 'run-1',
            stateMachineName: 'Test',
          });
          expect({
            status: driven.status,
            output: driven.output,
            error: driven.error,
            cause: driven.cause,
          }).toEqual(resultOf(clean));
          expect(driven.history).toEqual(clean.history());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the generator covers every ending (so the property is not vacuous)', async () => {
    const statuses = new Set<string>();
    await fc.assert(
      fc.asyncProperty(machineArb, inputArb, async (raw, input) => {
        statuses.add((await new StepHarness(definitionOf(raw)).start(input).run()).root.status);
      }),
      { numRuns: 300, seed: 42 },
    );
    expect([...statuses].sort()).toEqual(['FAILED', 'SUCCEEDED', 'TIMED_OUT']);
  });
});
