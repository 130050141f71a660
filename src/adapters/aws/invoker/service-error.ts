/**
 * An SDK exception as Step Functions names it for Retry and Catch: `{Service}.{Exception}`
 * (`Lambda.ServiceException`, `DynamoDB.ConditionalCheckFailedException`). A call that got no
 * answer from the service at all (network, timeout) is `{Service}.SdkClientException`.
 */
import type { TaskResult } from '../../../runtime/ports.js';

interface SdkError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $fault?: string;
}

export function serviceError(service: string, thrown: unknown): TaskResult & { ok: false } {
  const error = (typeof thrown === 'object' && thrown !== null ? thrown : {}) as SdkError;
  const message = error.message ?? String(thrown);
  const status = error.$metadata?.httpStatusCode;
  if (status === undefined || !error.name) {
    return { ok: false, error: `${service}.SdkClientException`, cause: message };
  }
  const requestId = error.$metadata?.requestId ?? '';
  return {
    ok: false,
    error: `${service}.${error.name}`,
    cause: `${message} (Service: ${service}, Status Code: ${status}, Request ID: ${requestId})`,
  };
}
