/**
 * The functions' logger and metrics (Powertools): JSON logs, EMF metrics under the namespace
 * POWERTOOLS_METRICS_NAMESPACE (Quickstep). One of each per container.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

export interface Observability {
  logger: Logger;
  metrics: Metrics;
}

export function createObservability(): Observability {
  return {
    logger: new Logger({ serviceName: 'quickstep' }),
    metrics: new Metrics({ namespace: 'Quickstep', serviceName: 'quickstep' }),
  };
}

export const observability = createObservability();

/** What a log line says about a failure: enough to find it, without the payload. */
export function errorFields(error: unknown): { error: string; errorMessage: string } {
  return error instanceof Error
    ? { error: error.name, errorMessage: error.message }
    : { error: typeof error, errorMessage: String(error) };
}
