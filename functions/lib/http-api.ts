/**
 * The envelope of the api function: an API Gateway HTTP API (payload 2.0) request in, the
 * Step Functions protocol's answer out — POST only, the operation in `X-Amz-Target`, bodies
 * up to 1 MB as src/api's HTTP server takes them.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type ApiContext, type ApiResponse, dispatch, MAX_REQUEST_BYTES } from '../../src/api/index.js';

const CONTENT_TYPE = 'application/x-amz-json-1.0';

export async function answerHttpApi(
  api: ApiContext,
  event: APIGatewayProxyEventV2,
): Promise<APIGatewayProxyStructuredResultV2> {
  if (event.requestContext.http.method !== 'POST') {
    return toResult(refusal(405, 'UnknownOperationException', 'The Step Functions API takes POST requests'));
  }
  const body = event.body
    ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8').toString('utf8')
    : '';
  if (Buffer.byteLength(body) > MAX_REQUEST_BYTES) {
    return toResult(
      refusal(400, 'ValidationException', `The request body is over ${MAX_REQUEST_BYTES} bytes (1 MB)`),
    );
  }
  return toResult(await dispatch(api, event.headers['x-amz-target'], body));
}

function refusal(status: number, type: string, message: string): ApiResponse {
  return { status, body: { __type: type, message }, errorType: type };
}

function toResult(answer: ApiResponse): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: answer.status,
    headers: {
      'content-type': CONTENT_TYPE,
      'x-amzn-requestid': randomUUID(),
      ...(answer.errorType ? { 'x-amzn-errortype': answer.errorType } : {}),
    },
    body: JSON.stringify(answer.body),
  };
}
