/**
 * The example service end to end, through the functions as Lambda invokes them: the registrar
 * registers both state machines from CloudFormation custom resource requests; an "Order
 * Placed" event matching the declared rule reaches the start function through the start
 * queue; the advance function runs the tasks on local handlers; the warehouse's callback
 * arrives on the callback queue. Embedded services throughout (dynalite, SQS-like queue,
 * EventBridge-like bus with the rule's own pattern and input transformer).
 */
import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as orders from '../../../examples/service/functions/orders.js';
import * as stock from '../../../examples/service/functions/stock.js';
import { createCallbackHandler } from '../../../functions/callback.js';
import { createRegistrarHandler } from '../../../functions/registrar.js';
import { createStartHandler } from '../../../functions/start.js';
import type { CfnValue } from '../../../deploy/serverless/cfn.js';
import { eventRule } from '../../../deploy/serverless/event-rules.js';
import { stateMachineResource } from '../../../deploy/serverless/state-machine-resources.js';
import type { LambdaHandler } from '../../../src/adapters/local/local-task-invoker.js';
import { CfnResponseServer } from './cfn-response-server.js';
import { Harness } from './harness.js';
import { applyInputTransformer } from './input-transformer.js';
import { ACCOUNT, REGION, customResourceEvent, lambdaContext, sqsEvent, sqsRecord } from './lambda-events.js';
import { capturingObservability, quietObservability } from './observability.js';
import { loadWorkflows } from './workflows.js';

const functionArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:quickstep-dev-${name}`;
const WAREHOUSE_QUEUE = `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/quickstep-dev-WarehouseQueue`;
const CUSTOMER_TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT}:quickstep-dev-CustomerTopic`;

/** What CloudFormation would put in for the intrinsics of the example's resources. */
function resolve(value: CfnValue): CfnValue {
  if (Array.isArray(value)) return value.map(resolve);
  if (value === null || typeof value !== 'object') return value;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt)) {
    const name = String(getAtt[0]).replace(/LambdaFunction$/, '');
    return functionArn(name[0].toLowerCase() + name.slice(1));
  }
  if (value.Ref === 'WarehouseQueue') return WAREHOUSE_QUEUE;
  if (value.Ref === 'CustomerTopic') return CUSTOMER_TOPIC;
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, resolve(member)]));
}

const handlers: Record<string, LambdaHandler> = {
  'quickstep-dev-reserveStock': (event) => orders.reserveStock(event as unknown as orders.Order),
  'quickstep-dev-chargePayment': (event) => orders.chargePayment(event as unknown as orders.Order),
  'quickstep-dev-releaseStock': (event) => orders.releaseStock(event as unknown as orders.Order),
  'quickstep-dev-countStock': (event) => stock.countStock(event as string),
};

const config = loadWorkflows();
let harness: Harness;
let cfn: CfnResponseServer;
const startResponses: SQSBatchResponse[] = [];

beforeAll(async () => {
  harness = await Harness.start({ handlers });
  cfn = await CfnResponseServer.start();
  const registrar = createRegistrarHandler(() => harness.services, quietObservability());
  for (const declared of config.stateMachines) {
    const properties = resolve(stateMachineResource(declared).Properties ?? {}) as Record<string, unknown>;
    await registrar(
      customResourceEvent('Create', cfn.url, properties),
      lambdaContext('quickstep-dev-registrar'),
    );
  }
  // The declared rules, routed to the start function through the start queue.
  const start = createStartHandler(() => harness.services, quietObservability());
  for (const declared of config.stateMachines) {
    declared.events.forEach((event, index) => {
      const target = (
        (eventRule(declared, event, index).Properties?.Targets ?? []) as Record<string, CfnValue>[]
      )[0];
      const route = async (delivered: unknown) => {
        const body = applyInputTransformer(target.InputTransformer, delivered);
        const record = sqsRecord(body, { queue: 'quickstep-dev-StartQueue' });
        startResponses.push(
          (await start(sqsEvent([record]), lambdaContext('quickstep-dev-start'))) as SQSBatchResponse,
        );
      };
      if (event.kind === 'eventBridge') harness.bus.subscribe(event.pattern, route);
      else scheduled.set(declared.name, route);
    });
  }
});
afterAll(async () => {
  await harness?.close();
  await cfn?.close();
});

const scheduled = new Map<string, (event: unknown) => Promise<void>>();

describe('the example service', () => {
  it('registers both state machines through the custom resource, substitutions put in', async () => {
    expect(cfn.responses.map((r) => [r.body.Status, r.body.PhysicalResourceId])).toEqual([
      ['SUCCESS', 'quickstep:stateMachine:orderFulfilment'],
      ['SUCCESS', 'quickstep:stateMachine:stockReport'],
    ]);
    expect(cfn.responses[0].body.Data.Arn).toBe(
      `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:orderFulfilment`,
    );
    const record = await harness.services.store.getStateMachine('orderFulfilment');
    const version = await harness.services.store.getDefinitionVersion('orderFulfilment', record!.versionId);
    expect(version?.definition).toContain(functionArn('reserveStock'));
    expect(version?.definition).not.toContain('${');
  });

  it('an "Order Placed" event starts orderFulfilment; the warehouse callback completes it', async () => {
    const eventId = randomUUID();
    const order = { orderId: 'o-1', customerId: 'c-1', items: [{ sku: 'tea', quantity: 2 }], total: 30 };
    await harness.bus.publish([
      {
        eventId,
        source: 'shop.orders',
        detailType: 'Order Placed',
        time: Date.now(),
        resources: [],
        detail: order,
      },
    ]);
    expect(startResponses.at(-1)).toEqual({ batchItemFailures: [] });
    const executionArn = `arn:aws:states:${REGION}:${ACCOUNT}:execution:orderFulfilment:e1-${eventId}`;

    const request = await warehouseRequest();
    expect(request).toMatchObject({ orderId: 'o-1', items: order.items });
    const observability = capturingObservability();
    const callback = createCallbackHandler(() => harness.services, observability);
    const reply = { taskToken: request.taskToken, output: { trackingNumber: 'TRK-1' } };
    const body = JSON.stringify(reply);
    const response = await callback(
      sqsEvent([sqsRecord(body, { queue: 'quickstep-dev-CallbackQueue' })]),
      lambdaContext('cb'),
    );
    expect(response).toEqual({ batchItemFailures: [] });

    await harness.ended(executionArn);
    const record = await harness.runtime.describeExecution(executionArn);
    expect(record.status).toBe('SUCCEEDED');
    expect(record.snapshot.output).toMatchObject({
      reservation: { reservationId: 'res-o-1', items: 2 },
      payment: { chargeId: 'ch-o-1' },
      shipment: { trackingNumber: 'TRK-1' },
    });
    const sns = harness.local.sinks.deliveries.filter((d) => d.service === 'sns');
    expect(sns).toEqual([
      expect.objectContaining({ target: CUSTOMER_TOPIC, payload: 'Order o-1 is on its way: TRK-1' }),
    ]);

    // The same callback again (a redelivery, or a confused sender): refused, and not retried.
    const again = await callback(
      sqsEvent([sqsRecord(body, { queue: 'quickstep-dev-CallbackQueue' })]),
      lambdaContext('cb'),
    );
    expect(again).toEqual({ batchItemFailures: [] });
    const refused = observability.lines.find((line) => line.message === 'callback refused');
    expect(refused).toMatchObject({ level: 'WARN', kind: 'success', error: 'TaskTimedOut' });
  });

  it('a declined payment releases the stock and fails with PaymentDeclined, alerting subscribers', async () => {
    const failed: unknown[] = [];
    harness.bus.subscribe(
      {
        source: ['quickstep'],
        'detail-type': ['Execution Status Change'],
        detail: { status: ['FAILED', 'TIMED_OUT', 'ABORTED'] },
      },
      (event) => {
        failed.push(event.detail);
      },
    );
    const eventId = randomUUID();
    const order = { orderId: 'o-2', customerId: 'c-1', items: [{ sku: 'piano', quantity: 1 }], total: 5000 };
    await harness.bus.publish([
      {
        eventId,
        source: 'shop.orders',
        detailType: 'Order Placed',
        time: Date.now(),
        resources: [],
        detail: order,
      },
    ]);
    const executionArn = `arn:aws:states:${REGION}:${ACCOUNT}:execution:orderFulfilment:e1-${eventId}`;
    await harness.ended(executionArn);
    await harness.idle();
    const record = await harness.runtime.describeExecution(executionArn);
    expect([record.status, record.snapshot.error]).toEqual(['FAILED', 'PaymentDeclined']);
    expect(failed).toEqual([
      expect.objectContaining({ executionArn, status: 'FAILED', error: 'PaymentDeclined' }),
    ]);
  });

  it('the scheduled rule starts stockReport, which counts each warehouse and publishes the report', async () => {
    const eventId = randomUUID();
    await scheduled.get('stockReport')!({
      id: eventId,
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      detail: {},
    });
    const executionArn = `arn:aws:states:${REGION}:${ACCOUNT}:execution:stockReport:e1-${eventId}`;
    await harness.ended(executionArn);
    expect((await harness.runtime.describeExecution(executionArn)).status).toBe('SUCCEEDED');
    const events = harness.local.sinks.deliveries.filter((d) => d.service === 'events');
    expect(events.at(-1)?.payload).toMatchObject({
      Source: 'shop.stock',
      Detail: {
        counts: [
          { warehouse: 'north', units: 500 },
          { warehouse: 'south', units: 500 },
        ],
      },
    });
  });
});

async function warehouseRequest(): Promise<{ orderId: string; items: unknown; taskToken: string }> {
  for (let tries = 0; tries < 500; tries++) {
    const delivery = harness.local.sinks.deliveries.find(
      (d) => d.service === 'sqs' && d.target === WAREHOUSE_QUEUE,
    );
    if (delivery) return delivery.payload as { orderId: string; items: unknown; taskToken: string };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the warehouse was never asked to ship');
}
