/**
 * The definition registrar: the CloudFormation custom resource behind each state machine
 * declared in serverless.yml. It always answers CloudFormation — a deploy must fail with the
 * definition's problems, never hang.
 */
import middy from '@middy/core';
import {
  type CustomResourceEvent,
  type CustomResourceResult,
  sendResponse,
} from '../src/adapters/aws/cfn/custom-resource.js';
import { registerStateMachine } from '../src/adapters/aws/cfn/register-state-machine.js';
import { type AwsServices, awsServices } from '../src/adapters/aws/wiring/aws-services.js';
import { standardMiddleware } from './lib/middleware.js';
import { type Observability, errorFields, observability } from './lib/observability.js';

export function createRegistrarHandler(services: () => AwsServices, obs: Observability = observability) {
  const { logger } = obs;
  const register = async (event: CustomResourceEvent): Promise<CustomResourceResult> => {
    let result: CustomResourceResult;
    try {
      result = await registerStateMachine(services().runtime, event);
    } catch (error) {
      logger.error('registration failed', {
        logicalResourceId: event.LogicalResourceId,
        ...errorFields(error),
      });
      result = {
        status: 'FAILED',
        physicalResourceId: event.PhysicalResourceId ?? `failed:${event.RequestId}`,
        reason: errorFields(error).errorMessage,
      };
    }
    logger.info('state machine registration', {
      requestType: event.RequestType,
      logicalResourceId: event.LogicalResourceId,
      status: result.status,
      reason: result.reason,
    });
    await sendResponse(event, result);
    return result;
  };
  return middy(register).use(standardMiddleware(obs));
}

export const handler = createRegistrarHandler(awsServices);
