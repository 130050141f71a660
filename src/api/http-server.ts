/**
 * The Step Functions API over node:http: one POST route, bodies up to 1 MB (Step Functions'
 * request limit), answers as application/x-amz-json-1.0.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DurableRuntime } from '../runtime/durable/runtime.js';
import { type ApiContext, type ApiOptions, apiContext } from './api-context.js';
import { type ApiResponse, dispatch, failure } from './dispatch.js';

export const MAX_REQUEST_BYTES = 1024 * 1024;
/** Past this a client is not sending a request but a flood: the connection is cut. */
const DRAIN_LIMIT_BYTES = 16 * MAX_REQUEST_BYTES;
const CONTENT_TYPE = 'application/x-amz-json-1.0';

export type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

export function apiRequestListener(api: ApiContext): RequestListener {
  return (request, response) => {
    void serve(api, request, response).catch((error) => {
      api.onInternalError('', error);
      if (!response.headersSent) send(response, failure(500, 'InternalFailure', 'Internal fault'));
    });
  };
}

async function serve(api: ApiContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'POST') {
    request.resume();
    const answer = failure(405, 'UnknownOperationException', 'The Step Functions API takes POST requests');
    response.setHeader('Allow', 'POST');
    return send(response, answer);
  }
  const body = await readBody(request);
  if (body === undefined) {
    return send(
      response,
      failure(400, 'ValidationException', `The request body is over ${MAX_REQUEST_BYTES} bytes (1 MB)`),
    );
  }
  const target = request.headers['x-amz-target'];
  send(response, await dispatch(api, Array.isArray(target) ? target[0] : target, body));
}

/** The body as text, or undefined when it is over the limit (read to its end all the same). */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) request.destroy();
    });
    request.on('end', () =>
      resolve(size > MAX_REQUEST_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')),
    );
    // A connection cut mid-body (by the client, or by the flood guard) is no fault of ours:
    // there is no one left to answer.
    request.on('error', () => resolve(undefined));
    request.on('close', () => resolve(undefined));
  });
}

function send(response: ServerResponse, answer: ApiResponse): void {
  const text = JSON.stringify(answer.body);
  response.statusCode = answer.status;
  response.setHeader('Content-Type', CONTENT_TYPE);
  response.setHeader('Content-Length', Buffer.byteLength(text));
  response.setHeader('x-amzn-RequestId', randomUUID());
  if (answer.errorType) response.setHeader('x-amzn-ErrorType', answer.errorType);
  response.end(text);
}

export interface ApiServer {
  server: Server;
  port: number;
  /** e.g. http://127.0.0.1:8083, what `new SFNClient({ endpoint })` takes. */
  endpoint: string;
  close(): Promise<void>;
}

/** Listens on `host:port` (port 0: a free one, told in `port`). */
export async function startApiServer(
  runtime: DurableRuntime,
  options: ApiOptions & { port?: number; host?: string } = {},
): Promise<ApiServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer(apiRequestListener(apiContext(runtime, options)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8083, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    endpoint: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
