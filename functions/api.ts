/**
 * The api function: the Step Functions–compatible API (src/api) behind API Gateway's HTTP API
 * with IAM authorization. StartSyncExecution waits at most as long as the invocation may run.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { apiContext } from '../src/api/index.js';
import { type AwsServices, awsServices } from '../src/adapters/aws/wiring/aws-services.js';
import { answerHttpApi } from './lib/http-api.js';
import { meterRuntime, standardMiddleware } from './lib/middleware.js';
import { type Observability, errorFields, observability } from './lib/observability.js';

/** Left for answering once a synchronous execution is given up on. */
const ANSWER_MARGIN_MS = 2000;

export function createApiHandler(services: () => AwsServices, obs: Observability = observability) {
  const { logger } = obs;
  const respond = async (
    event: APIGatewayProxyEventV2,
    context: Context,
  ): Promise<APIGatewayProxyStructuredResultV2> => {
    const api = apiContext(services().runtime, {
      syncTimeoutMs: Math.max(0, context.getRemainingTimeInMillis() - ANSWER_MARGIN_MS),
      onInternalError: (operation, error) =>
        logger.error('api request failed', { operation, ...errorFields(error) }),
    });
    const result = await answerHttpApi(api, event);
    logger.info('api request', {
      target: event.headers['x-amz-target'],
      status: result.statusCode,
      errorType: result.headers?.['x-amzn-errortype'],
    });
    return result;
  };
  return middy(respond).use(standardMiddleware(obs)).use(meterRuntime(services, obs));
}

export const handler = createApiHandler(awsServices);
