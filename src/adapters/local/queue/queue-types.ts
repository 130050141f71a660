/** What a consumer of the local queue sees: the shape of an SQS record in a Lambda event. */
export interface QueueRecord<T> {
  /** The queue's id for the message: one per send, shared by duplicate deliveries. */
  messageId: string;
  /** One per delivery; only the latest delivery's handle deletes the message. */
  receiptHandle: string;
  /** A fresh copy per delivery, as SQS hands out a fresh parse of the body each time. */
  body: T;
  /** SQS's ApproximateReceiveCount: this delivery included. */
  receiveCount: number;
  sentTimestamp: number;
  firstReceiveTimestamp: number;
}

/** Lambda's ReportBatchItemFailures: the message ids to redeliver; the rest are deleted. */
export interface BatchResult {
  failedIds: string[];
}

/** Throwing fails the whole batch, as a Lambda function error does. */
export type BatchHandler<T> = (batch: QueueRecord<T>[]) => Promise<BatchResult>;

/** Something a dead letter can be moved to; a LocalQueue is one. */
export interface DeadLetterTarget<T> {
  send(messages: { message: T; delaySeconds?: number }[]): Promise<void>;
}

export interface LocalQueueOptions<T> {
  /** Messages per batch handed to the handler (default 10, Lambda's SQS default). */
  batchSize?: number;
  /**
   * Message groups, as a FIFO queue has them: messages of a group held by a batch in flight
   * wait for it instead of going to a concurrent batch (for the runtime: one execution's
   * messages, which would only lose write races to each other). Default: none.
   */
  groupOf?: (body: T) => string | undefined;
  /** Batches in flight at once (default 4). */
  concurrency?: number;
  /** Seconds a received message stays invisible before it is delivered again (default 30). */
  visibilityTimeoutSeconds?: number;
  /** Receives after which the next receive moves the message to the dead letters (default 5). */
  maxReceiveCount?: number;
  /** Where dead letters go besides `deadLetters`: typically another LocalQueue. */
  deadLetterQueue?: DeadLetterTarget<T>;
  /** Chaos: probability that a delivery is repeated by a second copy of the message. */
  duplicate?: number;
  /** Chaos: probability that a batch slot is filled out of order; batches are shuffled too. */
  reorder?: number;
  /** Drives the chaos; pass a seeded one (seededRandom) for reproducible runs. */
  random?: () => number;
  /** With a virtual clock, jump it to the next delayed message when idle (default true). */
  advanceClock?: boolean;
  /** Told about a handler that threw (the batch is redelivered regardless). */
  onHandlerError?: (error: unknown, batch: QueueRecord<T>[]) => void;
}

export interface QueueCounters {
  /** Messages accepted by send. */
  sent: number;
  /** Deliveries to the handler, redeliveries and duplicates included. */
  received: number;
  /** Messages acknowledged and removed. */
  deleted: number;
  /** Messages moved to the dead letters. */
  deadLettered: number;
  /** Extra copies made by the `duplicate` chaos option. */
  duplicated: number;
}

/** A message that was received `maxReceiveCount` times without being deleted. */
export interface DeadLetter<T> {
  messageId: string;
  body: T;
  receiveCount: number;
  sentTimestamp: number;
  deadLetteredAt: number;
}
