/** Helpers for the in-memory driver's tests: a driver over local Lambda handlers on a virtual clock. */
import { type LambdaHandler, LocalTaskInvoker } from '../../../src/adapters/local/local-task-invoker.js';
import { type Definition, type Json, parseDefinition } from '../../../src/asl/index.js';
import type { HistoryEvent, Snapshot } from '../../../src/engine/types.js';
import { QuickstepError } from '../../../src/runtime/errors.js';
import { MemoryDriver, type MemoryDriverOptions } from '../../../src/runtime/memory/memory-driver.js';
import { seededRandom } from '../../../src/runtime/memory/seeded-random.js';

export const T0 = Date.parse('2026-01-01T00:00:00Z');
export const EXECUTION_ID = 'arn:aws:states:us-east-1:123456789012:execution:Test:run-1';

export function definitionOf(raw: unknown): Definition {
  const { definition, problems } = parseDefinition(raw);
  if (!definition) throw new Error(`invalid test definition: ${JSON.stringify(problems)}`);
  return definition;
}

export function makeDriver(
  raw: unknown,
  handlers: Record<string, LambdaHandler> = {},
  options: Partial<MemoryDriverOptions> = {},
): MemoryDriver {
  return new MemoryDriver(definitionOf(raw), {
    invoker: new LocalTaskInvoker(new Map(Object.entries(handlers))),
    startTime: T0,
    random: seededRandom(1),
    ...options,
  });
}

export function startRun(driver: MemoryDriver, input: Json, id = EXECUTION_ID): Promise<Snapshot> {
  return driver.start({
    id,
    name: id.split(':').at(-1)!,
    input,
    stateMachineId: 'arn:aws:states:us-east-1:123456789012:stateMachine:Test',
    stateMachineName: 'Test',
  });
}

export function snapshotOf(driver: MemoryDriver, id = EXECUTION_ID): Snapshot {
  const snapshot = driver.executions.get(id);
  if (!snapshot) throw new Error(`no execution ${id}`);
  return snapshot;
}

export function historyOf(driver: MemoryDriver, id = EXECUTION_ID): HistoryEvent[] {
  return driver.histories.get(id) ?? [];
}

export function typesOf(driver: MemoryDriver, id = EXECUTION_ID): string[] {
  return historyOf(driver, id).map((event) => event.type);
}

export function count(types: string[], type: string): number {
  return types.filter((t) => t === type).length;
}

export const TERMINAL_EVENTS = [
  'ExecutionSucceeded',
  'ExecutionFailed',
  'ExecutionAborted',
  'ExecutionTimedOut',
];

/** The QuickstepError code `action` throws, or 'none'. */
export function errorCodeOf(action: () => void): string {
  try {
    action();
  } catch (error) {
    if (error instanceof QuickstepError) return error.code;
    throw error;
  }
  return 'none';
}

/** A Lambda handler that keeps the events it receives (callback tasks find their token there). */
export function recordingHandler(result: unknown = { queued: true }) {
  const events: Json[] = [];
  const handler: LambdaHandler = (event) => {
    events.push(event);
    return result;
  };
  return { events, handler };
}
