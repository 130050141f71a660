import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { SeqConflictError } from '../../../src/runtime/ports.js';
import { executionRecord, nextRecord, useStore } from './store-fixtures.js';

const h = useStore('store-executions');

/** The stored item itself, to check the attributes that DynamoDB acts on (TTL, index keys). */
async function rawItem(id: string) {
  const doc = DynamoDBDocumentClient.from(h.dynamo.client);
  const { Item } = await doc.send(
    new GetCommand({ TableName: h.tableName, Key: { pk: `EX#${id}`, sk: 'EX' }, ConsistentRead: true }),
  );
  return Item;
}

describe('executions', () => {
  it('createExecution creates once; a repeat returns false and writes nothing', async () => {
    const record = executionRecord({ name: 'create-once' });
    expect(await h.store.getExecution(record.id)).toBeUndefined();
    expect(await h.store.createExecution(record)).toBe(true);
    expect(await h.store.createExecution({ ...record, versionId: 'other' })).toBe(false);
    expect(await h.store.getExecution(record.id)).toStrictEqual(record);
  });

  it('commits with the seq it read, and the next commit builds on it', async () => {
    const record = executionRecord({ name: 'commit-ok' });
    await h.store.createExecution(record);
    const one = nextRecord(record);
    await h.store.commitExecution(one, 0);
    const two = nextRecord(one, { input: { done: true } });
    await h.store.commitExecution(two, 1);
    expect(await h.store.getExecution(record.id)).toStrictEqual(two);
  });

  it('a stale seq throws SeqConflictError and leaves the item unchanged', async () => {
    const record = executionRecord({ name: 'commit-stale' });
    await h.store.createExecution(record);
    const one = nextRecord(record);
    await h.store.commitExecution(one, 0);
    const stale = nextRecord(record, { messageId: 'late-duplicate' });
    const attempt = h.store.commitExecution(stale, 0);
    await expect(attempt).rejects.toBeInstanceOf(SeqConflictError);
    await expect(attempt).rejects.toMatchObject({ executionId: record.id, expectedSeq: 0 });
    expect(await h.store.getExecution(record.id)).toStrictEqual(one);
  });

  it('a commit to an execution that does not exist is a conflict, and creates nothing', async () => {
    const record = executionRecord({ name: 'never-created' });
    await expect(h.store.commitExecution(nextRecord(record), 0)).rejects.toBeInstanceOf(SeqConflictError);
    expect(await h.store.getExecution(record.id)).toBeUndefined();
  });

  it('of concurrent commits from the same seq exactly one wins', async () => {
    const record = executionRecord({ name: 'race' });
    await h.store.createExecution(record);
    const candidates = Array.from({ length: 8 }, (_, i) => nextRecord(record, { messageId: `message-${i}` }));
    const results = await Promise.allSettled(candidates.map((c) => h.store.commitExecution(c, 0)));
    const won = candidates.filter((_, i) => results[i].status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(7);
    for (const error of lost) expect(error).toBeInstanceOf(SeqConflictError);
    expect(await h.store.getExecution(record.id)).toStrictEqual(won[0]);
  });

  it('a finished execution carries its TTL, status and stop date on the item', async () => {
    const record = executionRecord({ name: 'finished' });
    await h.store.createExecution(record);
    expect((await rawItem(record.id))?.ttl).toBeUndefined();
    const done = nextRecord(record, { status: 'SUCCEEDED', stopDate: 1_700_000_100_000, ttl: 1_707_776_100 });
    await h.store.commitExecution(done, 0);
    const item = await rawItem(record.id);
    expect(item).toMatchObject({ ttl: 1_707_776_100, status: 'SUCCEEDED', stopDate: 1_700_000_100_000 });
    expect(item?.gsi1pk).toBe('SM#orders');
    expect(await h.store.getExecution(record.id)).toStrictEqual(done);
  });

  it('a child execution keeps its parent link and gets no listing keys', async () => {
    const parentId = executionRecord({ name: 'parent' }).id;
    const child = executionRecord({ id: `${parentId}/w-1/0`, name: 'parent', parentId });
    await h.store.createExecution(child);
    expect(await h.store.getExecution(child.id)).toStrictEqual(child);
    const item = await rawItem(child.id);
    expect(item?.gsi1pk).toBeUndefined();
    expect(item?.gsi1sk).toBeUndefined();
  });
});
