/**
 * The durable benchmark's cases: the interpreter's workloads (bench/workloads.ts), the long
 * ones scaled down to keep `npm run bench` within minutes (per-transition counts do not
 * depend on a loop's length; a Map's do, so it runs at two sizes), plus what only the
 * durable runtime makes interesting: Lambda tasks, timers, and many executions at once.
 */
import type { JsonObject } from '../src/asl/json.js';
import type { LambdaHandler } from '../src/adapters/local/local-task-invoker.js';
import type { DurableWorkload } from './durable-run.js';
import { choiceLoop, mapOverItems, passChain, workloads } from './workloads.js';

export interface DurableCase {
  workload: DurableWorkload;
  /** Executions started together (each on the same definition and input). */
  executions: number;
  /** Also run with fusion (up to 1,000 pure states per decision). */
  fused: boolean;
}

const REGION_ACCOUNT = 'us-east-1:123456789012';

/** `count` Lambda Task states in a row, each adding one to `$.n` through a local handler. */
function taskChain(count: number): DurableWorkload {
  const states: JsonObject = {};
  for (let i = 0; i < count; i++) {
    states[`T${i}`] = {
      Type: 'Task',
      Resource: `arn:aws:lambda:${REGION_ACCOUNT}:function:bench-add`,
      Parameters: { 'n.$': '$.n' },
      ...(i === count - 1 ? { End: true } : { Next: `T${i + 1}` }),
    };
  }
  const add: LambdaHandler = (event) => ({ n: Number((event as { n?: number }).n ?? 0) + 1 });
  return {
    name: `chain of ${count} Lambda Tasks (local handler)`,
    definition: { StartAt: 'T0', States: states },
    input: { n: 0 },
    handlers: new Map([['bench-add', add]]),
  };
}

/** `count` Wait states of an hour each: SQS delays top out at 900 s, so each timer hops 4 times. */
function waitChain(count: number): DurableWorkload {
  const states: JsonObject = {};
  for (let i = 0; i < count; i++) {
    states[`W${i}`] = {
      Type: 'Wait',
      Seconds: 3600,
      ...(i === count - 1 ? { End: true } : { Next: `W${i + 1}` }),
    };
  }
  return {
    name: `chain of ${count} Wait states of 1 h (virtual clock)`,
    definition: { StartAt: 'W0', States: states },
    input: {},
  };
}

const [passChainWorkload, , , parallelWorkload] = workloads;

export const durableCases: DurableCase[] = [
  { workload: passChainWorkload, executions: 1, fused: true },
  { workload: choiceLoop(1000), executions: 1, fused: true },
  { workload: mapOverItems(100), executions: 1, fused: true },
  { workload: mapOverItems(1000), executions: 1, fused: false },
  { workload: parallelWorkload, executions: 1, fused: true },
  { workload: taskChain(100), executions: 1, fused: false },
  { workload: waitChain(10), executions: 1, fused: false },
  {
    workload: {
      name: '20 executions at once, each a chain of 100 Pass states',
      definition: { StartAt: 'P0', States: passChain('P', 100, { End: true }) },
      input: { step: 1, value: 'z' },
    },
    executions: 20,
    fused: false,
  },
];

/** Unreported: gets the JIT and the SDK warm before anything is timed. */
export const warmUp: DurableWorkload = {
  name: 'warm-up',
  definition: { StartAt: 'P0', States: passChain('P', 50, { End: true }) },
  input: { step: 1, value: 'w' },
};
