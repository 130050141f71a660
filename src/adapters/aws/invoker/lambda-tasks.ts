/**
 * Lambda tasks with Step Functions' shapes. A bare function ARN returns the function's result;
 * `arn:aws:states:::lambda:invoke` returns the invoke envelope
 * `{ExecutedVersion, Payload, SdkHttpMetadata, SdkResponseMetadata, StatusCode}`. A function
 * error is named by its `errorType` (Lambda.Unknown when it has none), with Lambda's error JSON
 * as the cause; an SDK failure is `Lambda.{Exception}`.
 */
import { InvokeCommand, type InvokeCommandOutput, type LambdaClient } from '@aws-sdk/client-lambda';
import { type Json, isJsonObject } from '../../../asl/json.js';
import type { TaskRequest, TaskResult } from '../../../runtime/ports.js';
import { invalidParameter, stringField } from './parameters.js';
import { sdkEnvelope } from './sdk-envelope.js';
import { serviceError } from './service-error.js';

export async function invokeFunctionArn(client: LambdaClient, request: TaskRequest): Promise<TaskResult> {
  const response = await invoke(client, {
    FunctionName: request.resource,
    Payload: JSON.stringify(request.parameters),
    ClientContext: idempotencyContext(request),
  });
  if ('error' in response) return response;
  const failure = functionError(response);
  return failure ?? { ok: true, output: payloadJson(response) };
}

export async function lambdaInvoke(client: LambdaClient, request: TaskRequest): Promise<TaskResult> {
  const { parameters } = request;
  const functionName = stringField(parameters, 'FunctionName');
  if (!functionName) return invalidParameter('Lambda', 'FunctionName', 'a function name or ARN');
  const payload = isJsonObject(parameters) ? parameters.Payload : undefined;
  const response = await invoke(client, {
    FunctionName: functionName,
    Payload: payload === undefined ? undefined : JSON.stringify(payload),
    InvocationType: invocationType(stringField(parameters, 'InvocationType')),
    Qualifier: stringField(parameters, 'Qualifier'),
    LogType: stringField(parameters, 'LogType') === 'Tail' ? 'Tail' : undefined,
    ClientContext: stringField(parameters, 'ClientContext') ?? idempotencyContext(request),
  });
  if ('error' in response) return response;
  const failure = functionError(response);
  if (failure) return failure;
  return {
    ok: true,
    output: {
      ExecutedVersion: response.ExecutedVersion ?? '$LATEST',
      ...(response.LogResult ? { LogResult: response.LogResult } : {}),
      Payload: payloadJson(response),
      ...sdkEnvelope(response.$metadata),
      StatusCode: response.StatusCode ?? 200,
    },
  };
}

type InvokeInput = ConstructorParameters<typeof InvokeCommand>[0];

async function invoke(
  client: LambdaClient,
  input: Omit<InvokeInput, 'Payload'> & { Payload?: string },
): Promise<InvokeCommandOutput | (TaskResult & { ok: false })> {
  try {
    const { Payload, ...rest } = input;
    return await client.send(
      new InvokeCommand({ ...rest, Payload: Payload === undefined ? undefined : Buffer.from(Payload) }),
    );
  } catch (error) {
    return serviceError('Lambda', error);
  }
}

function invocationType(value: string | undefined): 'RequestResponse' | 'Event' | 'DryRun' | undefined {
  return value === 'Event' || value === 'DryRun' || value === 'RequestResponse' ? value : undefined;
}

function payloadText(response: InvokeCommandOutput): string {
  return response.Payload ? Buffer.from(response.Payload).toString('utf8') : '';
}

/** Lambda returns JSON; an asynchronous invoke returns nothing. */
function payloadJson(response: InvokeCommandOutput): Json {
  const text = payloadText(response);
  if (text === '') return null;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

function functionError(response: InvokeCommandOutput): (TaskResult & { ok: false }) | undefined {
  if (!response.FunctionError) return undefined;
  const cause = payloadText(response);
  let errorType: unknown;
  try {
    const parsed: unknown = JSON.parse(cause);
    errorType = isJsonObject(parsed as Json) ? (parsed as { errorType?: unknown }).errorType : undefined;
  } catch {
    errorType = undefined;
  }
  return { ok: false, error: typeof errorType === 'string' ? errorType : 'Lambda.Unknown', cause };
}

/** The idempotency key (I7) reaches the function as `context.clientContext.custom`. */
function idempotencyContext(request: TaskRequest): string {
  const context = { custom: { quickstepIdempotencyKey: request.idempotencyKey } };
  return Buffer.from(JSON.stringify(context)).toString('base64');
}
