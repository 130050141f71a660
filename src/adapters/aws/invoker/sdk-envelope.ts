/**
 * The SdkHttpMetadata / SdkResponseMetadata members that Step Functions adds to the result of
 * an AWS SDK integration, from the SDK v3 response metadata.
 */
import type { JsonObject } from '../../../asl/json.js';

interface ResponseMetadata {
  httpStatusCode?: number;
  requestId?: string;
}

export function sdkEnvelope(metadata: ResponseMetadata | undefined): JsonObject {
  const requestId = metadata?.requestId ?? '';
  return {
    SdkHttpMetadata: {
      HttpHeaders: { 'x-amzn-RequestId': requestId },
      HttpStatusCode: metadata?.httpStatusCode ?? 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
  };
}
