/**
 * The advance loop, per message (DESIGN.md, "Advancing an execution"): load the record
 * (strongly consistent) → engine.step → one conditional write on `seq` carrying the new
 * snapshot and the outbox → perform the outbox. An event that no longer applies is dropped,
 * unless the record's last commit came from this very message: then its outbox is performed
 * again (the repair after a crash). A lost race decides again from a fresh read.
 */
import { randomUUID } from 'node:crypto';
import type { Decision, Effect, Snapshot } from '../../engine/types.js';
import { type AdvanceMessage, type CarriedOutbox, type ExecutionRecord, SeqConflictError } from '../ports.js';
import { decideInTurn, fromMessage, merge } from './fold-reports.js';
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
  if (message.dueTime !== undefined && message.dueTime > context.env.now() + 500) {
    return hopTimer(context, message);
  }
  const { applied, reason } = await decideAndCommit(context, [message], options);
  return applied > 0 ? { applied: true } : { applied: false, reason: reason ?? 'ignored' };
}

/**
 * Children's reports to one parent (see `foldGroups`), decided one after another on the same
 * read and committed together: one read and one conditional write for the lot instead of one
 * each. Each decision is the engine's own, in order, so the history and the snapshot are those
 * of committing them one by one; a report that no longer applies (a duplicate) is dropped on
 * the way. Returns how many of the leading messages were handled (at least one): the caller
 * handles the rest, so that one failure does not send every message of a batch back.
 */
export async function foldMessages(context: RuntimeContext, messages: AdvanceMessage[]): Promise<number> {
  const { handled } = await decideAndCommit(context, messages, {});
  return handled;
}

async function decideAndCommit(
  context: RuntimeContext,
  messages: AdvanceMessage[],
  options: HandleOptions,
): Promise<{ handled: number; applied: number; reason?: string }> {
  const { store } = context.ports;
  const first = messages[0];
  for (let attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
    const record = await store.getExecution(first.executionId);
    if (!record) return { handled: messages.length, applied: 0, reason: 'no such execution' };
    const definition = await context.definitions.get(record.stateMachineName, record.versionId);
    const fold = await decideInTurn(context, definition, record, messages);
    if (fold.decisions.length === 0) {
      // Re-perform only what may be unfinished: a duplicate after the outbox was performed is dropped.
      if (fromMessage(record, first.messageId) && !isPerformed(record))
        await performOutbox(context, record, definition, { invoke: true });
      return { handled: Math.max(1, fold.handled), applied: 0, reason: fold.ignored };
    }
    const rootMessageId = options.rootMessageId ?? fold.applied[0].messageId;
    const next = nextRecord(
      context,
      record,
      merge(fold.decisions),
      fold.applied,
      messages.slice(0, fold.handled),
      rootMessageId,
      options.carry ?? true,
    );
    context.faults.at('before-commit');
    try {
      await store.commitExecution(next, record.seq);
    } catch (error) {
      if (error instanceof SeqConflictError) continue;
      throw error;
    }
    context.faults.at('after-commit');
    await performOutbox(context, next, definition, { invoke: true });
    return { handled: fold.handled, applied: fold.applied.length };
  }
  throw new Error(`Execution ${first.executionId}: gave up after ${MAX_CONFLICTS} write conflicts`);
}

function nextRecord(
  context: RuntimeContext,
  record: ExecutionRecord,
  decision: Decision,
  applied: AdvanceMessage[],
  seen: AdvanceMessage[],
  rootMessageId: string,
  carry: boolean,
): ExecutionRecord {
  const { snapshot } = decision;
  const [message, ...folded] = applied;
  // A message the last commit caused proves that commit's outbox performed (self-messages go last).
  const carried =
    !carry || isPerformed(record) || seen.some((m) => causedBy(m.messageId, record))
      ? undefined
      : unfinished(record, snapshot);
  const finished = snapshot.status !== 'RUNNING';
  return {
    ...record,
    status: snapshot.status,
    seq: snapshot.seq,
    snapshot,
    outbox: {
      messageId: message.messageId,
      rootMessageId: rootMessageId === message.messageId ? undefined : rootMessageId,
      folded: folded.length > 0 ? folded.map((m) => m.messageId) : undefined,
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

/** True when the record's last outbox is known to be fully performed. */
function isPerformed(record: ExecutionRecord): boolean {
  return (record.performedSeq ?? 0) >= record.seq;
}

/**
 * What earlier commits may have left undone: everything carried so far and the last commit's
 * own events and effects, minus what is known performed (a performed seq covers every commit
 * up to it, since each performer performs what its commit carried). Task invocations are
 * never carried (a callback or result proves they happened), nor children that have reported.
 */
function unfinished(record: ExecutionRecord, next: Snapshot): CarriedOutbox[] {
  const performed = record.performedSeq ?? 0;
  const phase = next.position?.phase;
  const reported = (waitId: string, index: number) =>
    phase?.kind === 'children' && phase.waitId === waitId && phase.join.outcomes[index] != null;
  const keep = (effect: Effect): Effect[] => {
    if (effect.type === 'InvokeTask') return [];
    if (effect.type !== 'StartChildren') return [effect];
    const children = effect.children.filter((child) => !reported(effect.waitId, child.index));
    return children.length > 0 ? [{ ...effect, children }] : [];
  };
  const own = { seq: record.seq, events: record.outbox.events, effects: record.outbox.effects };
  return [...(record.outbox.carried ?? []), own]
    .filter((entry) => entry.seq > performed)
    .map((entry) => ({ ...entry, effects: entry.effects.flatMap(keep) }));
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
  // One hop chain per timer: deliveries of one send share a nonce; a forked copy loses the claim.
  const hop = message.hop ?? { n: 0, nonce: message.messageId };
  const claimed = await context.ports.store.claim(message.executionId, `hop#${waitId}#${hop.n}`, hop.nonce);
  if (!claimed) return { applied: false, reason: 'a duplicate hop of this timer: dropped' };
  const now = context.env.now();
  const next = { ...message, hop: { n: hop.n + 1, nonce: randomUUID() } };
  await context.ports.queue.send([
    { message: next, delaySeconds: delaySecondsUntil(message.dueTime ?? now, now) },
  ]);
  return { applied: false, reason: 'timer not due yet: re-enqueued' };
}
