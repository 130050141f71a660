/**
 * Performs a commit's outbox. Order matters for crash safety: history, task-token
 * registration, children and status events first; messages that lead to this execution's
 * next commit (continue, timers, the inline task) last — so when such a message arrives, every
 * other effect of the commit is known to be done. Every effect is idempotent.
 */
import type { Definition } from '../../asl/types.js';
import type { Effect, EngineEvent, ExecutionStatus } from '../../engine/types.js';
import { stateMachineArn } from '../arn.js';
import { describeOutput } from './describe-output.js';
import type { AdvanceMessage, ExecutionRecord } from '../ports.js';
import { startChildren } from './start-child.js';
import { delaySecondsUntil, messageId } from './messages.js';
import { invokeTask } from './invoke-task.js';
import type { RuntimeContext } from './runtime-context.js';
import { statusEvent } from './status-event.js';

type Outgoing = { message: AdvanceMessage; delaySeconds?: number };

export async function performOutbox(
  context: RuntimeContext,
  record: ExecutionRecord,
  definition: Definition,
  options: { invoke: boolean },
): Promise<void> {
  const { store, queue, bus } = context.ports;
  const { outbox } = record;
  const carried = outbox.carried ?? [];
  const events = [...carried.flatMap((entry) => entry.events), ...outbox.events];
  const effects = [...carried.flatMap((entry) => entry.effects), ...outbox.effects];
  if (events.length > 0) await store.putHistory(record.id, events);
  context.faults.at('after-history');

  const phase = record.snapshot.position?.phase;
  if (phase?.kind === 'task' && phase.tokenHash && effects.some((effect) => effect.type === 'InvokeTask')) {
    await store.putTaskToken({
      tokenHash: phase.tokenHash,
      executionId: record.id,
      waitId: phase.waitId,
      ttl: ttlOf(context),
    });
  }
  for (const effect of effects) {
    if (effect.type === 'StartChildren')
      await startChildren(context, record, definition, effect.children, performOutbox);
  }
  context.faults.at('after-children');

  // A status change is an Execution* history event (started, redriven, each ending), carried ones too.
  if (!record.parentId) {
    const statuses = events.flatMap((event) => statusOf(event.type) ?? []);
    if (statuses.length > 0)
      await bus.publish(statuses.map((status) => statusEvent(record, context.settings, status)));
  }
  context.faults.at('after-finish');

  const outgoing = effects.flatMap((effect, index) => messagesFor(context, record, effect, index));
  const toSelf = outgoing.filter((entry) => entry.message.executionId === record.id);
  const toOthers = outgoing.filter((entry) => entry.message.executionId !== record.id);
  if (toOthers.length > 0) await queue.send(toOthers);
  context.faults.at('before-continue');
  if (toSelf.length > 0) await queue.send(toSelf);
  context.faults.at('after-timers');

  const invocations = outbox.effects.filter((effect) => effect.type === 'InvokeTask');
  if (!options.invoke && invocations.length > 0) return;
  for (const effect of invocations)
    await invokeTask(context, record, effect, outbox.rootMessageId ?? outbox.messageId);
  // Last: from now on a duplicate of this commit's message is dropped, and nothing is carried.
  if (needsMarker(record)) await store.markPerformed(record.id, record.seq);
}

/**
 * The marker only saves repeated work (a duplicate re-performing, a later commit carrying), so
 * a child's end goes without: nothing commits after it, and a duplicate of its last message
 * only re-sends its report, which the parent ignores. Top-level executions keep it: their end
 * publishes a status event (I5).
 */
function needsMarker(record: ExecutionRecord): boolean {
  return !record.parentId || record.status === 'RUNNING';
}

/** The status an Execution* history event announces. */
function statusOf(type: string): ExecutionStatus | undefined {
  const statuses: { [type: string]: ExecutionStatus } = {
    ExecutionStarted: 'RUNNING',
    ExecutionRedriven: 'RUNNING',
    ExecutionSucceeded: 'SUCCEEDED',
    ExecutionFailed: 'FAILED',
    ExecutionTimedOut: 'TIMED_OUT',
    ExecutionAborted: 'ABORTED',
  };
  return statuses[type];
}

function messagesFor(
  context: RuntimeContext,
  record: ExecutionRecord,
  effect: Effect,
  index: number,
): Outgoing[] {
  const now = context.env.now();
  switch (effect.type) {
    case 'Continue':
      return [
        {
          message: {
            messageId: messageId(record, 'c'),
            executionId: record.id,
            event: { type: 'Advance', seq: record.seq },
          },
        },
      ];
    case 'StartTimer':
      return [
        {
          message: {
            messageId: messageId(record, `t${index}`),
            executionId: record.id,
            event: { type: 'TimerFired', waitId: effect.waitId },
            dueTime: effect.dueTime,
          },
          delaySeconds: delaySecondsUntil(effect.dueTime, now),
        },
      ];
    case 'StopChildren':
      return effect.childIds.map((childId, n) => ({
        message: {
          messageId: messageId(record, `stop${index}.${n}`),
          executionId: childId,
          event: { type: 'Stop' },
        },
      }));
    case 'Finish':
      if (record.snapshot.caller) return [callerResumed(context, record)];
      // A stopped child reports nothing: its parent stopped it and has moved on.
      return record.snapshot.parent && effect.status !== 'ABORTED' ? [childCompleted(record)] : [];
    default:
      return [];
  }
}

function childCompleted(record: ExecutionRecord): Outgoing {
  const { snapshot } = record;
  const parent = snapshot.parent!;
  const outcome =
    snapshot.status === 'SUCCEEDED'
      ? { status: 'SUCCEEDED' as const, output: snapshot.output ?? null }
      : { status: 'FAILED' as const, error: snapshot.error ?? '', cause: snapshot.cause ?? '' };
  return {
    message: {
      messageId: messageId(record, 'done'),
      executionId: parent.executionId,
      event: { type: 'ChildCompleted', waitId: parent.waitId, index: parent.index, outcome },
    },
  };
}

function ttlOf(context: RuntimeContext): number {
  return Math.floor(context.env.now() / 1000) + context.settings.retentionDays * 86_400;
}

/** A nested execution ended: the `.sync` task waiting on it succeeds or fails with its description. */
function callerResumed(context: RuntimeContext, record: ExecutionRecord): Outgoing {
  const caller = record.snapshot.caller!;
  const machineArn = stateMachineArn(
    record.stateMachineName,
    context.settings.region,
    context.settings.account,
  );
  const described = describeOutput(record, machineArn, caller.pattern === 'sync:2');
  const event: EngineEvent =
    record.status === 'SUCCEEDED'
      ? { type: 'TaskSucceeded', waitId: caller.waitId, output: described }
      : {
          type: 'TaskFailed',
          waitId: caller.waitId,
          error: 'States.TaskFailed',
          cause: JSON.stringify(described),
        };
  return { message: { messageId: messageId(record, 'caller'), executionId: caller.executionId, event } };
}
