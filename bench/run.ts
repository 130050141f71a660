/**
 * `npm run bench`: the interpreter's speed on the in-memory driver, then the durable runtime's
 * costs and speed (bench/durable.ts); BENCH_ONLY=interpreter|durable runs one part.
 * Transitions are states entered (what Step Functions bills); decisions are engine steps
 * (messages, in the durable runtime). Best of several runs after a warm-up, so JIT
 * compilation is not measured.
 */
import os from 'node:os';
import { LocalTaskInvoker } from '../src/adapters/local/local-task-invoker.js';
import { parseDefinition } from '../src/asl/index.js';
import { runExecution } from '../src/runtime/memory/run-execution.js';
import { workloads } from './workloads.js';
import { runDurableBench } from './durable.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** `interpreter` or `durable` runs that part alone; unset runs both. */
const ONLY = process.env.BENCH_ONLY;
if (ONLY !== undefined && ONLY !== 'interpreter' && ONLY !== 'durable')
  throw new Error(`BENCH_ONLY must be interpreter or durable, not ${ONLY}`);

type Definition = Parameters<typeof runExecution>[0];
type Input = Parameters<typeof runExecution>[1];

async function measure(definition: Definition, input: Input, fuseStates: number) {
  const started = process.hrtime.bigint();
  const result = await runExecution(definition, input, {
    invoker: new LocalTaskInvoker(new Map()),
    fuseStates,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 'SUCCEEDED')
    throw new Error(`benchmark run ended ${result.status}: ${result.error} ${result.cause}`);
  const transitions = result.merged.filter((entry) => entry.event.type.endsWith('StateEntered')).length;
  return { seconds, transitions, decisions: result.transitions };
}

async function best(definition: Definition, input: Input, fuseStates: number) {
  await measure(definition, input, fuseStates);
  let fastest = await measure(definition, input, fuseStates);
  for (let run = 1; run < RUNS; run++) {
    const next = await measure(definition, input, fuseStates);
    if (next.seconds < fastest.seconds) fastest = next;
  }
  return fastest;
}

const modes = [
  { label: 'one state per message', fuseStates: 0 },
  { label: 'fused (up to 1,000 pure states per decision)', fuseStates: 1000 },
];
if (ONLY !== 'durable') {
  console.log(
    `Quickstep interpreter benchmark — Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}\n`,
  );
  console.log('| workload | mode | transitions | decisions | best time | transitions/s |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const workload of workloads) {
    const { definition, problems } = parseDefinition(workload.definition);
    if (!definition) throw new Error(`${workload.name}: ${JSON.stringify(problems)}`);
    for (const mode of modes) {
      const run = await best(definition, workload.input, mode.fuseStates);
      const rate = Math.round(run.transitions / run.seconds).toLocaleString('en');
      const time = `${(run.seconds * 1000).toFixed(1)} ms`;
      console.log(
        `| ${workload.name} | ${mode.label} | ${run.transitions.toLocaleString('en')} | ${run.decisions.toLocaleString('en')} | ${time} | ${rate} |`,
      );
    }
  }
}
if (ONLY !== 'interpreter') await runDurableBench();
