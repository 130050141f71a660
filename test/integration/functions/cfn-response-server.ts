/**
 * A stand-in for the pre-signed S3 URL that CloudFormation gives a custom resource: a local
 * HTTP server that records each PUT response, as CloudFormation would read it.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CfnResponse {
  headers: IncomingHttpHeaders;
  body: {
    Status: 'SUCCESS' | 'FAILED';
    Reason: string;
    PhysicalResourceId: string;
    StackId: string;
    RequestId: string;
    LogicalResourceId: string;
    Data: Record<string, string>;
  };
}

export class CfnResponseServer {
  readonly responses: CfnResponse[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<CfnResponseServer> {
    let self: CfnResponseServer | undefined;
    const server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk) => (text += chunk));
      request.on('end', () => {
        self?.responses.push({ headers: request.headers, body: JSON.parse(text) });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self = new CfnResponseServer(server, `http://127.0.0.1:${port}/cfn-response?X-Amz-Signature=test`);
    return self;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
