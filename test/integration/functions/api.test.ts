/**
 * The api function invoked with API Gateway HTTP API (payload 2.0) requests, as the `httpApi`
 * route of serverless.yml delivers them — by hand, and from `@aws-sdk/client-sfn` through a
 * request handler that makes each SDK request into the event API Gateway would send.
 */
import { Readable } from 'node:stream';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from '../../../functions/api.js';
import { Harness } from './harness.js';
import { ACCOUNT, REGION, httpApiRequest, lambdaContext } from './lambda-events.js';
import { quietObservability } from './observability.js';

let harness: Harness;
let api: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

beforeAll(async () => {
  harness = await Harness.start();
  await harness.register('Echo', { StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } });
  const handler = createApiHandler(() => harness.services, quietObservability());
  api = async (event) =>
    (await handler(event, lambdaContext('quickstep-dev-api'))) as APIGatewayProxyStructuredResultV2;
});
afterAll(async () => harness?.close());

/** What API Gateway hands the function for an SDK request, and the SDK's view of the answer. */
const viaApiGateway = {
  async handle(request: { method: string; headers: Record<string, string>; body?: unknown }) {
    const event = httpApiRequest('', {});
    event.headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
    event.requestContext.http.method = request.method;
    const { body } = request;
    event.body =
      body instanceof Uint8Array ? new TextDecoder().decode(body) : typeof body === 'string' ? body : '';
    const result = await api(event);
    return {
      response: {
        statusCode: result.statusCode ?? 200,
        headers: result.headers as Record<string, string>,
        body: Readable.from([Buffer.from(result.body ?? '')]),
      },
    };
  },
};

describe('api function', () => {
  it('serves the Step Functions API to @aws-sdk/client-sfn', async () => {
    const sfn = new SFNClient({
      region: REGION,
      endpoint: 'https://abc123.execute-api.us-east-1.amazonaws.com',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      requestHandler: viaApiGateway,
    });
    const stateMachineArn = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:Echo`;
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn, name: 'via-api', input: '{"hello":"api"}' }),
    );
    expect(executionArn).toBe(`arn:aws:states:${REGION}:${ACCOUNT}:execution:Echo:via-api`);
    await harness.ended(executionArn!);
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect([described.status, described.output]).toEqual(['SUCCEEDED', '{"hello":"api"}']);
    await expect(
      sfn.send(new DescribeExecutionCommand({ executionArn: `${executionArn}-nope` })),
    ).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
  });

  it('answers protocol errors as Step Functions does', async () => {
    const unknown = await api(httpApiRequest('Nope', {}));
    expect(unknown.statusCode).toBe(400);
    expect(JSON.parse(unknown.body!)).toMatchObject({ __type: 'UnknownOperationException' });
    expect(unknown.headers?.['x-amzn-errortype']).toBe('UnknownOperationException');

    const get = httpApiRequest('ListStateMachines', {});
    get.requestContext.http.method = 'GET';
    expect((await api(get)).statusCode).toBe(405);

    const encoded = httpApiRequest('ListStateMachines', {});
    encoded.body = Buffer.from('{}').toString('base64');
    encoded.isBase64Encoded = true;
    const listed = await api(encoded);
    expect(listed.statusCode).toBe(200);
    expect(JSON.parse(listed.body!).stateMachines.map((m: { name: string }) => m.name)).toContain('Echo');
  });
});
