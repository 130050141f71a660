/**
 * Reading and deleting state machines: DescribeStateMachine, ListStateMachines,
 * DeleteStateMachine and DescribeStateMachineForExecution. A deletion removes the machine's
 * head only; executions in flight keep their pinned definition version (I4).
 */
import { QuickstepError } from '../errors.js';
import type { DefinitionVersion, Page, StateMachineRecord } from '../ports.js';
import type { RuntimeContext } from './runtime-context.js';

export interface StateMachineDescription {
  machine: StateMachineRecord;
  version: DefinitionVersion;
}

export async function describeStateMachine(
  context: RuntimeContext,
  name: string,
): Promise<StateMachineDescription> {
  const machine = await context.ports.store.getStateMachine(name);
  if (!machine)
    throw new QuickstepError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${name}'`);
  return { machine, version: await versionOf(context, name, machine.versionId) };
}

export function listStateMachines(
  context: RuntimeContext,
  options: { limit?: number; nextToken?: string },
): Promise<Page<StateMachineRecord>> {
  return context.ports.store.listStateMachines(options);
}

/** Idempotent, as Step Functions' is: deleting a machine that is gone is no error. */
export async function deleteStateMachine(context: RuntimeContext, name: string): Promise<void> {
  await context.ports.store.deleteStateMachine(name);
}

/** The definition an execution runs on: the version it started with, whatever happened since. */
export async function describeStateMachineForExecution(
  context: RuntimeContext,
  executionArn: string,
): Promise<{ stateMachineName: string; version: DefinitionVersion; machine?: StateMachineRecord }> {
  const { store } = context.ports;
  const record = await store.getExecution(executionArn);
  if (!record || record.parentId)
    throw new QuickstepError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
  const version = await versionOf(context, record.stateMachineName, record.versionId);
  const machine = await store.getStateMachine(record.stateMachineName);
  return { stateMachineName: record.stateMachineName, version, machine };
}

async function versionOf(
  context: RuntimeContext,
  name: string,
  versionId: string,
): Promise<DefinitionVersion> {
  const version = await context.ports.store.getDefinitionVersion(name, versionId);
  // Versions are written before the head that names them: a missing one is a broken store.
  if (!version) throw new Error(`Definition version ${versionId} of ${name} is missing`);
  return version;
}
