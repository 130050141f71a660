/**
 * Lambda tasks through the AWS task invoker: bare function ARNs and lambda:invoke. No Lambda
 * emulator exists here: the SDK mock is what covers them (see invoker-fixture.ts).
 */
import { InvokeCommand, ServiceException, TooManyRequestsException } from '@aws-sdk/client-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { bytes, invoker, lambda, metadata, request, resetMocks } from './invoker-fixture.js';

const FN = 'arn:aws:lambda:us-east-1:123456789012:function:orders';

beforeEach(resetMocks);

describe('Lambda tasks', () => {
  it('a bare function ARN sends the parameters and returns the function result', async () => {
    lambda
      .on(InvokeCommand)
      .resolves({ StatusCode: 200, Payload: bytes({ total: 42 }), $metadata: metadata });
    const result = await invoker.invoke(request(FN, { orderId: 'o-1' }));
    expect(result).toEqual({ ok: true, output: { total: 42 } });
    const input = lambda.commandCalls(InvokeCommand)[0].args[0].input;
    expect(input.FunctionName).toBe(FN);
    expect(JSON.parse(new TextDecoder().decode(input.Payload as Uint8Array))).toEqual({ orderId: 'o-1' });
    const clientContext = JSON.parse(Buffer.from(input.ClientContext!, 'base64').toString());
    expect(clientContext).toEqual({ custom: { quickstepIdempotencyKey: 'arn:exec:Work:w1' } });
  });

  it('names a function error by its errorType, with Lambda’s error JSON as the cause', async () => {
    const error = { errorType: 'OutOfStock', errorMessage: 'no tea', trace: ['at handler'] };
    lambda
      .on(InvokeCommand)
      .resolves({ StatusCode: 200, FunctionError: 'Unhandled', Payload: bytes(error), $metadata: metadata });
    expect(await invoker.invoke(request(FN, {}))).toEqual({
      ok: false,
      error: 'OutOfStock',
      cause: JSON.stringify(error),
    });
    lambda
      .on(InvokeCommand)
      .resolves({ FunctionError: 'Unhandled', Payload: bytes({ errorMessage: 'Task timed out' }) });
    expect(await invoker.invoke(request(FN, {}))).toMatchObject({ ok: false, error: 'Lambda.Unknown' });
  });

  it('names service errors Lambda.{Exception}, and a call that got no answer Lambda.SdkClientException', async () => {
    lambda.on(InvokeCommand).rejects(
      new TooManyRequestsException({
        message: 'Rate exceeded',
        $metadata: { httpStatusCode: 429, requestId: 'r' },
      }),
    );
    expect(await invoker.invoke(request(FN, {}))).toMatchObject({
      ok: false,
      error: 'Lambda.TooManyRequestsException',
    });
    lambda
      .on(InvokeCommand)
      .rejects(new ServiceException({ message: 'boom', $metadata: { httpStatusCode: 500 } }));
    expect(await invoker.invoke(request(FN, {}))).toMatchObject({
      ok: false,
      error: 'Lambda.ServiceException',
    });
    lambda
      .on(InvokeCommand)
      .rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} }));
    expect(await invoker.invoke(request(FN, {}))).toEqual({
      ok: false,
      error: 'Lambda.SdkClientException',
      cause: 'socket hang up',
    });
  });

  it('lambda:invoke returns the invoke envelope, and passes the task token in the payload', async () => {
    lambda.on(InvokeCommand).resolves({
      StatusCode: 200,
      ExecutedVersion: '$LATEST',
      Payload: bytes({ ok: 1 }),
      $metadata: metadata,
    });
    const result = await invoker.invoke(
      request(
        'arn:aws:states:::lambda:invoke.waitForTaskToken',
        { FunctionName: 'orders', Payload: { token: 'tok' } },
        'tok',
      ),
    );
    expect(result).toEqual({
      ok: true,
      output: {
        ExecutedVersion: '$LATEST',
        Payload: { ok: 1 },
        SdkHttpMetadata: { HttpHeaders: { 'x-amzn-RequestId': 'req-1' }, HttpStatusCode: 200 },
        SdkResponseMetadata: { RequestId: 'req-1' },
        StatusCode: 200,
      },
    });
    const input = lambda.commandCalls(InvokeCommand)[0].args[0].input;
    expect(input.FunctionName).toBe('orders');
    expect(JSON.parse(new TextDecoder().decode(input.Payload as Uint8Array))).toEqual({ token: 'tok' });
    expect(await invoker.invoke(request('arn:aws:states:::lambda:invoke', {}))).toMatchObject({
      ok: false,
      error: 'Lambda.ValidationException',
    });
  });
});
