/**
 * `quickstep run` on the durable runtime over the embedded services: the definition is
 * registered, the execution started through the start operation, and the advance queue
 * drained until nothing is left to do.
 */
import pc from 'picocolors';
import type { Json } from '../asl/json.js';
import type { Definition } from '../asl/types.js';
import type { HistoryEvent } from '../engine/types.js';
import type { LambdaHandler } from '../adapters/local/local-task-invoker.js';
import { type ChaosOptions, LocalStack } from '../adapters/local/local-stack.js';
import { InjectedCrash } from '../runtime/durable/fault-injector.js';
import type { RunOutcome } from './run-outcome.js';

/** Pure states (Pass, Choice, Succeed, Fail) that one decision may run in a local run. */
const LOCAL_FUSE_STATES = 25;

export interface LocalRun {
  handlers: Map<string, LambdaHandler>;
  stateMachineName: string;
  executionName: string;
  fastTime: boolean;
  chaos?: ChaosOptions;
  dataDir?: string;
  dynamodbEndpoint?: string;
  onHistoryEvent?: (executionId: string, event: HistoryEvent) => void;
  onLine?: (line: string) => void;
}

export async function runOnLocalStack(
  definition: Definition,
  input: Json,
  run: LocalRun,
): Promise<RunOutcome> {
  const stack = await LocalStack.start({
    handlers: run.handlers,
    fastTime: run.fastTime,
    chaos: run.chaos,
    dataDir: run.dataDir,
    dynamodbEndpoint: run.dynamodbEndpoint,
    // Consecutive pure states in one decision: the same history, fewer messages and writes.
    settings: { fuseStates: LOCAL_FUSE_STATES },
  });
  try {
    let transitions = 0;
    stack.onHistory((executionId, event) => {
      if (event.type.endsWith('StateEntered')) transitions++;
      run.onHistoryEvent?.(executionId, event);
    });
    stack.invoker.sinks.onDelivery((delivery) =>
      run.onLine?.(
        `${pc.magenta('✉')} ${delivery.service} → ${delivery.target}: ${JSON.stringify(delivery.payload)}`,
      ),
    );
    const { runtime } = stack;
    await runtime.deployStateMachine({
      name: run.stateMachineName,
      definition: JSON.stringify(definition.source),
    });
    const executionArn = await startWithRetries(stack, run, JSON.stringify(input));
    await stack.settle(executionArn);
    const record = await runtime.describeExecution(executionArn);
    const { snapshot } = record;
    const counters = stack.queue.counters;
    const chaos = run.chaos
      ? `, chaos seed ${run.chaos.seed}: ${counters.duplicated} duplicated deliveries, ${stack.faults.crashes} injected crashes`
      : '';
    return {
      executionArn,
      status: record.status,
      output: snapshot.output,
      error: snapshot.error,
      cause: snapshot.cause,
      startTime: record.startDate,
      stopTime: record.stopDate,
      transitions,
      detail: `durable runtime, ${counters.sent} messages${chaos}`,
    };
  } finally {
    await stack.close();
  }
}

/** StartExecution is idempotent by name: a client retries it after a fault (`--chaos` injects some). */
async function startWithRetries(stack: LocalStack, run: LocalRun, input: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const started = await stack.runtime.startExecution({
        stateMachine: run.stateMachineName,
        name: run.executionName,
        input,
      });
      return started.executionArn;
    } catch (error) {
      if (!(error instanceof InjectedCrash) || attempt >= 10) throw error;
    }
  }
}
