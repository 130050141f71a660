/** Runs one execution to its end on the in-memory driver: the fast way to test a workflow. */
import { randomUUID } from 'node:crypto';
import type { Json } from '../../asl/json.js';
import type { Definition } from '../../asl/types.js';
import type { ExecutionStatus, HistoryEvent } from '../../engine/types.js';
import { executionArn, stateMachineArn } from '../arn.js';
import { MemoryDriver, type MemoryDriverOptions } from './memory-driver.js';

export interface ExecutionResult {
  executionArn: string;
  status: ExecutionStatus;
  output?: Json;
  error?: string;
  cause?: string;
  startTime: number;
  stopTime?: number;
  /** The top-level execution's own history. */
  history: HistoryEvent[];
  /** Every execution's events (Parallel branches and Map iterations too) in the order recorded. */
  merged: { executionId: string; event: HistoryEvent }[];
  /** Decisions committed, across all child executions. */
  transitions: number;
}

export interface RunOptions extends MemoryDriverOptions {
  stateMachineName?: string;
  executionName?: string;
}

export async function runExecution(
  definition: Definition,
  input: Json,
  options: RunOptions,
): Promise<ExecutionResult> {
  const driver = new MemoryDriver(definition, options);
  const stateMachineName = options.stateMachineName ?? 'local';
  const name = options.executionName ?? randomUUID();
  const id = executionArn(stateMachineName, name);
  driver.start({ id, name, input, stateMachineId: stateMachineArn(stateMachineName), stateMachineName });
  await driver.runUntilIdle();
  return resultOf(driver, id);
}

export function resultOf(driver: MemoryDriver, id: string): ExecutionResult {
  const snapshot = driver.executions.get(id)!;
  return {
    executionArn: id,
    status: snapshot.status,
    output: snapshot.output,
    error: snapshot.error,
    cause: snapshot.cause,
    startTime: snapshot.execution.startTime,
    stopTime: snapshot.stopTime,
    history: driver.histories.get(id) ?? [],
    merged: driver.merged,
    transitions: driver.transitions,
  };
}
