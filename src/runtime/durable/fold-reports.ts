/**
 * Folding children's reports: which messages of a queue batch are decided together
 * (`ChildCompleted` to the same parent, so that a Map of a thousand iterations commits its
 * parent about once per batch instead of once per iteration; everything else alone, in batch
 * order), and the decisions of a fold, which advance.ts commits in one conditional write.
 */
import type { Definition } from '../../asl/types.js';
import { step } from '../../engine/index.js';
import type { Decision } from '../../engine/types.js';
import type { AdvanceMessage, ExecutionRecord } from '../ports.js';
import type { RuntimeContext } from './runtime-context.js';

export function foldGroups<T>(records: T[], messageOf: (record: T) => AdvanceMessage): T[][] {
  const groups: T[][] = [];
  const reportsTo = new Map<string, T[]>();
  for (const record of records) {
    const message = messageOf(record);
    if (message.event.type !== 'ChildCompleted' || message.dueTime !== undefined) {
      groups.push([record]);
      continue;
    }
    const group = reportsTo.get(message.executionId);
    if (group) group.push(record);
    else {
      const fresh = [record];
      reportsTo.set(message.executionId, fresh);
      groups.push(fresh);
    }
  }
  return groups;
}

export interface Fold {
  decisions: Decision[];
  /** The messages whose decisions were made, in order. */
  applied: AdvanceMessage[];
  /** How many leading messages the fold covers: the applied ones and the dropped duplicates. */
  handled: number;
  /** Why the first message that did not apply was ignored. */
  ignored?: string;
}

/**
 * Decisions for the leading messages, each on the snapshot the previous one left. A message
 * that does not apply is dropped and the fold goes on — unless nothing applied yet and the
 * record's last commit came from it (it may have an outbox to repair): that one is handled
 * alone. Stops after a task invocation, which is performed inline after its commit.
 */
export async function decideInTurn(
  context: RuntimeContext,
  definition: Definition,
  record: ExecutionRecord,
  messages: AdvanceMessage[],
): Promise<Fold> {
  const fold: Fold = { decisions: [], applied: [], handled: 0 };
  let current = record.snapshot;
  for (const message of messages) {
    const decision = await step(definition, current, message.event, context.env, {
      fuseStates: context.settings.fuseStates,
    });
    if (decision.ignored !== undefined) {
      fold.ignored ??= decision.ignored;
      if (fold.decisions.length === 0 && fromMessage(record, message.messageId)) return fold;
      fold.handled++;
      continue;
    }
    fold.decisions.push(decision);
    fold.applied.push(message);
    fold.handled++;
    current = decision.snapshot;
    if (decision.effects.some((effect) => effect.type === 'InvokeTask')) break;
  }
  return fold;
}

export function merge(decisions: Decision[]): Decision {
  return {
    snapshot: decisions[decisions.length - 1].snapshot,
    events: decisions.flatMap((decision) => decision.events),
    effects: decisions.flatMap((decision) => decision.effects),
  };
}

/** True when the record's last commit was made by (or folded in) this message. */
export function fromMessage(record: ExecutionRecord, id: string): boolean {
  const { outbox } = record;
  return outbox.messageId === id || outbox.rootMessageId === id || (outbox.folded?.includes(id) ?? false);
}
