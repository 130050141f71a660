import type { AdvanceMessage } from '../../../runtime/ports.js';
import type { SchedulerClock } from '../clock/scheduler-clock.js';
import { failedMessageIds } from './batch-outcome.js';
import { Chaos } from './chaos.js';
import { type Delivery, type Entry, copyEntry, newEntry, toRecord } from './entry.js';
import { QueueStore } from './queue-store.js';
import { type QueueSettings, checkDelaySeconds, resolveQueueSettings } from './queue-options.js';
import type { BatchHandler, DeadLetter, LocalQueueOptions, QueueCounters } from './queue-types.js';

/**
 * An in-process queue with SQS standard-queue semantics (delays, visibility timeout, receive
 * count, dead letters, at-least-once) and a Lambda-like consumer (batches, partial batch
 * failures, bounded concurrency). With `LocalQueue<AdvanceMessage>` it is the runtime's
 * MessageQueue port.
 */
export class LocalQueue<T = AdvanceMessage> {
  /** Message groups held by batches in flight, with how many batches hold each. */
  private readonly busyGroups = new Map<string, number>();
  readonly deadLetters: DeadLetter<T>[] = [];
  private readonly settings: QueueSettings<T>;
  private readonly chaos: Chaos;
  private readonly store = new QueueStore<T>();
  private readonly count: QueueCounters = {
    sent: 0,
    received: 0,
    deleted: 0,
    deadLettered: 0,
    duplicated: 0,
  };
  private readonly batches = new Set<Promise<void>>();
  private idleWaiters: (() => void)[] = [];
  private handler?: BatchHandler<T>;
  private loop?: Promise<void>;
  private wake = new AbortController();
  private nextId = 0;

  constructor(
    private readonly clock: SchedulerClock,
    options: LocalQueueOptions<T> = {},
  ) {
    this.settings = resolveQueueSettings(options);
    this.chaos = new Chaos(this.settings.duplicate, this.settings.reorder, this.settings.random);
  }

  /** Each message sent is a new queue message, even with the same body (a standard queue). */
  async send(messages: { message: T; delaySeconds?: number }[]): Promise<void> {
    // All delays are checked first: a rejected call enqueues nothing.
    const delays = messages.map((m) => checkDelaySeconds(m.delaySeconds));
    const now = this.clock.now();
    messages.forEach(({ message }, i) => {
      this.store.add(
        newEntry(`m-${++this.nextId}`, structuredClone(message), now),
        now + delays[i] * 1000,
        now,
      );
    });
    this.count.sent += messages.length;
    this.wakeUp();
  }

  /** Starts the consumer loop; the handler gets batches until `stop()`. */
  start(handler: BatchHandler<T>): void {
    if (this.handler) throw new Error('LocalQueue: already started');
    this.handler = handler;
    this.loop = this.run(handler);
  }

  /** Ends the loop and waits for the batches in flight to settle. */
  async stop(): Promise<void> {
    this.handler = undefined;
    this.wakeUp();
    await this.loop;
    await Promise.all(this.batches);
    this.loop = undefined;
  }

  /** True when no message is held (visible, delayed or in flight) and no handler runs. */
  get isIdle(): boolean {
    return this.store.live === 0 && this.batches.size === 0;
  }

  /** Resolves once the queue is idle: nothing more can happen unless someone sends. */
  idle(): Promise<void> {
    if (this.isIdle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  get counters(): QueueCounters {
    return { ...this.count };
  }

  /** Messages held: visible now, and hidden (delayed or in flight). */
  get depth(): { visible: number; hidden: number } {
    return { visible: this.store.visibleCount, hidden: this.store.live - this.store.visibleCount };
  }

  private async run(handler: BatchHandler<T>): Promise<void> {
    // The first batch is handed over after start() returns, never from inside it.
    await Promise.resolve();
    while (this.handler === handler) {
      this.wake = new AbortController();
      const signal = this.wake.signal;
      const now = this.clock.now();
      this.store.promote(now);
      while (this.batches.size < this.settings.concurrency && this.store.visibleCount > 0) {
        const batch = this.receiveBatch(now);
        if (batch.length === 0) break; // every visible message waits for its group
        this.dispatch(handler, batch);
      }
      this.settleIdle();
      await this.waitForWork(signal);
    }
  }

  private async waitForWork(signal: AbortSignal): Promise<void> {
    const next = this.store.visibleCount > 0 ? undefined : this.store.nextVisibleAt();
    if (next === undefined) return aborted(signal);
    if (this.batches.size > 0 || !this.settings.advanceClock) return this.clock.sleepUntil(next, signal);
    // Let code that is about to send (a continuation, an awaiting test) do so before a
    // virtual clock jumps past what it would have sent.
    await new Promise((resolve) => setImmediate(resolve));
    if (!signal.aborted) await this.clock.idleUntil(next, signal);
  }

  private receiveBatch(now: number): Delivery<T>[] {
    const batch: Delivery<T>[] = [];
    const copies: Entry<T>[] = [];
    const waiting: Entry<T>[] = [];
    const visible = this.store.visibleCount;
    while (batch.length < this.settings.batchSize && waiting.length + batch.length < visible) {
      if (this.store.visibleCount === 0) break;
      const entry = this.store.takeVisible(this.chaos.pickOffset(this.store.visibleCount))!;
      if (this.groupBusy(entry)) {
        waiting.push(entry);
        continue;
      }
      // SQS moves a message on the receive that would exceed maxReceiveCount.
      if (entry.receiveCount >= this.settings.maxReceiveCount) {
        this.deadLetter(entry, now);
        continue;
      }
      const receipt = this.store.receive(entry, now, this.settings.visibilityTimeoutMs);
      batch.push({ entry, receipt, record: toRecord(entry, receipt) });
      if (!entry.copy && this.chaos.duplicates()) copies.push(copyEntry(entry));
    }
    for (const entry of waiting) this.store.putBack(entry);
    // Copies join after the batch is formed, so a duplicate never shares a batch with its original.
    for (const copy of copies) this.store.add(copy, now, now);
    this.count.duplicated += copies.length;
    this.count.received += batch.length;
    this.chaos.shuffle(batch);
    return batch;
  }

  /** True when the entry's group is held by a batch in flight. */
  private groupBusy(entry: Entry<T>): boolean {
    const group = this.settings.groupOf?.(entry.body);
    return group !== undefined && this.busyGroups.has(group);
  }

  private holdGroups(batch: Delivery<T>[], delta: 1 | -1): void {
    const { groupOf } = this.settings;
    if (!groupOf) return;
    for (const group of new Set(batch.map((delivery) => groupOf(delivery.entry.body)))) {
      if (group === undefined) continue;
      const count = (this.busyGroups.get(group) ?? 0) + delta;
      if (count > 0) this.busyGroups.set(group, count);
      else this.busyGroups.delete(group);
    }
  }

  private dispatch(handler: BatchHandler<T>, batch: Delivery<T>[]): void {
    this.holdGroups(batch, 1);
    const done = this.process(handler, batch).finally(() => {
      this.holdGroups(batch, -1);
      this.batches.delete(done);
      this.wakeUp();
      this.settleIdle();
    });
    this.batches.add(done);
  }

  private async process(handler: BatchHandler<T>, batch: Delivery<T>[]): Promise<void> {
    const records = batch.map((delivery) => delivery.record);
    let failed: Set<string>;
    try {
      failed = failedMessageIds(await handler(records), records);
    } catch (error) {
      failed = new Set(records.map((record) => record.messageId));
      this.settings.onHandlerError(error, records);
    }
    // A failed message is left hidden: it comes back when its visibility timeout ends.
    for (const { entry, receipt } of batch) {
      if (!failed.has(entry.messageId) && this.store.delete(entry, receipt)) this.count.deleted++;
    }
  }

  private deadLetter(entry: Entry<T>, now: number): void {
    this.store.remove(entry);
    this.count.deadLettered++;
    const { messageId, body, receiveCount, sentTimestamp } = entry;
    this.deadLetters.push({ messageId, body, receiveCount, sentTimestamp, deadLetteredAt: now });
    this.settings.deadLetterQueue?.send([{ message: structuredClone(body) }]).catch((error: unknown) => {
      this.settings.onHandlerError(error, [toRecord(entry, entry.receipt)]);
    });
  }

  private wakeUp(): void {
    this.wake.abort();
  }

  private settleIdle(): void {
    if (!this.isIdle || this.idleWaiters.length === 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
