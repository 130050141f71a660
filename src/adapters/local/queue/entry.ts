import type { QueueRecord } from './queue-types.js';

/** One message held by the queue. */
export interface Entry<T> {
  messageId: string;
  body: T;
  sentTimestamp: number;
  firstReceiveTimestamp?: number;
  receiveCount: number;
  /** Bumped on every receive; only the current receipt may delete the message. */
  receipt: number;
  /** Deleted or dead-lettered. */
  gone: boolean;
  /** A copy made by the duplicate chaos, which is not duplicated again. */
  copy: boolean;
}

/** One receive of an entry, as handed to the handler. */
export interface Delivery<T> {
  entry: Entry<T>;
  receipt: number;
  record: QueueRecord<T>;
}

export function newEntry<T>(messageId: string, body: T, now: number): Entry<T> {
  return { messageId, body, sentTimestamp: now, receiveCount: 0, receipt: 0, gone: false, copy: false };
}

/** A chaos duplicate: SQS duplicates keep the message id and only differ in receipt handles. */
export function copyEntry<T>(original: Entry<T>): Entry<T> {
  return { ...newEntry(original.messageId, original.body, original.sentTimestamp), copy: true };
}

/** What the handler gets for one delivery: a fresh copy of the body, as SQS hands out. */
export function toRecord<T>(entry: Entry<T>, receipt: number): QueueRecord<T> {
  return {
    messageId: entry.messageId,
    receiptHandle: `${entry.messageId}#${entry.copy ? 'copy-' : ''}${receipt}`,
    body: structuredClone(entry.body),
    receiveCount: entry.receiveCount,
    sentTimestamp: entry.sentTimestamp,
    firstReceiveTimestamp: entry.firstReceiveTimestamp ?? entry.sentTimestamp,
  };
}
