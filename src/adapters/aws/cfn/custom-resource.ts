/**
 * CloudFormation's custom resource protocol: the request Lambda receives, and the response it
 * must PUT to the pre-signed ResponseURL (CloudFormation waits for it up to an hour).
 */
export interface CustomResourceEvent {
  RequestType: 'Create' | 'Update' | 'Delete';
  ServiceToken: string;
  ResponseURL: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  ResourceType: string;
  PhysicalResourceId?: string;
  ResourceProperties: { [key: string]: unknown };
  OldResourceProperties?: { [key: string]: unknown };
}

export interface CustomResourceResult {
  status: 'SUCCESS' | 'FAILED';
  physicalResourceId: string;
  reason?: string;
  data?: { [key: string]: string };
}

/** CloudFormation shows the reason to the user; the whole response must stay under 4 KB. */
const MAX_REASON = 3000;

export async function sendResponse(
  event: CustomResourceEvent,
  result: CustomResourceResult,
  options: { attempts?: number; fetch?: typeof fetch } = {},
): Promise<void> {
  const body = JSON.stringify({
    Status: result.status,
    Reason: (result.reason ?? result.status).slice(0, MAX_REASON),
    PhysicalResourceId: result.physicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    Data: result.data ?? {},
  });
  const put = options.fetch ?? fetch;
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      // The URL is pre-signed without a content type: sending one would break the signature.
      const response = await put(event.ResponseURL, {
        method: 'PUT',
        body,
        headers: { 'content-type': '', 'content-length': String(Buffer.byteLength(body)) },
      });
      if (response.ok) return;
      throw new Error(`CloudFormation response rejected: HTTP ${response.status}`);
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
