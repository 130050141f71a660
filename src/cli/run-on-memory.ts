/** `quickstep run --memory`: the pure in-memory driver, always on a virtual clock. */
import type { Json } from '../asl/json.js';
import type { Definition } from '../asl/types.js';
import type { HistoryEvent } from '../engine/types.js';
import { LocalTaskInvoker, type LambdaHandler } from '../adapters/local/local-task-invoker.js';
import { runExecution } from '../runtime/memory/run-execution.js';
import type { RunOutcome } from './run-outcome.js';

export async function runOnMemory(
  definition: Definition,
  input: Json,
  run: {
    handlers: Map<string, LambdaHandler>;
    stateMachineName: string;
    executionName: string;
    onHistoryEvent?: (executionId: string, event: HistoryEvent) => void;
  },
): Promise<RunOutcome> {
  const result = await runExecution(definition, input, {
    invoker: new LocalTaskInvoker(run.handlers),
    ...run,
  });
  return {
    ...result,
    transitions: result.merged.filter((entry) => entry.event.type.endsWith('StateEntered')).length,
    detail: `in-memory driver, ${result.transitions} decisions`,
  };
}
