/**
 * The functions wired to the embedded services, as Lambda would run them on AWS: dynalite
 * behind the DynamoDB store, the in-process queue (SQS semantics) whose batches reach the
 * advance handler as SQS events — its dead letters reach the dead-letter handler the same
 * way — the in-process bus, local Lambda handlers for tasks, a virtual clock.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { createAdvanceHandler } from '../../../functions/advance.js';
import { createDeadLetterHandler } from '../../../functions/dead-letter.js';
import type { Observability } from '../../../functions/lib/observability.js';
import { ensureTable } from '../../../src/adapters/aws/dynamodb/create-table.js';
import { lazyClients } from '../../../src/adapters/aws/invoker/aws-clients.js';
import { encodeAdvanceMessage } from '../../../src/adapters/aws/sqs/advance-message-codec.js';
import type { AwsServices } from '../../../src/adapters/aws/wiring/aws-services.js';
import { MeteredStore } from '../../../src/adapters/aws/wiring/metered-store.js';
import { LocalBus } from '../../../src/adapters/local/bus/local-bus.js';
import { VirtualClock } from '../../../src/adapters/local/clock/virtual-clock.js';
import { type LambdaHandler, LocalTaskInvoker } from '../../../src/adapters/local/local-task-invoker.js';
import { LocalQueue } from '../../../src/adapters/local/queue/local-queue.js';
import type { QueueRecord } from '../../../src/adapters/local/queue/queue-types.js';
import { DurableRuntime } from '../../../src/runtime/durable/runtime.js';
import type { AdvanceMessage, TaskInvoker } from '../../../src/runtime/ports.js';
import { type LocalDynamo, startDynalite } from '../../support/dynalite.js';
import { ACCOUNT, REGION, lambdaContext, sqsRecord } from './lambda-events.js';
import { quietObservability } from './observability.js';

export const MAX_RECEIVE_COUNT = 3;
export const ARCHIVE_QUEUE_URL = `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/quickstep-dev-DeadLetterArchiveQueue`;

type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;

/** One invocation of an SQS-triggered function, as the event source mapping made it. */
export interface Delivery {
  queue: string;
  event: SQSEvent;
  response: SQSBatchResponse | undefined;
}

export interface HarnessOptions {
  handlers?: Record<string, LambdaHandler>;
  /** Wraps the local invoker (to inject infrastructure faults). */
  invoker?: (local: LocalTaskInvoker) => TaskInvoker;
  /** The SQS client the dead-letter function archives with (an SDK mock: no SQS here). */
  sqs?: SQSClient;
  observability?: Observability;
}

export class Harness {
  readonly deliveries: Delivery[] = [];
  /** Records added to the next advance batch: messages that no queue of ours sent. */
  readonly injected: SQSRecord[] = [];

  private constructor(
    readonly services: AwsServices,
    readonly queue: LocalQueue<AdvanceMessage>,
    readonly deadLetterQueue: LocalQueue<AdvanceMessage>,
    readonly bus: LocalBus,
    readonly local: LocalTaskInvoker,
    readonly clock: VirtualClock,
    private readonly dynamo: LocalDynamo,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const dynamo = await startDynalite();
    const tableName = 'quickstep-test';
    await ensureTable(dynamo.client, tableName);
    const clock = new VirtualClock(Date.parse('2026-01-01T00:00:00Z'));
    const store = new MeteredStore({ client: dynamo.client, tableName, clock });
    const deadLetterQueue = new LocalQueue<AdvanceMessage>(clock, { visibilityTimeoutSeconds: 5 });
    const queue = new LocalQueue<AdvanceMessage>(clock, {
      deadLetterQueue,
      maxReceiveCount: MAX_RECEIVE_COUNT,
      visibilityTimeoutSeconds: 5,
    });
    const bus = new LocalBus({ account: ACCOUNT, region: REGION });
    const local = new LocalTaskInvoker(new Map(Object.entries(options.handlers ?? {})));
    const invoker = options.invoker ? options.invoker(local) : local;
    const settings = { region: REGION, account: ACCOUNT };
    const runtime = new DurableRuntime({ store, queue, bus, invoker, clock }, settings);
    const services: AwsServices = {
      runtime,
      store,
      clients: lazyClients({ sqs: options.sqs ?? new SQSClient({ region: REGION }) }),
      environment: {
        tableName,
        advanceQueueUrl: 'embedded',
        eventBusName: 'default',
        archiveQueueUrl: ARCHIVE_QUEUE_URL,
        maxReceiveCount: MAX_RECEIVE_COUNT,
        settings,
      },
    };
    const harness = new Harness(services, queue, deadLetterQueue, bus, local, clock, dynamo);
    const observability = options.observability ?? quietObservability();
    const advance = createAdvanceHandler(() => services, observability);
    const deadLetter = createDeadLetterHandler(() => services, observability);
    queue.start((batch) => harness.deliver(advance, batch, 'quickstep-dev-AdvanceQueue'));
    deadLetterQueue.start((batch) =>
      harness.deliver(deadLetter, batch, 'quickstep-dev-AdvanceDeadLetterQueue'),
    );
    return harness;
  }

  get runtime(): DurableRuntime {
    return this.services.runtime;
  }

  async register(name: string, definition: unknown): Promise<void> {
    await this.runtime.deployStateMachine({ name, definition: JSON.stringify(definition) });
  }

  /** Resolves once no message is left: every invocation has returned. */
  async idle(): Promise<void> {
    while (!(this.queue.isIdle && this.deadLetterQueue.isIdle)) {
      await this.queue.idle();
      await this.deadLetterQueue.idle();
    }
  }

  /** Resolves once the execution has ended; fails the test after `ms` of real time. */
  async ended(executionArn: string, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const record = await this.services.store.getExecution(executionArn);
      if (record && record.status !== 'RUNNING') return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`${executionArn} did not end within ${ms} ms`);
  }

  /** Lambda's SQS event source mapping: a batch in, ReportBatchItemFailures out. */
  private async deliver(
    handler: SqsHandler,
    batch: QueueRecord<AdvanceMessage>[],
    queue: string,
  ): Promise<{ failedIds: string[] }> {
    const records = batch.map((record) =>
      sqsRecord(encodeAdvanceMessage(record.body), {
        queue,
        messageId: record.messageId,
        receiveCount: record.receiveCount,
      }),
    );
    if (queue.endsWith('AdvanceQueue')) records.push(...this.injected.splice(0));
    const event = { Records: records };
    // Virtual time stands still while a function runs, as real time barely moves meanwhile.
    const release = this.clock.hold();
    const response = await handler(event, lambdaContext(queue)).finally(release);
    // The batch processor reuses its response object: keep this invocation's copy.
    this.deliveries.push({ queue, event, response: structuredClone(response) });
    const ours = new Set(batch.map((record) => record.messageId));
    const failedIds = (response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier);
    return { failedIds: failedIds.filter((id) => ours.has(id)) };
  }

  async close(): Promise<void> {
    await this.queue.stop();
    await this.deadLetterQueue.stop();
    await this.dynamo.close();
  }
}
