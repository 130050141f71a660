/**
 * One request of the AWS JSON 1.0 protocol: the operation named by `X-Amz-Target`, a JSON
 * object body, and either the operation's answer or an error `{"__type", "message"}`.
 */
import { QuickstepError } from '../runtime/errors.js';
import type { ApiContext, ResponseBody } from './api-context.js';
import { operations, TARGET_PREFIX } from './operation-table.js';
import type { RequestBody } from './request-fields.js';

export interface ApiResponse {
  status: number;
  body: ResponseBody;
  /** The error's `__type`, for the `x-amzn-ErrorType` header. */
  errorType?: string;
}

export async function dispatch(
  api: ApiContext,
  target: string | undefined,
  text: string,
): Promise<ApiResponse> {
  const name = target?.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
  const operation = name === undefined ? undefined : operations.get(name);
  if (!operation) {
    const what = target ? `Unknown operation '${target}'` : 'Missing X-Amz-Target header';
    return failure(400, 'UnknownOperationException', `${what}: expected AWSStepFunctions.<Operation>`);
  }
  const body = parseBody(text);
  if (!body) return failure(400, 'SerializationException', 'The request body is not a JSON object');
  try {
    return { status: 200, body: await operation(api, body) };
  } catch (error) {
    if (error instanceof QuickstepError) return failure(400, error.code, error.message);
    api.onInternalError(name ?? '', error);
    return failure(500, 'InternalFailure', 'The request failed because of an internal fault; retry it.');
  }
}

export function failure(status: number, type: string, message: string): ApiResponse {
  return { status, body: { __type: type, message }, errorType: type };
}

function parseBody(text: string): RequestBody | undefined {
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as RequestBody)
      : undefined;
  } catch {
    return undefined;
  }
}
