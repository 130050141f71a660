/**
 * The embedded DynamoDB: dynalite in-process on a free loopback port, in memory or in a
 * folder (`--data`) so executions survive a restart. The store code talking to it is the same
 * that talks to AWS.
 */
import type { RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { inProcessHandler } from './in-process-handler.js';

export interface EmbeddedDynamoDB {
  client: DynamoDBClient;
  endpoint: string;
  close(): Promise<void>;
}

export async function startEmbeddedDynamoDB(options: { path?: string } = {}): Promise<EmbeddedDynamoDB> {
  const server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  // The port serves other clients (tests, --dynamodb-endpoint users); ours skips the socket.
  const listener = server.listeners('request')[0] as RequestListener;
  const client = dynamoDBClient(endpoint, inProcessHandler(listener));
  return {
    client,
    endpoint,
    async close() {
      client.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/** A client for any DynamoDB endpoint: the embedded one, DynamoDB Local, or AWS (`aws` or none). */
export function dynamoDBClient(
  endpoint?: string,
  requestHandler?: ReturnType<typeof inProcessHandler>,
): DynamoDBClient {
  if (!endpoint || endpoint === 'aws') return new DynamoDBClient({});
  return new DynamoDBClient({
    endpoint,
    // In process nothing checks a signature (dynalite only checks that the headers exist, and
    // the handler supplies them): signing every request was ~6% of a fan-out's CPU.
    ...(requestHandler ? { requestHandler, signer: { sign: async <R>(request: R) => request } } : {}),
    region: process.env.AWS_REGION ?? 'us-east-1',
    credentials: {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local',
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
    },
  });
}
