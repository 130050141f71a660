/**
 * Starts Parallel branches and Map iterations as execution records of their own. Idempotent:
 * a child that exists already (a re-performed outbox) and has not moved since its start has
 * its start performed again; one that has moved on drives itself.
 */
import type { Definition } from '../../asl/types.js';
import { isPureState, startChildExecution, step } from '../../engine/index.js';
import type { ChildStart, Decision } from '../../engine/types.js';
import type { AdvanceMessage, ExecutionRecord } from '../ports.js';
import { messageId, startMessageId } from './messages.js';
import type { RuntimeContext } from './runtime-context.js';

export type PerformOutbox = (
  context: RuntimeContext,
  record: ExecutionRecord,
  definition: Definition,
  options: { invoke: boolean },
) => Promise<void>;

/** Conditional creates in flight at once: latency on AWS, a thousand children per message. */
const CREATES_IN_FLIGHT = 16;

/**
 * Creates every child first, then sends their first `Continue`s in one send: no child can
 * run (and report to the parent) while its siblings are still being created, so the parent's
 * outbox is normally marked performed before the first report arrives and is not carried.
 */
export async function startChildren(
  context: RuntimeContext,
  parent: ExecutionRecord,
  definition: Definition,
  children: ChildStart[],
  performOutbox: PerformOutbox,
): Promise<void> {
  const starts: ExecutionRecord[] = [];
  for (let i = 0; i < children.length; i += CREATES_IN_FLIGHT) {
    const created = await Promise.all(
      children
        .slice(i, i + CREATES_IN_FLIGHT)
        .map((child) => createChild(context, parent, definition, child)),
    );
    for (const record of created) if (record) starts.push(record);
  }
  const continues = starts.filter(onlyContinues);
  if (continues.length > 0)
    await context.ports.queue.send(continues.map((r) => ({ message: continueOf(r) })));
  // Marked performed so that a re-performed (carried) StartChildren does not send a second
  // first `Continue`: a copy arriving while the first runs a Task would invoke it again.
  for (let i = 0; i < continues.length; i += CREATES_IN_FLIGHT) {
    const marks = continues.slice(i, i + CREATES_IN_FLIGHT);
    await Promise.all(marks.map((r) => context.ports.store.markPerformed(r.id, r.seq)));
  }
  const others = starts.filter((r) => !onlyContinues(r));
  for (let i = 0; i < others.length; i += CREATES_IN_FLIGHT) {
    const batch = others.slice(i, i + CREATES_IN_FLIGHT);
    await Promise.all(batch.map((record) => performOutbox(context, record, definition, { invoke: true })));
  }
}

/** The child's start record when its start outbox must be performed; undefined otherwise. */
async function createChild(
  context: RuntimeContext,
  parent: ExecutionRecord,
  definition: Definition,
  child: ChildStart,
): Promise<ExecutionRecord | undefined> {
  const decision = await firstDecision(context, definition, parent, child);
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
    context.faults.at('after-child-created');
    return record;
  }
  // Created before, by an earlier attempt at this outbox: finish its start if that attempt
  // crashed before sending it. A child that has moved on drives itself.
  const existing = await context.ports.store.getExecution(child.id);
  const unstarted =
    existing?.outbox.messageId === startMessageId(child.id) && (existing.performedSeq ?? 0) < existing.seq;
  context.faults.at('after-child-created');
  return unstarted ? existing : undefined;
}

/**
 * The child's start. With fusion on, a child whose first state is pure (a Map iteration of
 * Pass states, say) also runs it, and the states fusion allows after it, in this same first
 * commit: the history is the same, and a message, a read and a write per child are saved.
 */
async function firstDecision(
  context: RuntimeContext,
  definition: Definition,
  parent: ExecutionRecord,
  child: ChildStart,
): Promise<Decision> {
  const start = await startChildExecution(definition, parent.snapshot.execution, child, context.env);
  const fuseStates = context.settings.fuseStates;
  const first = start.snapshot.position?.state;
  const state = first === undefined ? undefined : definition.machines.get(child.machineId)?.states.get(first);
  if (fuseStates <= 0 || !state || !isPureState(state.type)) return start;
  const advance = { type: 'Advance' as const, seq: start.snapshot.seq };
  const next = await step(definition, start.snapshot, advance, context.env, { fuseStates: fuseStates - 1 });
  if (next.ignored !== undefined) return start;
  return { snapshot: next.snapshot, events: [...start.events, ...next.events], effects: next.effects };
}

/** A start whose outbox is nothing but its first `Continue` (what the engine gives a child). */
function onlyContinues(record: ExecutionRecord): boolean {
  const { outbox } = record;
  return (
    outbox.events.length === 0 &&
    !outbox.carried?.length &&
    outbox.effects.length > 0 &&
    outbox.effects.every((effect) => effect.type === 'Continue')
  );
}

function continueOf(record: ExecutionRecord): AdvanceMessage {
  return {
    messageId: messageId(record, 'c'),
    executionId: record.id,
    event: { type: 'Advance', seq: record.seq },
  };
}
