/**
 * The durable runtime on AWS, wired from the environment: the DynamoDB store (metered), the
 * advance queue on SQS, status events on EventBridge, tasks through the AWS integrations.
 * One per Lambda container, built at the first invocation.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DurableRuntime } from '../../../runtime/durable/runtime.js';
import type { TaskInvoker } from '../../../runtime/ports.js';
import { EventBridgeBus } from '../eventbridge/eventbridge-bus.js';
import { type AwsClients, lazyClients } from '../invoker/aws-clients.js';
import { AwsTaskInvoker } from '../invoker/aws-task-invoker.js';
import { NestedExecutions } from '../sfn/nested-execution.js';
import { SqsQueue } from '../sqs/sqs-queue.js';
import { type QuickstepEnvironment, readEnvironment } from './environment.js';
import { MeteredStore } from './metered-store.js';

export interface AwsServices {
  runtime: DurableRuntime;
  store: MeteredStore;
  environment: QuickstepEnvironment;
  clients: AwsClients;
}

export interface AwsServicesOptions {
  environment?: QuickstepEnvironment;
  /** Clients to use instead of the defaults: an endpoint override, or a test's. */
  clients?: Partial<AwsClients>;
  /** Another invoker (tests run tasks on local handlers). */
  invoker?: TaskInvoker;
}

export function createAwsServices(options: AwsServicesOptions = {}): AwsServices {
  const environment = options.environment ?? readEnvironment();
  const clients = lazyClients(options.clients);
  const dynamodb = options.clients?.dynamodb ?? new DynamoDBClient({});
  const clock = { now: () => Date.now() };
  const store = new MeteredStore({ client: dynamodb, tableName: environment.tableName, clock });
  const queue = new SqsQueue({
    client: options.clients?.sqs ?? new SQSClient({}),
    queueUrl: environment.advanceQueueUrl,
  });
  const bus = new EventBridgeBus({
    client: options.clients?.eventBridge ?? new EventBridgeClient({}),
    eventBusName: environment.eventBusName,
  });
  let runtime: DurableRuntime | undefined;
  const nested = new NestedExecutions(() => runtime!);
  const invoker = options.invoker ?? new AwsTaskInvoker(clients, nested);
  runtime = new DurableRuntime({ store, queue, bus, invoker, clock }, environment.settings);
  return { runtime, store, environment, clients };
}

let shared: AwsServices | undefined;

/** The container's services: created once, reused by every invocation it serves. */
export function awsServices(): AwsServices {
  shared ??= createAwsServices();
  return shared;
}
