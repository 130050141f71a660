/**
 * The embedded default, wired: dynalite (or any DynamoDB endpoint) behind the DynamoDB store,
 * in-process queues with SQS semantics (advance queue and its dead-letter queue), an
 * in-process bus, local Lambda handlers — and the durable runtime over them. What
 * `quickstep run` and `quickstep dev` start, and what integration tests drive.
 */
import { DynamoDBStore } from '../aws/dynamodb/dynamodb-store.js';
import { ensureTable } from '../aws/dynamodb/create-table.js';
import type { HistoryEvent } from '../../engine/types.js';
import type { AdvanceMessage, TaskInvoker } from '../../runtime/ports.js';
import { NestedExecutions } from '../aws/sfn/nested-execution.js';
import { DurableRuntime } from '../../runtime/durable/runtime.js';
import type { RuntimeSettings } from '../../runtime/durable/runtime-config.js';
import { randomFaults } from '../../runtime/durable/fault-injector.js';
import { handleBatch } from '../../runtime/durable/handle-batch.js';
import { seededRandom } from '../../runtime/memory/seeded-random.js';
import { LocalBus } from './bus/local-bus.js';
import { RealClock } from './clock/real-clock.js';
import type { SchedulerClock } from './clock/scheduler-clock.js';
import { VirtualClock } from './clock/virtual-clock.js';
import { dynamoDBClient, type EmbeddedDynamoDB, startEmbeddedDynamoDB } from './embedded-dynamodb.js';
import { type LambdaHandler, LocalTaskInvoker } from './local-task-invoker.js';
import { LocalQueue } from './queue/local-queue.js';
import type { QueueRecord } from './queue/queue-types.js';

export interface ChaosOptions {
  seed: number;
  /** Probability of a crash at each side-effect boundary (default 0.05). */
  crashRate?: number;
  /** Probability each delivery is repeated (default 0.3). */
  duplicate?: number;
  /** Probability a batch is shuffled / delivered out of order (default 0.5). */
  reorder?: number;
}

export interface LocalStackOptions {
  handlers?: ReadonlyMap<string, LambdaHandler>;
  /** A virtual clock: waits, back-offs and timeouts take no real time. */
  fastTime?: boolean;
  startTime?: number;
  chaos?: ChaosOptions;
  /** A folder for the embedded DynamoDB's data, so executions survive a restart. */
  dataDir?: string;
  /** Another DynamoDB endpoint instead of the embedded one (env QUICKSTEP_DYNAMODB_ENDPOINT). */
  dynamodbEndpoint?: string;
  tableName?: string;
  maxReceiveCount?: number;
  /** Batches handled at once (default 4); 1 makes delivery order FIFO, as the in-memory driver's. */
  queueConcurrency?: number;
  /** Uniform in [0, 1) for jitter and random intrinsics; seeded in tests. */
  random?: () => number;
  settings?: Partial<RuntimeSettings>;
}

type HistoryListener = (executionId: string, event: HistoryEvent) => void;

/** The store, telling listeners about history as it is written (the CLI's live progress). */
class ObservedStore extends DynamoDBStore {
  readonly listeners: HistoryListener[] = [];
  private readonly seen = new Set<string>();

  override async putHistory(executionId: string, events: HistoryEvent[]): Promise<void> {
    await super.putHistory(executionId, events);
    for (const event of events) {
      const key = `${executionId}#${event.id}`;
      if (this.seen.has(key)) continue; // a re-performed outbox writes the same events again
      this.seen.add(key);
      for (const listener of this.listeners) listener(executionId, event);
    }
  }
}

export class LocalStack {
  private constructor(
    readonly runtime: DurableRuntime,
    readonly queue: LocalQueue<AdvanceMessage>,
    readonly deadLetterQueue: LocalQueue<AdvanceMessage>,
    readonly bus: LocalBus,
    readonly invoker: LocalTaskInvoker,
    readonly clock: SchedulerClock,
    readonly store: ObservedStore,
    private readonly dynamo: EmbeddedDynamoDB,
    readonly faults: { crashes: number },
    private readonly maxReceiveCount: number,
  ) {}

  static async start(options: LocalStackOptions = {}): Promise<LocalStack> {
    const clock: SchedulerClock = options.fastTime
      ? new VirtualClock(options.startTime ?? Date.now())
      : new RealClock();
    const endpoint = options.dynamodbEndpoint ?? process.env.QUICKSTEP_DYNAMODB_ENDPOINT;
    const dynamo = endpoint
      ? { client: dynamoDBClient(endpoint), endpoint, close: async () => {} }
      : await startEmbeddedDynamoDB({ path: options.dataDir });
    const tableName = options.tableName ?? process.env.QUICKSTEP_TABLE ?? 'quickstep';
    await ensureTable(dynamo.client, tableName);
    const store = new ObservedStore({ client: dynamo.client, tableName, clock });
    const random = options.random ?? (options.chaos ? seededRandom(options.chaos.seed) : Math.random);
    const chaos = options.chaos;
    const deadLetterQueue = new LocalQueue<AdvanceMessage>(clock, { maxReceiveCount: 1000 });
    const queue = new LocalQueue<AdvanceMessage>(clock, {
      deadLetterQueue,
      // Under chaos a delivery crashes often by design; the result must not change, so a message
      // is not dead-lettered for crashes that chaos injected.
      maxReceiveCount: options.maxReceiveCount ?? (chaos ? 50 : 5),
      concurrency: options.queueConcurrency ?? 4,
      // One execution's messages go to one batch at a time: they would only lose races to each other.
      groupOf: (message) => message.executionId,
      duplicate: chaos ? (chaos.duplicate ?? 0.3) : 0,
      reorder: chaos ? (chaos.reorder ?? 0.5) : 0,
      random: chaos ? seededRandom(chaos.seed + 1) : undefined,
      visibilityTimeoutSeconds: chaos ? 5 : 30,
    });
    const bus = new LocalBus();
    const invoker = new LocalTaskInvoker(options.handlers ?? new Map());
    // Nested executions (`states:startExecution`, `.sync`, `.sync:2`) run on this same runtime.
    const nested = new NestedExecutions(() => runtime);
    const tasks: TaskInvoker = {
      invoke: (request) =>
        /:states:startExecution/.test(request.resource) ? nested.start(request) : invoker.invoke(request),
    };
    const faults = chaos
      ? randomFaults(seededRandom(chaos.seed + 2), chaos.crashRate ?? 0.05)
      : { crashes: 0, at() {} };
    const runtime: DurableRuntime = new DurableRuntime(
      { store, queue, bus, invoker: tasks, clock, random, faults },
      options.settings,
    );
    const maxReceiveCount = options.maxReceiveCount ?? (chaos ? 50 : 5);
    const stack = new LocalStack(
      runtime,
      queue,
      deadLetterQueue,
      bus,
      invoker,
      clock,
      store,
      dynamo,
      faults,
      maxReceiveCount,
    );
    queue.start((batch) => stack.handleBatch(batch));
    deadLetterQueue.start((batch) => stack.handleDeadLetters(batch));
    return stack;
  }

  /** Like Lambda with ReportBatchItemFailures: a failed message is redelivered, the rest deleted. */
  private async handleBatch(batch: QueueRecord<AdvanceMessage>[]): Promise<{ failedIds: string[] }> {
    const failed = await handleBatch(this.runtime, batch, (record) => record.body);
    return { failedIds: failed.map((record) => record.messageId) };
  }

  private async handleDeadLetters(batch: QueueRecord<AdvanceMessage>[]): Promise<{ failedIds: string[] }> {
    const failedIds: string[] = [];
    for (const record of batch) {
      try {
        await this.runtime.handleDeadLetter(record.body, this.maxReceiveCount);
      } catch {
        failedIds.push(record.messageId);
      }
    }
    return { failedIds };
  }

  /** Calls `listener` once for each history event written, children's included. */
  onHistory(listener: HistoryListener): void {
    this.store.listeners.push(listener);
  }

  /**
   * Resolves when no message is left anywhere (every execution has ended or waits on a
   * callback), or — given an execution — as soon as that execution has ended.
   */
  async settle(executionArn?: string): Promise<void> {
    const drained = (async () => {
      while (!(this.queue.isIdle && this.deadLetterQueue.isIdle)) {
        await this.queue.idle();
        await this.deadLetterQueue.idle();
      }
    })();
    if (!executionArn) return drained;
    let done = false;
    const ended = (async () => {
      while (!done) {
        const record = await this.store.getExecution(executionArn);
        if (record && record.status !== 'RUNNING') return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await Promise.race([drained, ended]);
    done = true;
  }

  async close(): Promise<void> {
    await this.queue.stop();
    await this.deadLetterQueue.stop();
    await this.dynamo.close();
  }
}
