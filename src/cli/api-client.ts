/**
 * A small client of the Step Functions API (AWS JSON 1.0) for the CLI's commands: plain
 * fetch, since the AWS SDK belongs in src/adapters and the CLI needs only POSTs.
 */
export const DEFAULT_ENDPOINT = 'http://127.0.0.1:8083';

export type ApiBody = { [member: string]: unknown };

/** The API refused the call (`type` is its `__type`), or could not be reached. */
export class ApiCallError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

export async function callApi(endpoint: string, operation: string, body: ApiBody): Promise<ApiBody> {
  let response: Response;
  try {
    response = await fetch(new URL('/', endpoint), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': `AWSStepFunctions.${operation}`,
      },
      body: JSON.stringify(body),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new ApiCallError(
      'ConnectionError',
      `Cannot reach ${endpoint} (${reason}); is \`quickstep dev\` running there?`,
    );
  }
  const text = await response.text();
  let answer: ApiBody = {};
  try {
    answer = text ? (JSON.parse(text) as ApiBody) : {};
  } catch {
    throw new ApiCallError(
      'InvalidResponse',
      `${endpoint} answered ${response.status} with no JSON: ${text.slice(0, 200)}`,
    );
  }
  if (!response.ok) {
    const type = String(answer.__type ?? `HTTP ${response.status}`).replace(/^.*#/, '');
    throw new ApiCallError(type, String(answer.message ?? answer.Message ?? text));
  }
  return answer;
}

/** A state machine's ARN from its name (looked up, since the server's region and account are its own) or ARN. */
export async function resolveStateMachineArn(endpoint: string, nameOrArn: string): Promise<string> {
  if (nameOrArn.startsWith('arn:')) return nameOrArn;
  let nextToken: unknown;
  do {
    const page = await callApi(endpoint, 'ListStateMachines', { maxResults: 1000, nextToken });
    const machines = (page.stateMachines ?? []) as { name: string; stateMachineArn: string }[];
    const found = machines.find((machine) => machine.name === nameOrArn);
    if (found) return found.stateMachineArn;
    nextToken = page.nextToken;
  } while (nextToken);
  throw new ApiCallError('StateMachineDoesNotExist', `No state machine named '${nameOrArn}' at ${endpoint}`);
}
