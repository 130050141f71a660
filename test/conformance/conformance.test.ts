/**
 * One table, two drivers: each case runs on the in-memory driver and on the durable runtime
 * over the embedded services (dynalite, the local queue, a virtual clock), and must give the
 * expected status, output, error and history on both.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LocalStack } from '../../src/adapters/local/local-stack.js';
import { LocalTaskInvoker } from '../../src/adapters/local/local-task-invoker.js';
import { parseDefinition } from '../../src/asl/index.js';
import { runExecution } from '../../src/runtime/memory/run-execution.js';
import { seededRandom } from '../../src/runtime/memory/seeded-random.js';
import { type ConformanceCase, loadCases } from './cases.js';
import { conformanceFunctions } from './functions.js';

const cases = loadCases(dirname(fileURLToPath(import.meta.url)));
const START = Date.parse('2026-01-01T00:00:00Z');

interface Outcome {
  status: string;
  output?: unknown;
  error?: string;
  cause?: string;
  /** Every execution's events (branches and iterations too), in the order recorded. */
  historyTypes: string[];
  /** The top-level execution's own history: the same on every driver, event for event. */
  ownHistoryTypes: string[];
}

async function runOnMemoryDriver(testCase: ConformanceCase): Promise<Outcome> {
  const { definition, problems } = parseDefinition(testCase.definition);
  expect(problems, 'definition problems').toEqual([]);
  const result = await runExecution(definition!, testCase.input, {
    invoker: new LocalTaskInvoker(conformanceFunctions()),
    startTime: START,
    random: seededRandom(1),
    executionName: 'conformance',
    stateMachineName: 'Conformance',
  });
  return {
    ...result,
    historyTypes: result.merged.map((entry) => entry.event.type),
    ownHistoryTypes: result.history.map((event) => event.type),
  };
}

async function runOnDurableRuntime(testCase: ConformanceCase): Promise<Outcome> {
  const stack = await LocalStack.start({
    handlers: conformanceFunctions(),
    fastTime: true,
    startTime: START,
    random: seededRandom(1),
    // FIFO delivery, like the reference driver: sibling iterations then finish in the same order.
    queueConcurrency: 1,
  });
  try {
    const historyTypes: string[] = [];
    const own: { id: number; type: string }[] = [];
    stack.onHistory((executionId, event) => {
      historyTypes.push(event.type);
      if (!executionId.includes('/')) own.push(event);
    });
    await stack.runtime.createStateMachine({
      name: 'Conformance',
      definition: JSON.stringify(testCase.definition),
    });
    const { executionArn } = await stack.runtime.startExecution({
      stateMachine: 'Conformance',
      name: 'conformance',
      input: JSON.stringify(testCase.input),
    });
    // Until every message is handled: the last history events are written after the last commit.
    await stack.settle();
    const { snapshot } = await stack.runtime.describeExecution(executionArn);
    const ownHistoryTypes = own.sort((a, b) => a.id - b.id).map((event) => event.type);
    return {
      status: snapshot.status,
      output: snapshot.output,
      error: snapshot.error,
      cause: snapshot.cause,
      historyTypes,
      ownHistoryTypes,
    };
  } finally {
    await stack.close();
  }
}

/** The durable runtime must also agree with the in-memory driver, the reference, on the history. */
async function runOnDurableRuntimeAgainstReference(testCase: ConformanceCase): Promise<Outcome> {
  const [durable, reference] = [await runOnDurableRuntime(testCase), await runOnMemoryDriver(testCase)];
  expect(durable.ownHistoryTypes, 'history event types, compared with the in-memory driver').toEqual(
    reference.ownHistoryTypes,
  );
  return durable;
}

const drivers = [
  { name: 'in-memory driver', run: runOnMemoryDriver },
  { name: 'durable runtime', run: runOnDurableRuntimeAgainstReference },
];

for (const driver of drivers) {
  describe(`conformance on the ${driver.name}`, () => {
    for (const testCase of cases) {
      it(`${testCase.file} › ${testCase.name}`, async () => {
        const result = await driver.run(testCase);
        const { expected } = testCase;
        expect({ status: result.status, error: result.error }).toEqual({
          status: expected.status,
          error: expected.error,
        });
        if ('output' in expected) expect(result.output).toEqual(expected.output);
        if (expected.cause !== undefined) expect(result.cause).toBe(expected.cause);
        if (expected.causeIncludes !== undefined) expect(result.cause).toContain(expected.causeIncludes);
        if (expected.historyTypes) expect(result.historyTypes).toEqual(expected.historyTypes);
      });
    }
  });
}
