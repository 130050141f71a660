/**
 * Starts a Parallel branch or Map iteration as an execution record of its own. Idempotent:
 * when the child exists already (a re-performed outbox) and has not moved since its start,
 * its start is performed again; otherwise nothing is done.
 */
import type { Definition } from '../../asl/types.js';
import { startChildExecution } from '../../engine/index.js';
import type { ChildStart } from '../../engine/types.js';
import type { ExecutionRecord } from '../ports.js';
import { startMessageId } from './messages.js';
import type { RuntimeContext } from './runtime-context.js';

export type PerformOutbox = (
  context: RuntimeContext,
  record: ExecutionRecord,
  definition: Definition,
  options: { invoke: boolean },
) => Promise<void>;

export async function startChild(
  context: RuntimeContext,
  parent: ExecutionRecord,
  definition: Definition,
  child: ChildStart,
  performOutbox: PerformOutbox,
): Promise<void> {
  const decision = await startChildExecution(definition, parent.snapshot.execution, child, context.env);
  const record: ExecutionRecord = {
    id: child.id,
    stateMachineName: parent.stateMachineName,
    versionId: parent.versionId,
    name: parent.name,
    status: decision.snapshot.status,
    seq: decision.snapshot.seq,
    snapshot: decision.snapshot,
    outbox: { messageId: startMessageId(child.id), events: decision.events, effects: decision.effects },
    parentId: parent.id,
    startDate: context.env.now(),
  };
  if (await context.ports.store.createExecution(record)) {
    await performOutbox(context, record, definition, { invoke: true });
    return;
  }
  // Created before, by an earlier attempt at this outbox: finish its start if that attempt
  // crashed before sending it. A child that has moved on drives itself.
  const existing = await context.ports.store.getExecution(child.id);
  if (
    existing?.outbox.messageId === startMessageId(child.id) &&
    (existing.performedSeq ?? 0) < existing.seq
  ) {
    await performOutbox(context, existing, definition, { invoke: false });
  }
}
