import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/asl/json.js';
import { DynamoDBStore } from '../../../src/adapters/aws/dynamodb/dynamodb-store.js';
import { SeqConflictError } from '../../../src/runtime/ports.js';
import { executionRecord, historyEvent, nextRecord, useStore } from './store-fixtures.js';

const h = useStore('store-large-items');
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** About `bytes` of JSON, with multi-byte characters so that chunk borders fall inside them. */
function payload(bytes: number, seed: string): Json {
  const line = `${seed} — données ✓ 🚀 `.repeat(20);
  const count = Math.ceil(bytes / Buffer.byteLength(line));
  return { seed, lines: Array.from({ length: count }, (_, i) => `${i}:${line}`) };
}

async function chunkSortKeys(id: string, prefix: string): Promise<string[]> {
  const doc = DynamoDBDocumentClient.from(h.dynamo.client);
  const result = await doc.send(
    new QueryCommand({
      TableName: h.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `EX#${id}`, ':prefix': prefix },
      ProjectionExpression: 'sk',
    }),
  );
  return (result.Items ?? []).map((item) => String(item.sk));
}

describe('items over DynamoDB’s 400 KB', () => {
  it('a 1 MB snapshot round-trips through create and commit', async () => {
    const record = executionRecord({ name: 'big', input: payload(1024 * 1024, 'first') });
    expect(Buffer.byteLength(JSON.stringify(record.snapshot))).toBeGreaterThan(2 * 1024 * 1024);
    expect(await h.store.createExecution(record)).toBe(true);
    expect(await h.store.getExecution(record.id)).toStrictEqual(record);

    const next = nextRecord(record, { input: payload(1024 * 1024, 'second') });
    await h.store.commitExecution(next, 0);
    expect(await h.store.getExecution(record.id)).toStrictEqual(next);
    // The replaced body's chunks are gone; only the current body's remain.
    const keys = await chunkSortKeys(record.id, 'B#');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((sk) => sk.startsWith('B#1#'))).toBe(true);
  });

  it('a stale commit of a large body changes nothing', async () => {
    const record = executionRecord({ name: 'big-stale', input: payload(600 * 1024, 'kept') });
    await h.store.createExecution(record);
    const winner = nextRecord(record);
    await h.store.commitExecution(winner, 0);
    const loser = nextRecord(record, { input: payload(600 * 1024, 'lost') });
    await expect(h.store.commitExecution(loser, 0)).rejects.toBeInstanceOf(SeqConflictError);
    expect(await h.store.getExecution(record.id)).toStrictEqual(winner);
  });

  it('shrinking back under the limit inlines the body and drops every chunk', async () => {
    const record = executionRecord({ name: 'shrinks', input: payload(500 * 1024, 'large') });
    await h.store.createExecution(record);
    const small = nextRecord(record);
    const { position: _dropped, ...rest } = small.snapshot;
    small.snapshot = { ...rest, execution: { ...rest.execution, input: { small: true } } };
    await h.store.commitExecution(small, 0);
    expect(await h.store.getExecution(record.id)).toStrictEqual(small);
    expect(await chunkSortKeys(record.id, 'B#')).toEqual([]);
  });

  it('a commit landing between a reader’s two reads makes the reader read again', async () => {
    const record = executionRecord({ name: 'big-race', input: payload(400 * 1024, 'before') });
    await h.store.createExecution(record);
    const next = nextRecord(record, { input: payload(400 * 1024, 'after') });

    // A second client for the reader: once it has the execution item, the writer commits
    // (and deletes the chunks that item refers to) before the reader asks for them.
    const readerClient = new DynamoDBClient({
      endpoint: h.dynamo.endpoint,
      region: 'us-east-1',
      credentials,
    });
    let armed = true;
    readerClient.middlewareStack.add(
      (handle) => async (args) => {
        const result = await handle(args);
        if (armed) {
          armed = false;
          await h.store.commitExecution(next, 0);
        }
        return result;
      },
      { step: 'initialize', name: 'commitBetweenReads' },
    );
    const reader = new DynamoDBStore({ client: readerClient, tableName: h.tableName });
    expect(await reader.getExecution(record.id)).toStrictEqual(next);
    expect(armed).toBe(false);
    readerClient.destroy();
  });

  it('a 1 MB history event round-trips among small ones, and paging counts it once', async () => {
    const id = 'ex-big-history';
    const big = historyEvent(2, { output: payload(1024 * 1024, 'history') });
    const events = [historyEvent(1), big, historyEvent(3)];
    await h.store.putHistory(id, events);
    await h.store.putHistory(id, [big]);

    expect((await h.store.getHistory(id)).items).toStrictEqual(events);
    const first = await h.store.getHistory(id, { limit: 2 });
    expect(first.items).toStrictEqual(events.slice(0, 2));
    const second = await h.store.getHistory(id, { limit: 2, nextToken: first.nextToken });
    expect(second).toStrictEqual({ items: events.slice(2) });
  });
});
