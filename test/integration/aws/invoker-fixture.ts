/**
 * The AWS task invoker with SDK-mocked clients. Lambda, SQS, SNS and EventBridge have no
 * emulator here: these mocks (aws-sdk-client-mock) are what cover them — requests are asserted
 * as the service would receive them, results and errors as Step Functions shapes and names them.
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { type InvokeCommandOutput, LambdaClient } from '@aws-sdk/client-lambda';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import type { Json } from '../../../src/asl/json.js';
import { lazyClients } from '../../../src/adapters/aws/invoker/aws-clients.js';
import { AwsTaskInvoker } from '../../../src/adapters/aws/invoker/aws-task-invoker.js';
import { NestedExecutions } from '../../../src/adapters/aws/sfn/nested-execution.js';
import { classify } from '../../../src/engine/task-resource.js';
import type { TaskRequest } from '../../../src/runtime/ports.js';

const region = 'us-east-1';
const clients = {
  lambda: new LambdaClient({ region }),
  sqs: new SQSClient({ region }),
  sns: new SNSClient({ region }),
  eventBridge: new EventBridgeClient({ region }),
};
export const lambda = mockClient(clients.lambda);
export const sqs = mockClient(clients.sqs);
export const sns = mockClient(clients.sns);
export const eventBridge = mockClient(clients.eventBridge);
export const invoker = new AwsTaskInvoker(
  lazyClients(clients),
  new NestedExecutions(() => {
    throw new Error('no nested executions in these tests');
  }),
);

export const metadata = { httpStatusCode: 200, requestId: 'req-1' };

/** A payload as the SDK hands it over (a Uint8Array with helpers the invoker does not use). */
export const bytes = (value: unknown) =>
  new TextEncoder().encode(JSON.stringify(value)) as InvokeCommandOutput['Payload'];

export function request(resource: string, parameters: Json, taskToken?: string): TaskRequest {
  return {
    executionId: 'arn:aws:states:us-east-1:123456789012:execution:Orders:run-1',
    stateName: 'Work',
    resource,
    pattern: classify(resource).pattern,
    parameters,
    taskToken,
    idempotencyKey: 'arn:exec:Work:w1',
    waitId: 'w1',
  };
}

export function resetMocks(): void {
  for (const mock of [lambda, sqs, sns, eventBridge]) mock.reset();
}
