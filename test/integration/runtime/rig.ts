/**
 * The durable runtime wired by hand over the real embedded services — dynalite behind the
 * DynamoDB store, the local SQS-like queue and its dead-letter queue, the local bus, local
 * Lambda handlers, a virtual clock — like LocalStack, but with the knobs these tests need:
 * a chosen fault injector, a wrapped task invoker, queue chaos, a queue driven by hand, and a
 * store that reports each write (a spy over the real store, never a mock of it).
 */
import { DynamoDBStore } from '../../../src/adapters/aws/dynamodb/dynamodb-store.js';
import { ensureTable } from '../../../src/adapters/aws/dynamodb/create-table.js';
import { LocalBus } from '../../../src/adapters/local/bus/local-bus.js';
import { VirtualClock } from '../../../src/adapters/local/clock/virtual-clock.js';
import {
  type EmbeddedDynamoDB,
  startEmbeddedDynamoDB,
} from '../../../src/adapters/local/embedded-dynamodb.js';
import { type LambdaHandler, LocalTaskInvoker } from '../../../src/adapters/local/local-task-invoker.js';
import { LocalQueue } from '../../../src/adapters/local/queue/local-queue.js';
import type { QueueRecord } from '../../../src/adapters/local/queue/queue-types.js';
import type { HistoryEvent } from '../../../src/engine/types.js';
import { type FaultInjector, InjectedCrash } from '../../../src/runtime/durable/fault-injector.js';
import type { RuntimeSettings } from '../../../src/runtime/durable/runtime-config.js';
import { DurableRuntime } from '../../../src/runtime/durable/runtime.js';
import { seededRandom } from '../../../src/runtime/memory/seeded-random.js';
import type {
  AdvanceMessage,
  ExecutionRecord,
  MessageQueue,
  TaskInvoker,
} from '../../../src/runtime/ports.js';

export const T0 = Date.parse('2026-01-01T00:00:00Z');

type WriteListener = (record: ExecutionRecord, kind: 'create' | 'commit') => void;
type HistoryListener = (executionId: string, events: HistoryEvent[]) => void;

/** The real DynamoDB store, telling listeners about each write once it has succeeded. */
export class SpiedStore extends DynamoDBStore {
  readonly writeListeners: WriteListener[] = [];
  readonly historyListeners: HistoryListener[] = [];
  /** Every execution id created, children included, in creation order. */
  readonly created: string[] = [];
  /** The id of the last createExecution call, whether it created the record or found it there. */
  lastCreateAttempt?: string;

  override async createExecution(record: ExecutionRecord): Promise<boolean> {
    this.lastCreateAttempt = record.id;
    const created = await super.createExecution(record);
    if (created) {
      this.created.push(record.id);
      for (const listener of this.writeListeners) listener(record, 'create');
    }
    return created;
  }

  override async commitExecution(record: ExecutionRecord, expectedSeq: number): Promise<void> {
    await super.commitExecution(record, expectedSeq);
    for (const listener of this.writeListeners) listener(record, 'commit');
  }

  override async putHistory(executionId: string, events: HistoryEvent[]): Promise<void> {
    await super.putHistory(executionId, events);
    for (const listener of this.historyListeners) listener(executionId, events);
  }
}

/** A MessageQueue that only records what is sent: the test delivers by hand. */
export class HandQueue implements MessageQueue {
  readonly pending: { message: AdvanceMessage; visibleAt: number; n: number }[] = [];
  sent = 0;

  constructor(private readonly clock: VirtualClock) {}

  async send(messages: { message: AdvanceMessage; delaySeconds?: number }[]): Promise<void> {
    for (const { message, delaySeconds } of messages) {
      this.pending.push({
        message: structuredClone(message),
        visibleAt: this.clock.now() + (delaySeconds ?? 0) * 1000,
        n: this.sent++,
      });
    }
  }

  /** Takes every message visible now (advancing the clock to the next one if none is). */
  takeVisible(): AdvanceMessage[] {
    if (this.pending.length === 0) return [];
    let now = this.clock.now();
    if (!this.pending.some((entry) => entry.visibleAt <= now)) {
      now = Math.min(...this.pending.map((entry) => entry.visibleAt));
      this.clock.advanceTo(now);
    }
    const visible = this.pending.filter((entry) => entry.visibleAt <= now).sort((a, b) => a.n - b.n);
    for (const entry of visible) this.pending.splice(this.pending.indexOf(entry), 1);
    return visible.map((entry) => entry.message);
  }

  /** Puts a message back, visible after `seconds` (a failed delivery's visibility timeout). */
  redeliverLater(message: AdvanceMessage, seconds: number): void {
    this.pending.push({ message, visibleAt: this.clock.now() + seconds * 1000, n: this.sent++ });
  }
}

export interface RigOptions {
  handlers?: Record<string, LambdaHandler>;
  faults?: FaultInjector;
  /** Wraps the local invoker (recording, deduplicating, failing on purpose). */
  wrapInvoker?: (inner: TaskInvoker) => TaskInvoker;
  /** Queue chaos, as LocalStack's `chaos` sets it (without the crashes, which `faults` gives). */
  chaos?: { seed: number; duplicate?: number; reorder?: number };
  maxReceiveCount?: number;
  visibilityTimeoutSeconds?: number;
  /** The advance queue is a HandQueue: nothing is delivered unless the test does it. */
  byHand?: boolean;
  settings?: Partial<RuntimeSettings>;
  random?: () => number;
  startTime?: number;
}

export class Rig {
  /** Errors thrown by message handling, InjectedCrash excluded: each is a fault to look at. */
  readonly unexpectedErrors: unknown[] = [];
  crashes = 0;

  private constructor(
    readonly runtime: DurableRuntime,
    readonly store: SpiedStore,
    readonly queue: LocalQueue<AdvanceMessage> | undefined,
    readonly handQueue: HandQueue | undefined,
    readonly deadLetterQueue: LocalQueue<AdvanceMessage>,
    readonly bus: LocalBus,
    readonly invoker: LocalTaskInvoker,
    readonly clock: VirtualClock,
    readonly dynamo: EmbeddedDynamoDB,
    readonly tableName: string,
    private readonly maxReceiveCount: number,
  ) {}

  static async start(options: RigOptions = {}): Promise<Rig> {
    const clock = new VirtualClock(options.startTime ?? T0);
    const dynamo = await startEmbeddedDynamoDB();
    const tableName = 'quickstep';
    await ensureTable(dynamo.client, tableName);
    const store = new SpiedStore({ client: dynamo.client, tableName, clock });
    const maxReceiveCount = options.maxReceiveCount ?? 5;
    const deadLetterQueue = new LocalQueue<AdvanceMessage>(clock, { maxReceiveCount: 1000 });
    const chaos = options.chaos;
    const queue = options.byHand
      ? undefined
      : new LocalQueue<AdvanceMessage>(clock, {
          deadLetterQueue,
          maxReceiveCount,
          duplicate: chaos ? (chaos.duplicate ?? 0.3) : 0,
          reorder: chaos ? (chaos.reorder ?? 0.5) : 0,
          random: chaos ? seededRandom(chaos.seed + 1) : undefined,
          visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? (chaos ? 5 : 30),
        });
    const handQueue = options.byHand ? new HandQueue(clock) : undefined;
    const bus = new LocalBus();
    const invoker = new LocalTaskInvoker(new Map(Object.entries(options.handlers ?? {})));
    const runtime = new DurableRuntime(
      {
        store,
        queue: (queue ?? handQueue) as MessageQueue,
        bus,
        invoker: options.wrapInvoker ? options.wrapInvoker(invoker) : invoker,
        clock,
        random: options.random ?? seededRandom(7),
        faults: options.faults,
      },
      options.settings,
    );
    const rig = new Rig(
      runtime,
      store,
      queue,
      handQueue,
      deadLetterQueue,
      bus,
      invoker,
      clock,
      dynamo,
      tableName,
      maxReceiveCount,
    );
    queue?.start((batch) => rig.handleBatch(batch));
    deadLetterQueue.start((batch) => rig.handleDeadLetters(batch));
    return rig;
  }

  noteError(error: unknown): void {
    if (error instanceof InjectedCrash) this.crashes++;
    else this.unexpectedErrors.push(error);
  }

  /** Like Lambda with ReportBatchItemFailures (LocalStack's own handler does the same). */
  private async handleBatch(batch: QueueRecord<AdvanceMessage>[]): Promise<{ failedIds: string[] }> {
    const failedIds: string[] = [];
    for (const record of batch) {
      try {
        await this.runtime.handleMessage(record.body);
      } catch (error) {
        this.noteError(error);
        failedIds.push(record.messageId);
      }
    }
    return { failedIds };
  }

  private async handleDeadLetters(batch: QueueRecord<AdvanceMessage>[]): Promise<{ failedIds: string[] }> {
    const failedIds: string[] = [];
    for (const record of batch) {
      try {
        await this.runtime.handleDeadLetter(record.body, this.maxReceiveCount);
      } catch (error) {
        this.noteError(error);
        failedIds.push(record.messageId);
      }
    }
    return { failedIds };
  }

  /** Until no message is left anywhere (every execution ended or waits on a callback). */
  async settle(): Promise<void> {
    if (!this.queue) throw new Error('Rig.settle: the queue is driven by hand');
    while (!(this.queue.isIdle && this.deadLetterQueue.isIdle)) {
      await this.queue.idle();
      await this.deadLetterQueue.idle();
    }
  }

  async close(): Promise<void> {
    await this.queue?.stop();
    await this.deadLetterQueue.stop();
    await this.dynamo.close();
  }
}

/** Runs `body` with a fresh rig, closed afterwards whatever happens. */
export async function withRig<T>(options: RigOptions, body: (rig: Rig) => Promise<T>): Promise<T> {
  const rig = await Rig.start(options);
  try {
    return await body(rig);
  } finally {
    await rig.close();
  }
}
