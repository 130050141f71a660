/**
 * The README's recipe for calling the deployed API (an API Gateway HTTP API with IAM
 * authorization) with a stock @aws-sdk/client-sfn. No AWS account here, so API Gateway's part
 * is played by a local server that verifies the SigV4 signature as IAM authorization does —
 * service `execute-api`, the stack's region, known credentials — with @smithy/signature-v4,
 * then hands the request to the API's dispatch, as the api function does.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  ListStateMachinesCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalStack } from '../../../src/adapters/local/local-stack.js';
import { apiContext, dispatch } from '../../../src/api/index.js';
import { repoRoot } from '../../cli/run-quickstep.js';
import { eventually, roleArn } from './api-harness.js';
import { passThrough } from './fixtures/definitions.js';

const region = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDQUICKSTEPTEST', secretAccessKey: 'quickstep-test-secret' };

/** The client exactly as the README configures it (credentials given here, not from the environment). */
function readmeClient(endpoint: string): SFNClient {
  return new SFNClient({
    endpoint,
    region,
    credentials,
    maxAttempts: 1,
    disableHostPrefix: true,
    httpAuthSchemeProvider: ({ region }) => [
      {
        schemeId: 'aws.auth#sigv4',
        signingProperties: { signingName: 'execute-api', signingRegion: region },
        propertiesExtractor: (config, context) => ({ signingProperties: { config, context } }),
      },
    ],
  });
}

/** SHA-256 and HMAC-SHA-256 over node:crypto, in the shape SignatureV4 takes. */
class Sha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {}
}

function bytes(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;

/** What IAM authorization checks: the key, the scope (region, execute-api) and the signature. */
async function verify(request: IncomingMessage, body: string): Promise<string | undefined> {
  const match = AUTHORIZATION.exec(String(request.headers.authorization ?? ''));
  if (!match) return 'Missing Authentication Token';
  const [, keyId, , signedRegion, service, signedHeaders, signature] = match;
  if (keyId !== credentials.accessKeyId) return 'The security token included in the request is invalid.';
  if (service !== 'execute-api' || signedRegion !== region)
    return `Credential should be scoped to correct service: 'execute-api'.`;
  const amzDate = String(request.headers['x-amz-date']);
  const signingDate = new Date(
    amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
  );
  const headers: Record<string, string> = {};
  for (const name of signedHeaders.split(';')) headers[name] = String(request.headers[name] ?? '');
  const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
  const signer = new SignatureV4({ credentials, region, service: 'execute-api', sha256: Sha256 });
  const signed = await signer.sign(
    {
      method: request.method ?? 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
    },
    { signingDate },
  );
  const expected = AUTHORIZATION.exec(String(signed.headers.authorization))?.[6] ?? '';
  const same =
    expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  return same ? undefined : 'The request signature we calculated does not match the signature you provided.';
}

let stack: LocalStack;
let server: Server;
let endpoint: string;
const refusals: string[] = [];

beforeAll(async () => {
  stack = await LocalStack.start({ fastTime: true, settings: { region } });
  const api = apiContext(stack.runtime);
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const refusal = await verify(request, body);
      if (refusal) {
        refusals.push(refusal);
        response.writeHead(403, {
          'Content-Type': 'application/json',
          'x-amzn-ErrorType': 'ForbiddenException',
        });
        response.end(JSON.stringify({ message: refusal }));
        return;
      }
      const target = request.headers['x-amz-target'];
      const answer = await dispatch(api, Array.isArray(target) ? target[0] : target, body);
      response.writeHead(answer.status, {
        'Content-Type': 'application/x-amz-json-1.0',
        ...(answer.errorType ? { 'x-amzn-ErrorType': answer.errorType } : {}),
      });
      response.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await stack?.close();
});

describe("the README's client for the deployed API (IAM authorization)", () => {
  it('signs for execute-api: calls are accepted and run', async () => {
    const client = readmeClient(endpoint);
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({ name: 'signed', definition: passThrough, roleArn }),
    );
    expect(stateMachineArn).toBe(`arn:aws:states:${region}:123456789012:stateMachine:signed`);
    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn, input: '{"a":1}' }),
    );
    const described = await eventually(async () => {
      const execution = await client.send(new DescribeExecutionCommand({ executionArn }));
      return execution.status === 'SUCCEEDED' ? execution : undefined;
    }, 'the execution to succeed');
    expect(described.output).toBe('{"a":1}');
    expect(refusals).toEqual([]);
    client.destroy();
  });

  it("refuses a stock client that signs for 'states', and one with another secret", async () => {
    const stock = new SFNClient({ endpoint, region, credentials, maxAttempts: 1 });
    const wrongService = await stock.send(new ListStateMachinesCommand({})).catch((error: Error) => error);
    expect(wrongService).toMatchObject({ $metadata: { httpStatusCode: 403 } });
    expect(refusals.at(-1)).toContain("'execute-api'");
    const forged = new SFNClient({
      endpoint,
      region,
      credentials: { ...credentials, secretAccessKey: 'not-the-secret' },
      maxAttempts: 1,
      httpAuthSchemeProvider: readmeClient(endpoint).config.httpAuthSchemeProvider,
    });
    const badSignature = await forged.send(new ListStateMachinesCommand({})).catch((error: Error) => error);
    expect(badSignature).toMatchObject({ $metadata: { httpStatusCode: 403 } });
    expect(refusals.at(-1)).toContain('signature we calculated does not match');
    stock.destroy();
    forged.destroy();
  });

  it('is the recipe the README gives', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    for (const line of [
      'httpAuthSchemeProvider: ({ region }) => [',
      "schemeId: 'aws.auth#sigv4',",
      "signingProperties: { signingName: 'execute-api', signingRegion: region },",
      'propertiesExtractor: (config, context) => ({ signingProperties: { config, context } }),',
      'disableHostPrefix: true,',
    ])
      expect(readme).toContain(line);
  });
});
