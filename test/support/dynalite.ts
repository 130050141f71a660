/**
 * dynalite started in-process on a free port, with a DynamoDB client pointed at it: the
 * store's tests run against a real DynamoDB implementation, never a mock. The same starter
 * the embedded default uses.
 */
import { type EmbeddedDynamoDB, startEmbeddedDynamoDB } from '../../src/adapters/local/embedded-dynamodb.js';

export type LocalDynamo = EmbeddedDynamoDB;

export function startDynalite(): Promise<LocalDynamo> {
  return startEmbeddedDynamoDB();
}
