/**
 * Message ids: deterministic per commit (`{executionId}#{seq}#{what}`), so a redelivered or
 * re-sent message is recognisable, and a message caused by a commit names that commit.
 */
import type { ExecutionRecord } from '../ports.js';

export const MAX_DELAY_SECONDS = 900;

export function messageId(record: Pick<ExecutionRecord, 'id' | 'seq'>, what: string): string {
  return `${record.id}#${record.seq}#${what}`;
}

export function startMessageId(executionId: string): string {
  return `start:${executionId}`;
}

/** True when the message was sent as an effect of the commit at `seq`. */
export function causedBy(messageIdText: string, record: Pick<ExecutionRecord, 'id' | 'seq'>): boolean {
  return (
    messageIdText.startsWith(`${record.id}#${record.seq}#`) || messageIdText === startMessageId(record.id)
  );
}

/** Seconds to wait for a due time, within the queue's maximum; a longer wait hops. */
export function delaySecondsUntil(dueTime: number, now: number): number {
  return Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil((dueTime - now) / 1000)));
}
