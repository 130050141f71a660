/**
 * One table, every driver: each case runs on the in-memory driver (and, once it exists, on
 * the durable runtime) and must give the expected status, output, error and history.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LocalTaskInvoker } from '../../src/adapters/local/local-task-invoker.js';
import { parseDefinition } from '../../src/asl/index.js';
import { runExecution } from '../../src/runtime/memory/run-execution.js';
import { seededRandom } from '../../src/runtime/memory/seeded-random.js';
import { type ConformanceCase, loadCases } from './cases.js';
import { conformanceFunctions } from './functions.js';

const cases = loadCases(dirname(fileURLToPath(import.meta.url)));

async function runOnMemoryDriver(testCase: ConformanceCase) {
  const { definition, problems } = parseDefinition(testCase.definition);
  expect(problems, 'definition problems').toEqual([]);
  return runExecution(definition!, testCase.input, {
    invoker: new LocalTaskInvoker(conformanceFunctions()),
    startTime: Date.parse('2026-01-01T00:00:00Z'),
    random: seededRandom(1),
    executionName: 'conformance',
    stateMachineName: 'Conformance',
  });
}

const drivers = [{ name: 'memory', run: runOnMemoryDriver }];

for (const driver of drivers) {
  describe(`conformance on the ${driver.name} driver`, () => {
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
        if (expected.historyTypes)
          expect(result.merged.map((entry) => entry.event.type)).toEqual(expected.historyTypes);
      });
    }
  });
}
