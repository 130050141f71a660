/**
 * The durable runtime's benchmark (`npm run bench`, or alone with BENCH_ONLY=durable): each
 * case runs on a fresh embedded stack with a virtual clock, metered per state transition —
 * DynamoDB reads, items written and capacity units, queue messages, status events — with the
 * wall-clock transitions per second, and the AWS cost those counts imply per million
 * transitions next to Step Functions Standard's $25. One run per case after a warm-up: the
 * counts are deterministic, the times are indicative.
 */
import os from 'node:os';
import { costPerMillion, describeAssumptions, stepFunctionsPerMillion } from './aws-cost.js';
import { type DurableMeasurement, measureDurable } from './durable-run.js';
import { durableCases, warmUp } from './durable-workloads.js';
import { readsOf } from './dynamodb-meter.js';

interface Row {
  name: string;
  mode: string;
  run: DurableMeasurement;
}

const FUSED = 1000;

export async function runDurableBench(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? 'cpu';
  console.log(
    `\nQuickstep durable runtime benchmark — embedded services (dynalite, local queue and bus, virtual clock), Node ${process.version}, ${cpu} × ${os.cpus().length}\n`,
  );
  await measureDurable(warmUp, { fuseStates: 0 });
  const rows: Row[] = [];
  for (const { workload, executions, fused } of durableCases) {
    const modes = fused ? [0, FUSED] : [0];
    for (const fuseStates of modes) {
      const run = await measureDurable(workload, { fuseStates, executions });
      if (run.status !== 'SUCCEEDED') throw new Error(`${workload.name}: ended ${run.status}`);
      const mode = fuseStates === 0 ? 'one state per message' : 'fused';
      rows.push({ name: workload.name, mode, run });
      printProgress(rows[rows.length - 1]);
    }
  }
  console.log('');
  printCounts(rows);
  console.log('');
  printCosts(rows);
  console.log(`\nAssumptions (us-east-1 list prices):\n${describeAssumptions()}`);
}

/** Per transition: two decimals, three below 0.1 so that one event per execution still shows. */
function per(value: number, run: DurableMeasurement): string {
  const ratio = value / run.transitions;
  return ratio > 0 && ratio < 0.1 ? ratio.toFixed(3) : ratio.toFixed(2);
}
const int = (value: number) => Math.round(value).toLocaleString('en');
const dollars = (value: number) => `$${value.toFixed(2)}`;

function printProgress({ name, mode, run }: Row): void {
  const rate = int(run.transitions / run.seconds);
  process.stderr.write(`  ${name} (${mode}): ${int(run.transitions)} transitions, ${rate}/s\n`);
}

function printCounts(rows: Row[]): void {
  console.log('Per state transition (StateEntered events, children included):\n');
  console.log(
    '| workload | mode | transitions | messages handled | time | transitions/s | reads (GetItem + Query) | items written (PutItem + batch) | refused writes | WRU (table + gsi1) | RRU | largest item | messages sent | status events |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { name, mode, run } of rows) {
    const d = run.dynamo;
    const written = d.putItem + d.updateItem + d.deleteItem + d.batchItems;
    const cells = [
      name,
      mode,
      int(run.transitions),
      int(run.messagesHandled),
      `${run.seconds.toFixed(2)} s`,
      int(run.transitions / run.seconds),
      `${per(readsOf(d), run)} (${per(d.getItem, run)} + ${per(d.query, run)})`,
      `${per(written, run)} (${per(d.putItem, run)} + ${per(d.batchItems, run)})`,
      per(d.conditionFailed, run),
      `${per(d.wru + d.gsiWru, run)}`,
      per(d.rru, run),
      `${(d.largestItem / 1024).toFixed(1)} KB`,
      per(run.sends.messages, run),
      per(run.events, run),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
  console.log(
    '\nItems written: PutItem calls plus BatchWriteItem items (the store sends no UpdateItem, and DeleteItem only for DeleteStateMachine). Refused writes: conditional writes that failed (seq conflicts, a child already created); they are billed too.',
  );
}

function printCosts(rows: Row[]): void {
  const standard = stepFunctionsPerMillion();
  console.log('Estimated AWS cost per million transitions (us-east-1):\n');
  console.log(
    '| workload | mode | SQS | DynamoDB writes | DynamoDB reads | Lambda | EventBridge | total | Step Functions Standard |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const { name, mode, run } of rows) {
    const cost = costPerMillion(run);
    const ratio = standard / cost.total;
    const versus = ratio >= 1 ? `${ratio.toFixed(1)}× cheaper` : `${(1 / ratio).toFixed(1)}× dearer`;
    const cells = [
      name,
      mode,
      dollars(cost.sqs),
      dollars(cost.dynamoWrites),
      dollars(cost.dynamoReads),
      dollars(cost.lambda),
      dollars(cost.eventBridge),
      `**${dollars(cost.total)}**`,
      `${dollars(standard)} (${versus})`,
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}
