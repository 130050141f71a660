/** Reading an execution back as a client does, and the checks every invariant test makes of it. */
import { expect } from 'vitest';
import type { Json } from '../../../src/asl/json.js';
import type { ExecutionStatus, HistoryEvent } from '../../../src/engine/types.js';
import type { DurableRuntime } from '../../../src/runtime/durable/runtime.js';

/** Every page of the history, through the API's own paging (small pages, so paging is exercised). */
export async function fullHistory(
  runtime: DurableRuntime,
  executionArn: string,
  pageSize = 40,
): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await runtime.getExecutionHistory(executionArn, { limit: pageSize, nextToken });
    events.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

/** No duplicate and no missing event: ids are exactly 1..n, in order, each after the one before. */
export function expectContiguous(history: HistoryEvent[], label = 'history'): void {
  const ids = history.map((event) => event.id);
  expect(ids, `${label}: event ids`).toEqual(ids.map((_, index) => index + 1));
  history.forEach((event, index) => {
    if (index > 0)
      expect(event.timestamp, `${label}: event ${event.id} timestamp`).toBeGreaterThanOrEqual(
        history[index - 1].timestamp,
      );
  });
}

export const typesOf = (history: HistoryEvent[]) => history.map((event) => event.type);

export const countOf = (types: string[], type: string) => types.filter((t) => t === type).length;

export interface Outcome {
  status: ExecutionStatus;
  output?: Json;
  error?: string;
  cause?: string;
  types: string[];
}

/** Status, output and history of an execution, with the history checked whole on the way. */
export async function outcomeOf(runtime: DurableRuntime, executionArn: string): Promise<Outcome> {
  const { snapshot } = await runtime.describeExecution(executionArn);
  const history = await fullHistory(runtime, executionArn);
  expectContiguous(history, executionArn);
  return {
    status: snapshot.status,
    output: snapshot.output,
    error: snapshot.error,
    cause: snapshot.cause,
    types: typesOf(history),
  };
}

/** The same result as a clean run: status, output, error and history event types in order. */
export function expectSameOutcome(actual: Outcome, clean: Outcome, label = ''): void {
  expect({ status: actual.status, error: actual.error, output: actual.output }, label).toEqual({
    status: clean.status,
    error: clean.error,
    output: clean.output,
  });
  expect(actual.types, `${label} history types`).toEqual(clean.types);
}
