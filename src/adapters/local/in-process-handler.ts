/**
 * An SDK request handler that hands each DynamoDB request to dynalite's own request listener
 * in the same process, with no socket in between. Dynalite still parses, validates and applies
 * the real wire request (the store code and its conditions are unchanged); what is skipped is
 * the loopback TCP and HTTP parsing, which cost as much CPU as dynalite itself on a fan-out of
 * thousands of executions (measured in docs/performance.md).
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** The parts of Smithy's HttpRequest the handler reads. */
interface WireRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

interface WireResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

export function inProcessHandler(listener: RequestListener) {
  return {
    handle: (request: WireRequest): Promise<{ response: WireResponse }> =>
      new Promise((resolve, reject) => {
        const req = fakeRequest(request);
        const res = fakeResponse((response) => resolve({ response }));
        try {
          listener(req as unknown as IncomingMessage, res as unknown as ServerResponse);
        } catch (error) {
          reject(error);
          return;
        }
        const body = bodyBytes(request.body);
        // Delivered on a later turn of the event loop, as a socket would: the listener subscribes
        // first, and dynalite's own timers (a table turning ACTIVE after CreateTable) run before.
        setImmediate(() => {
          if (body.length > 0) req.emit('data', body);
          req.emit('end');
        });
      }),
    updateHttpClientConfig: () => {},
    httpHandlerConfigs: () => ({}),
    destroy: () => {},
  };
}

function fakeRequest(request: WireRequest) {
  const req = new EventEmitter() as EventEmitter & {
    method: string;
    url: string;
    headers: Record<string, string>;
  };
  req.method = request.method;
  req.url = request.path;
  req.headers = { ...UNSIGNED, ...lowerCased(request.headers) };
  return req;
}

/** What dynalite checks for (presence, not validity) when the client does not sign. */
const UNSIGNED = {
  authorization:
    'AWS4-HMAC-SHA256 Credential=local/20000101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
  'x-amz-date': '20000101T000000Z',
};

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function fakeResponse(done: (response: WireResponse) => void) {
  const headers: Record<string, string> = {};
  return {
    statusCode: 200,
    contentType: undefined as string | undefined,
    shouldKeepAlive: true,
    setHeader(name: string, value: string | number) {
      headers[name.toLowerCase()] = String(value);
    },
    end(this: { statusCode: number }, body?: string | Uint8Array) {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : (body ?? new Uint8Array());
      done({ statusCode: this.statusCode, headers, body: bytes });
    },
  };
}

function bodyBytes(body: unknown): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new Error('in-process DynamoDB handler: streamed request bodies are not supported');
}
