/**
 * The advance loop, per message (DESIGN.md, "Advancing an execution"): load the record
 * (strongly consistent) → engine.step → one conditional write on `seq` carrying the new
 * snapshot and the outbox → perform the outbox. An event that no longer applies is dropped,
 * unless the record's last commit came from this very message: then its outbox is performed
 * again (the repair after a crash). A lost race decides again from a fresh read.
 */
import { step } from '../../engine/index.js';
import type { Decision, Effect } from '../../engine/types.js';
import { type AdvanceMessage, type ExecutionRecord, SeqConflictError } from '../ports.js';
import { causedBy, delaySecondsUntil } from './messages.js';
import { performOutbox } from './perform-outbox.js';
import type { HandleResult, RuntimeContext } from './runtime-context.js';

const MAX_CONFLICTS = 50;

export interface HandleOptions {
  /** The queue message being processed, when this one is applied inline (a task's result). */
  rootMessageId?: string;
  /** False for a dead letter's failure: what kept failing must not be attempted again. */
  carry?: boolean;
}

export async function handleMessage(
  context: RuntimeContext,
  message: AdvanceMessage,
  options: HandleOptions = {},
): Promise<HandleResult> {
  const { store } = context.ports;
  const rootMessageId = options.rootMessageId ?? message.messageId;
  if (message.dueTime !== undefined && message.dueTime > context.env.now() + 500) {
    return hopTimer(context, message);
  }
  for (let attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
    const record = await store.getExecution(message.executionId);
    if (!record) return { applied: false, reason: 'no such execution' };
    const definition = await context.definitions.get(record.stateMachineName, record.versionId);
    const decision = step(definition, record.snapshot, message.event, context.env, {
      fuseStates: context.settings.fuseStates,
    });
    if (decision.ignored !== undefined) {
      const { outbox } = record;
      if (outbox.messageId === message.messageId || outbox.rootMessageId === message.messageId) {
        await performOutbox(context, record, definition, { invoke: true });
      }
      return { applied: false, reason: decision.ignored };
    }
    const next = nextRecord(context, record, decision, message, rootMessageId, options.carry ?? true);
    context.faults.at('before-commit');
    try {
      await store.commitExecution(next, record.seq);
    } catch (error) {
      if (error instanceof SeqConflictError) continue;
      throw error;
    }
    context.faults.at('after-commit');
    await performOutbox(context, next, definition, { invoke: true });
    return { applied: true };
  }
  throw new Error(`Execution ${message.executionId}: gave up after ${MAX_CONFLICTS} write conflicts`);
}

function nextRecord(
  context: RuntimeContext,
  record: ExecutionRecord,
  decision: Decision,
  message: AdvanceMessage,
  rootMessageId: string,
  carry: boolean,
): ExecutionRecord {
  const { snapshot } = decision;
  const carried =
    !carry || causedBy(message.messageId, record)
      ? undefined
      : {
          events: record.outbox.events,
          effects: record.outbox.effects.filter((effect) => effect.type !== 'InvokeTask'),
        };
  const finished = snapshot.status !== 'RUNNING';
  return {
    ...record,
    status: snapshot.status,
    seq: snapshot.seq,
    snapshot,
    outbox: {
      messageId: message.messageId,
      rootMessageId: rootMessageId === message.messageId ? undefined : rootMessageId,
      events: decision.events,
      effects: decision.effects.map(withoutTaskToken),
      carried,
    },
    stopDate: snapshot.stopTime,
    ttl: finished
      ? Math.floor(context.env.now() / 1000) + context.settings.retentionDays * 86_400
      : undefined,
  };
}

/** Only a token's hash is kept (I3); the invocation's parameters carry it where the definition put it. */
function withoutTaskToken(effect: Effect): Effect {
  if (effect.type !== 'InvokeTask' || effect.taskToken === undefined) return effect;
  const { taskToken: _token, ...rest } = effect;
  return rest;
}

/**
 * A timer longer than the queue's maximum delay hops until it is due — but only while its
 * wait is still open: a timer whose wait is gone (or whose execution ended) is dropped.
 */
async function hopTimer(context: RuntimeContext, message: AdvanceMessage): Promise<HandleResult> {
  const record = await context.ports.store.getExecution(message.executionId);
  const { event } = message;
  const snapshot = record?.snapshot;
  const phase = snapshot?.position?.phase;
  const waitId = event.type === 'TimerFired' ? event.waitId : undefined;
  const open =
    snapshot?.status === 'RUNNING' &&
    waitId !== undefined &&
    (waitId === snapshot.timeoutWaitId ||
      (phase !== undefined &&
        'waitId' in phase &&
        (phase.waitId === waitId || (phase.kind === 'task' && phase.heartbeatWaitId === waitId))));
  if (!open) return { applied: false, reason: 'timer for a wait that is gone: dropped' };
  const now = context.env.now();
  await context.ports.queue.send([{ message, delaySeconds: delaySecondsUntil(message.dueTime ?? now, now) }]);
  return { applied: false, reason: 'timer not due yet: re-enqueued' };
}
