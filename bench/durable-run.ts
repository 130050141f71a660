/**
 * One benchmark execution on the durable runtime over the embedded services (dynalite, the
 * local queue and bus, a virtual clock), metered: DynamoDB commands and capacity units, queue
 * sends, status events, and the wall time from StartExecution to the execution's status event.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LocalStack } from '../src/adapters/local/local-stack.js';
import type { Json, JsonObject } from '../src/asl/json.js';
import type { LambdaHandler } from '../src/adapters/local/local-task-invoker.js';
import { type DynamoCounts, DynamoDBMeter } from './dynamodb-meter.js';
import { QueueMeter, type SendCounts } from './queue-meter.js';

export interface DurableWorkload {
  name: string;
  definition: JsonObject;
  input: Json;
  handlers?: ReadonlyMap<string, LambdaHandler>;
}

export interface DurableMeasurement {
  /** The executions' final statuses, distinct values joined. */
  status: string;
  /** States entered (StateEntered events, children's included): what Step Functions bills. */
  transitions: number;
  /** Queue deliveries handled: one advance-function run each. */
  messagesHandled: number;
  sends: SendCounts;
  /** Status events published on the bus. */
  events: number;
  dynamo: DynamoCounts;
  seconds: number;
}

const TERMINAL = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];

export async function measureDurable(
  workload: DurableWorkload,
  options: { fuseStates: number; executions?: number },
): Promise<DurableMeasurement> {
  const { fuseStates, executions = 1 } = options;
  const stack = await LocalStack.start({
    handlers: workload.handlers,
    fastTime: true,
    settings: { fuseStates },
  });
  try {
    const dynamo = new DynamoDBMeter();
    dynamo.attach(dynamoClientOf(stack));
    const queue = new QueueMeter();
    queue.attach(stack.queue);
    let transitions = 0;
    stack.onHistory((_id, event) => {
      if (event.type.endsWith('StateEntered')) transitions++;
    });
    await stack.runtime.deployStateMachine({
      name: 'bench',
      definition: JSON.stringify(workload.definition),
    });
    const statuses = new Map<string, string>();
    const ended = new Promise<bigint>((resolve) => {
      stack.bus.subscribe({ detail: { status: TERMINAL } }, (event) => {
        const detail = event.detail as { executionArn?: string; status?: string };
        statuses.set(String(detail.executionArn), String(detail.status));
        if (statuses.size === executions) resolve(process.hrtime.bigint());
      });
    });

    dynamo.reset();
    queue.reset();
    const received = stack.queue.counters.received;
    const published = stack.bus.published.length;
    const started = process.hrtime.bigint();
    const input = JSON.stringify(workload.input);
    for (let n = 0; n < executions; n++) {
      await stack.runtime.startExecution({ stateMachine: 'bench', name: `run-${n}`, input });
    }
    const seconds = Number((await ended) - started) / 1e9;
    // Drain what is left (the start's repair sentinel arrives after its delay) before counting.
    await stack.settle();
    return {
      status: [...new Set(statuses.values())].join(', '),
      transitions,
      messagesHandled: stack.queue.counters.received - received,
      sends: queue.reset(),
      events: stack.bus.published.length - published,
      dynamo: dynamo.reset(),
      seconds,
    };
  } finally {
    await stack.close();
  }
}

/**
 * LocalStack keeps its DynamoDB client to itself; the meter needs it to add a middleware.
 * Checked at run time, so a renamed field fails loudly instead of counting nothing.
 */
function dynamoClientOf(stack: LocalStack): DynamoDBClient {
  const client = (stack as unknown as { dynamo?: { client?: DynamoDBClient } }).dynamo?.client;
  if (!client?.middlewareStack) throw new Error('bench: LocalStack no longer exposes dynamo.client');
  return client;
}
