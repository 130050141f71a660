/** The AWS JSON 1.0 envelope itself, with raw HTTP: targets, bodies, limits, error shapes. */
import { describe, expect, it } from 'vitest';
import { useApi } from './api-harness.js';

const api = useApi();

async function post(target: string | undefined, body: string) {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-amz-json-1.0' };
  if (target !== undefined) headers['X-Amz-Target'] = target;
  const response = await fetch(api.server.endpoint, { method: 'POST', headers, body });
  return { response, json: (await response.json()) as Record<string, unknown> };
}

describe('the JSON 1.0 protocol', () => {
  it('answers a call as application/x-amz-json-1.0 with a request id', async () => {
    const { response, json } = await post('AWSStepFunctions.ListStateMachines', '{}');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(json).toEqual({ stateMachines: [] });
  });

  it('answers errors with HTTP 400, {__type, message} and the x-amzn-ErrorType header', async () => {
    const { response, json } = await post('AWSStepFunctions.DescribeExecution', '{"executionArn": "nope"}');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidArn');
    expect(json).toEqual({ __type: 'InvalidArn', message: expect.stringContaining("'nope'") });
  });

  it('names an unknown or missing target', async () => {
    const unknown = await post('AWSStepFunctions.Frobnicate', '{}');
    expect(unknown.response.status).toBe(400);
    expect(unknown.json).toMatchObject({ __type: 'UnknownOperationException' });
    expect(unknown.json.message).toContain('AWSStepFunctions.Frobnicate');
    const missing = await post(undefined, '{}');
    expect(missing.json).toMatchObject({
      __type: 'UnknownOperationException',
      message: expect.stringContaining('X-Amz-Target'),
    });
    const otherService = await post('DynamoDB_20120810.ListTables', '{}');
    expect(otherService.json.__type).toBe('UnknownOperationException');
  });

  it('refuses a body that is not a JSON object (SerializationException)', async () => {
    for (const body of ['{"name": ', '[1, 2]', '"text"']) {
      const { response, json } = await post('AWSStepFunctions.ListStateMachines', body);
      expect([body, response.status, json.__type]).toEqual([body, 400, 'SerializationException']);
    }
  });

  it('refuses a request body over 1 MB, and still serves the next request', async () => {
    const definition = JSON.stringify({
      Comment: 'x'.repeat(1024 * 1024),
      StartAt: 'A',
      States: { A: { Type: 'Pass', End: true } },
    });
    const body = JSON.stringify({ name: 'huge', definition });
    const { response, json } = await post('AWSStepFunctions.CreateStateMachine', body);
    expect(response.status).toBe(400);
    expect(json).toMatchObject({ __type: 'ValidationException', message: expect.stringContaining('1 MB') });
    const next = await post('AWSStepFunctions.ListStateMachines', '{}');
    expect(next.json.stateMachines).toEqual([]);
  });

  it('takes an empty body as an empty request, whose missing members are named', async () => {
    const { json } = await post('AWSStepFunctions.StartExecution', '');
    expect(json).toEqual({ __type: 'ValidationException', message: 'stateMachineArn is required' });
  });

  it('reads only the body’s own members: "__proto__" and friends are plain data', async () => {
    const body = '{"__proto__": {"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:x"}}';
    const { json } = await post('AWSStepFunctions.StartExecution', body);
    expect(json).toEqual({ __type: 'ValidationException', message: 'stateMachineArn is required' });
  });

  it('answers other methods with 405', async () => {
    const response = await fetch(api.server.endpoint);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});
