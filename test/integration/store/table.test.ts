import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ensureTable } from '../../../src/adapters/aws/dynamodb/create-table.js';
import { useStore } from './store-fixtures.js';

const h = useStore('store-table');

describe('ensureTable', () => {
  it('creates the table with its keys and the listing index, ACTIVE', async () => {
    const { Table } = await h.dynamo.client.send(new DescribeTableCommand({ TableName: h.tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    const gsi = Table?.GlobalSecondaryIndexes?.[0];
    expect(gsi?.IndexName).toBe('gsi1');
    expect(gsi?.IndexStatus).toBe('ACTIVE');
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('is idempotent: a second call keeps the table and its data', async () => {
    const record = {
      name: 'kept',
      arn: 'arn:aws:states:us-east-1:000000000000:stateMachine:kept',
      versionId: 'v1',
      type: 'STANDARD' as const,
      roleArn: 'arn:aws:iam::000000000000:role/r',
      createdAt: 1,
      updatedAt: 1,
    };
    await h.store.putStateMachine(record);
    await ensureTable(h.dynamo.client, h.tableName);
    await ensureTable(h.dynamo.client, h.tableName);
    expect(await h.store.getStateMachine('kept')).toEqual(record);
  });

  it('creates two tables side by side when asked concurrently', async () => {
    await Promise.all([
      ensureTable(h.dynamo.client, 'store-table-b'),
      ensureTable(h.dynamo.client, 'store-table-b'),
    ]);
    const { Table } = await h.dynamo.client.send(new DescribeTableCommand({ TableName: 'store-table-b' }));
    expect(Table?.TableStatus).toBe('ACTIVE');
  });
});
