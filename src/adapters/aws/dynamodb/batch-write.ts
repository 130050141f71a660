/**
 * BatchWriteItem in chunks of 25, re-sending UnprocessedItems. The SDK retries a throttled
 * request as a whole but hands back items DynamoDB left unprocessed; those are ours to retry.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { BatchWriteCommand, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { ItemKey } from './keys.js';
import type { TableContext } from './table-context.js';

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

const BATCH_SIZE = 25;
const MAX_ATTEMPTS = 8;

export async function putItems(ctx: TableContext, items: Record<string, unknown>[]): Promise<void> {
  await writeRequests(
    ctx,
    items.map((Item) => ({ PutRequest: { Item } })),
  );
}

export async function deleteItems(ctx: TableContext, keys: ItemKey[]): Promise<void> {
  await writeRequests(
    ctx,
    keys.map((Key) => ({ DeleteRequest: { Key: { ...Key } } })),
  );
}

async function writeRequests(ctx: TableContext, requests: WriteRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += BATCH_SIZE) {
    await writeBatch(ctx, requests.slice(i, i + BATCH_SIZE));
  }
}

async function writeBatch(ctx: TableContext, batch: WriteRequest[]): Promise<void> {
  let pending = batch;
  for (let attempt = 1; ; attempt++) {
    const result = await ctx.doc.send(new BatchWriteCommand({ RequestItems: { [ctx.tableName]: pending } }));
    pending = result.UnprocessedItems?.[ctx.tableName] ?? [];
    if (pending.length === 0) return;
    if (attempt === MAX_ATTEMPTS) {
      throw new Error(`BatchWriteItem left ${pending.length} items unprocessed after ${attempt} attempts`);
    }
    // Full jitter, as AWS advises for unprocessed items: 50 ms doubling, at most ~6 s.
    await sleep(Math.random() * 50 * 2 ** attempt);
  }
}
