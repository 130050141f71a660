/**
 * Runs Task states against local Lambda handlers, with Step Functions' result shapes: a bare
 * function ARN returns the payload; `arn:aws:states:::lambda:invoke` returns the invoke
 * envelope. Handler errors surface as Lambda reports them.
 */
import { randomUUID } from 'node:crypto';
import { type Json, getOwn, isJsonObject } from '../../asl/json.js';
import type { TaskInvoker, TaskRequest, TaskResult } from '../../runtime/ports.js';
import { functionNameOf } from './function-name.js';
import { lambdaError } from './lambda-error.js';
import { LocalSinks } from './local-sinks.js';
import { serviceIntegrations } from './service-integrations.js';

export type LambdaHandler = (event: Json, context: LambdaContext) => unknown;

export interface LambdaContext {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  awsRequestId: string;
  memoryLimitInMB: string;
  getRemainingTimeInMillis(): number;
  /** (execution, state, attempt): the same on a repeated invocation, for the handler to deduplicate (I7). */
  idempotencyKey?: string;
}

export class LocalTaskInvoker implements TaskInvoker {
  constructor(
    private readonly handlers: ReadonlyMap<string, LambdaHandler>,
    readonly sinks = new LocalSinks(),
    private readonly region = 'us-east-1',
    private readonly account = '123456789012',
  ) {}

  async invoke(request: TaskRequest): Promise<TaskResult> {
    const parts = request.resource.split(':');
    if (parts[2] === 'lambda' && parts[5] === 'function') {
      return this.call(parts[6], request.parameters, request.idempotencyKey);
    }
    if (/^arn:aws[\w-]*:states:[^:]*:[^:]*:lambda:invoke(\.waitForTaskToken)?$/.test(request.resource)) {
      return this.invokeIntegration(request.parameters, request.idempotencyKey);
    }
    const integration = serviceIntegrations.get(
      parts
        .slice(5)
        .join(':')
        .replace(/\.waitForTaskToken$/, ''),
    );
    if (parts[2] === 'states' && integration) return integration(request.parameters, this.sinks);
    return {
      ok: false,
      error: 'States.Runtime',
      cause: `The resource '${request.resource}' has no local implementation yet; local runs support Lambda, SQS sendMessage, SNS publish and EventBridge putEvents.`,
    };
  }

  private async invokeIntegration(parameters: Json, idempotencyKey?: string): Promise<TaskResult> {
    const functionName = isJsonObject(parameters) ? getOwn(parameters, 'FunctionName') : undefined;
    if (typeof functionName !== 'string') {
      return {
        ok: false,
        error: 'States.Runtime',
        cause: 'lambda:invoke needs a FunctionName string parameter.',
      };
    }
    const payload = (isJsonObject(parameters) ? getOwn(parameters, 'Payload') : undefined) ?? {};
    const result = await this.call(functionNameOf(functionName), payload, idempotencyKey);
    if (!result.ok) return result;
    const requestId = randomUUID();
    return {
      ok: true,
      output: {
        ExecutedVersion: '$LATEST',
        Payload: result.output,
        SdkHttpMetadata: { HttpHeaders: { 'x-amzn-RequestId': requestId }, HttpStatusCode: 200 },
        SdkResponseMetadata: { RequestId: requestId },
        StatusCode: 200,
      },
    };
  }

  private async call(name: string, event: Json, idempotencyKey?: string): Promise<TaskResult> {
    const handler = this.handlers.get(name);
    if (!handler) {
      return {
        ok: false,
        error: 'Lambda.ResourceNotFoundException',
        cause: `Function not found: arn:aws:lambda:${this.region}:${this.account}:function:${name} (no local handler named "${name}"; pass --functions <module> exporting it)`,
      };
    }
    try {
      const value = await handler(event, { ...this.context(name), idempotencyKey });
      return { ok: true, output: value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Json) };
    } catch (thrown) {
      return { ok: false, ...lambdaError(thrown) };
    }
  }

  private context(name: string): LambdaContext {
    const deadline = Date.now() + 900_000;
    return {
      functionName: name,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${this.region}:${this.account}:function:${name}`,
      awsRequestId: randomUUID(),
      memoryLimitInMB: '1024',
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
  }
}
