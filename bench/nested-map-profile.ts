/**
 * The fast-time criterion's workload (test/integration/runtime/cli-fast-time.test.ts): a Map of
 * 10 groups × N inline iterations, then a two-day Wait, on the embedded stack with a virtual
 * clock. Prints the wall time and the store's command counts. For profiling:
 *   node --import tsx --cpu-prof bench/nested-map-profile.ts [items]
 */
import { readFileSync } from 'node:fs';
import { LocalStack } from '../src/adapters/local/local-stack.js';
import { DynamoDBMeter } from './dynamodb-meter.js';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const items = Number(process.argv[2] ?? 1000);

const definition = JSON.parse(
  readFileSync(new URL('../examples/nested-map/nested-map.asl.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const input = {
  groups: Array.from({ length: 10 }, (_, g) => g),
  items: Array.from({ length: items }, (_, i) => i),
};

const started = Date.now();
const stack = await LocalStack.start({
  settings: { fuseStates: Number(process.env.QUICKSTEP_FUSE_STATES ?? 25) },
  fastTime: true,
});
const meter = new DynamoDBMeter();
meter.attach(clientOf(stack));
const calls: Record<string, number> = {};
for (const name of [
  'createExecution',
  'commitExecution',
  'getExecution',
  'markPerformed',
  'putHistory',
] as const) {
  const store = stack.store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = store[name].bind(store);
  store[name] = async (...args: unknown[]) => {
    if (name === 'commitExecution' || name === 'createExecution') {
      const record = args[0] as { parentId?: string; outbox: unknown; snapshot: unknown };
      const size = JSON.stringify(record.snapshot).length + JSON.stringify(record.outbox).length;
      const bucket = `${name}:${size > 100_000 ? '>100K' : size > 10_000 ? '>10K' : size > 1000 ? '>1K' : '<1K'}`;
      calls[bucket] = (calls[bucket] ?? 0) + 1;
    }
    try {
      const result = await original(...args);
      calls[`${name}${result === false ? ':refused' : ''}`] =
        (calls[`${name}${result === false ? ':refused' : ''}`] ?? 0) + 1;
      return result;
    } catch (error) {
      calls[`${name}:threw`] = (calls[`${name}:threw`] ?? 0) + 1;
      throw error;
    }
  };
}
try {
  await stack.runtime.deployStateMachine({ name: 'nested', definition: JSON.stringify(definition) });
  const { executionArn } = await stack.runtime.startExecution({
    stateMachine: 'nested',
    name: 'run',
    input: JSON.stringify(input),
  });
  await stack.settle(executionArn);
  const record = await stack.runtime.describeExecution(executionArn);
  console.log(
    `10 × ${items}: ${record.status} in ${Date.now() - started} ms wall, ${Math.round(cpuMs())} ms CPU, ${stack.queue.counters.sent} messages`,
  );
  console.log(JSON.stringify(meter.reset()));
  console.log(JSON.stringify(calls));
} finally {
  await stack.close();
}

function clientOf(s: LocalStack): DynamoDBClient {
  return (s as unknown as { dynamo: { client: DynamoDBClient } }).dynamo.client;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
