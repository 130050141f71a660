/**
 * `--dynamodb-endpoint` points `quickstep run` at another DynamoDB instead of the embedded
 * one: here a dynalite server of the test's own, whose table is then read back directly.
 */
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedDynamoDB, startEmbeddedDynamoDB } from '../../src/adapters/local/embedded-dynamodb.js';
import { fixtures, quickstep } from './run-quickstep.js';

let dynamo: EmbeddedDynamoDB;
beforeAll(async () => {
  dynamo = await startEmbeddedDynamoDB();
});
afterAll(async () => dynamo?.close());

describe('quickstep run --dynamodb-endpoint', () => {
  it('keeps the execution in the DynamoDB it names', async () => {
    const args = ['run', `${fixtures}/fail-state.json`, '--json', '--name', 'elsewhere'];
    const { code, stdout } = await quickstep([...args, '--dynamodb-endpoint', dynamo.endpoint], {
      QUICKSTEP_TABLE: 'external',
    });
    expect(code).toBe(1);
    const { executionArn } = JSON.parse(stdout) as { executionArn: string };
    const doc = DynamoDBDocumentClient.from(dynamo.client);
    const { Item } = await doc.send(
      new GetCommand({
        TableName: 'external',
        Key: { pk: `EX#${executionArn}`, sk: 'EX' },
        ConsistentRead: true,
      }),
    );
    expect(Item).toMatchObject({ status: 'FAILED', name: 'elsewhere' });
  });
});
