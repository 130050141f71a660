/**
 * Events shaped as Lambda delivers them (aws-lambda types): SQS batches, the Lambda context,
 * an API Gateway HTTP API v2 request, CloudFormation custom resource requests.
 */
import { randomUUID } from 'node:crypto';
import type {
  APIGatewayProxyEventV2,
  CloudFormationCustomResourceEvent,
  Context,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda';

export const REGION = 'us-east-1';
export const ACCOUNT = '123456789012';

export function lambdaContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/01/01/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => 60_000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

export function sqsRecord(
  body: string,
  options: { queue?: string; receiveCount?: number; messageId?: string } = {},
): SQSRecord {
  const queue = options.queue ?? 'quickstep-dev-AdvanceQueue';
  const now = String(Date.now());
  return {
    messageId: options.messageId ?? randomUUID(),
    receiptHandle: `AQEB${randomUUID()}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(options.receiveCount ?? 1),
      SentTimestamp: now,
      SenderId: 'AROAEXAMPLE:quickstep-dev-advance',
      ApproximateFirstReceiveTimestamp: now,
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${REGION}:${ACCOUNT}:${queue}`,
    awsRegion: REGION,
  };
}

export const sqsEvent = (records: SQSRecord[]): SQSEvent => ({ Records: records });

export function httpApiRequest(target: string, body: unknown): APIGatewayProxyEventV2 {
  const text = JSON.stringify(body);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/',
    rawQueryString: '',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `AWSStepFunctions.${target}`,
      host: 'abc123.execute-api.us-east-1.amazonaws.com',
    },
    requestContext: {
      accountId: ACCOUNT,
      apiId: 'abc123',
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: {
        method: 'POST',
        path: '/',
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.1',
        userAgent: 'aws-sdk-js/3',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: '01/Jan/2026:00:00:00 +0000',
      timeEpoch: Date.parse('2026-01-01T00:00:00Z'),
    },
    body: text,
    isBase64Encoded: false,
  };
}

export function customResourceEvent(
  requestType: 'Create' | 'Update' | 'Delete',
  responseUrl: string,
  properties: Record<string, unknown>,
  extra: { physicalResourceId?: string; oldProperties?: Record<string, unknown>; logicalId?: string } = {},
): CloudFormationCustomResourceEvent {
  const common = {
    ServiceToken: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:quickstep-dev-registrar`,
    ResponseURL: responseUrl,
    StackId: `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/quickstep-dev/0a1b2c3d`,
    RequestId: randomUUID(),
    LogicalResourceId: extra.logicalId ?? 'QuickstepStateMachineOrders',
    ResourceType: 'Custom::QuickstepStateMachine',
    ResourceProperties: { ServiceToken: 'token', ...properties },
  };
  if (requestType === 'Create') return { ...common, RequestType: 'Create' };
  const PhysicalResourceId = extra.physicalResourceId ?? 'unknown';
  if (requestType === 'Delete') return { ...common, RequestType: 'Delete', PhysicalResourceId };
  return {
    ...common,
    RequestType: 'Update',
    PhysicalResourceId,
    OldResourceProperties: { ServiceToken: 'token', ...(extra.oldProperties ?? {}) },
  };
}
