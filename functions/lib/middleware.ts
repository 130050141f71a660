/**
 * The middleware every Quickstep function wears, declared once: Lambda context in the logs,
 * metrics flushed at the end, and the runtime's meter bound to this invocation's metrics.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type middy from '@middy/core';
import { powertoolsMeter } from '../../src/adapters/aws/observability/powertools-meter.js';
import type { AwsServices } from '../../src/adapters/aws/wiring/aws-services.js';
import type { Observability } from './observability.js';

/** Points the store's meter at these metrics before the handler runs. */
export function meterRuntime(services: () => AwsServices, observability: Observability): middy.MiddlewareObj {
  return {
    before: () => {
      services().store.meter = powertoolsMeter(observability.metrics);
    },
  };
}

export function standardMiddleware(observability: Observability): middy.MiddlewareObj[] {
  return [
    injectLambdaContext(observability.logger, { resetKeys: true }),
    logMetrics(observability.metrics, { captureColdStartMetric: true }),
  ];
}
