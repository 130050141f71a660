/**
 * The functions wired for AWS from their environment (createAwsServices): the store on a real
 * DynamoDB implementation (dynalite), SQS and EventBridge through their SDK clients. Those two
 * have no emulator here: the SDK mocks are what cover them — each message the runtime sends to
 * the advance queue is handed back to the advance function as an SQS record, as Lambda would.
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdvanceHandler } from '../../../functions/advance.js';
import { ensureTable } from '../../../src/adapters/aws/dynamodb/create-table.js';
import { readEnvironment } from '../../../src/adapters/aws/wiring/environment.js';
import { type AwsServices, createAwsServices } from '../../../src/adapters/aws/wiring/aws-services.js';
import { type LocalDynamo, startDynalite } from '../../support/dynalite.js';
import { lambdaContext, sqsEvent, sqsRecord } from '../functions/lambda-events.js';
import { quietObservability } from '../functions/observability.js';

const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/210987654321/quickstep-prod-AdvanceQueue';
const environment = {
  QUICKSTEP_TABLE: 'quickstep-prod',
  QUICKSTEP_ADVANCE_QUEUE_URL: QUEUE_URL,
  QUICKSTEP_EVENT_BUS: 'ops-bus',
  QUICKSTEP_ACCOUNT: '210987654321',
  AWS_REGION: 'eu-west-1',
  QUICKSTEP_RETENTION_DAYS: '7',
  QUICKSTEP_MAX_RECEIVE_COUNT: '4',
};

let dynamo: LocalDynamo;
let services: AwsServices;
const sqs = new SQSClient({ region: 'eu-west-1' });
const events = new EventBridgeClient({ region: 'eu-west-1' });
const sqsMock = mockClient(sqs);
const eventsMock = mockClient(events);

beforeAll(async () => {
  dynamo = await startDynalite();
  await ensureTable(dynamo.client, 'quickstep-prod');
  sqsMock.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  eventsMock.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
  services = createAwsServices({
    environment: readEnvironment(environment),
    clients: { dynamodb: dynamo.client, sqs, eventBridge: events },
  });
});
afterAll(async () => dynamo?.close());

describe('the runtime wired for AWS', () => {
  it('reads its configuration from the environment, and names what is missing', () => {
    expect(readEnvironment(environment)).toMatchObject({
      tableName: 'quickstep-prod',
      eventBusName: 'ops-bus',
      maxReceiveCount: 4,
      settings: { region: 'eu-west-1', account: '210987654321', retentionDays: 7 },
    });
    expect(() => readEnvironment({})).toThrow(/QUICKSTEP_TABLE/);
  });

  it('runs an execution through SQS messages and publishes its status events on the configured bus', async () => {
    await services.runtime.deployStateMachine({
      name: 'Hello',
      definition: JSON.stringify({
        StartAt: 'A',
        States: {
          A: { Type: 'Pass', Result: 'hi', ResultPath: '$.greeting', Next: 'B' },
          B: { Type: 'Succeed' },
        },
      }),
    });
    const { executionArn } = await services.runtime.startExecution({
      stateMachine: 'Hello',
      input: '{"to":"you"}',
    });
    expect(executionArn).toMatch(/^arn:aws:states:eu-west-1:210987654321:execution:Hello:/);

    const advance = createAdvanceHandler(() => services, quietObservability());
    let delivered = 0;
    for (let round = 0; round < 20; round++) {
      const entries = sqsMock
        .commandCalls(SendMessageBatchCommand)
        .flatMap((call) => call.args[0].input.Entries ?? []);
      // Delayed entries are the repair sentinels: due later, and nothing to do by then.
      const due = entries.slice(delivered).filter((entry) => !entry.DelaySeconds);
      delivered = entries.length;
      if (due.length === 0) break;
      const response = await advance(
        sqsEvent(due.map((entry) => sqsRecord(entry.MessageBody!))),
        lambdaContext('advance'),
      );
      expect(response).toEqual({ batchItemFailures: [] });
    }
    const record = await services.runtime.describeExecution(executionArn);
    expect(record.status).toBe('SUCCEEDED');
    expect(record.snapshot.output).toEqual({ to: 'you', greeting: 'hi' });
    expect(record.ttl).toBe(Math.floor((record.stopDate ?? 0) / 1000) + 7 * 86_400);

    const queues = new Set(
      sqsMock.commandCalls(SendMessageBatchCommand).map((call) => call.args[0].input.QueueUrl),
    );
    expect(queues).toEqual(new Set([QUEUE_URL]));
    const published = eventsMock
      .commandCalls(PutEventsCommand)
      .flatMap((call) => call.args[0].input.Entries ?? []);
    expect(published.map((entry) => [entry.EventBusName, JSON.parse(entry.Detail!).status])).toEqual([
      ['ops-bus', 'RUNNING'],
      ['ops-bus', 'SUCCEEDED'],
    ]);
  });
});
