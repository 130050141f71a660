/**
 * Oversized text in chunk items. DynamoDB caps an item at 400 KB; text over ~350 KB is
 * split into binary chunks under deterministic keys, written before the item that refers to
 * them. Bytes, not characters: the parts are joined before decoding, so a character split
 * across two chunks comes back whole.
 */
import { createHash } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { putItems } from './batch-write.js';
import { allOf, partitionIs, queryParams, sortKeyBeginsWith } from './conditions.js';
import { chunkSk, type ItemKey } from './keys.js';
import type { TableContext } from './table-context.js';

/** Leaves room for the keys and the other attributes of the item that would hold the text. */
export const MAX_INLINE_BYTES = 350 * 1024;

/** The text's bytes in chunks, or undefined when it fits inline. */
export function splitIntoChunks(text: string): Uint8Array[] | undefined {
  if (Buffer.byteLength(text, 'utf8') <= MAX_INLINE_BYTES) return undefined;
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += MAX_INLINE_BYTES) {
    chunks.push(bytes.subarray(offset, offset + MAX_INLINE_BYTES));
  }
  return chunks;
}

export const contentHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

export const chunkKeys = (pk: string, prefix: string, count: number): ItemKey[] =>
  Array.from({ length: count }, (_, n) => ({ pk, sk: chunkSk(prefix, n) }));

export async function writeChunks(
  ctx: TableContext,
  pk: string,
  prefix: string,
  chunks: Uint8Array[],
  ttl?: number,
): Promise<void> {
  await putItems(
    ctx,
    chunks.map((data, n) => ({ pk, sk: chunkSk(prefix, n), kind: 'chunk', data, ttl })),
  );
}

/** The reassembled text, or undefined when fewer than `count` chunks exist (replaced meanwhile). */
export async function readChunks(
  ctx: TableContext,
  pk: string,
  prefix: string,
  count: number,
): Promise<string | undefined> {
  const parts: Uint8Array[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        ...queryParams(allOf(partitionIs(pk), sortKeyBeginsWith(prefix))),
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of result.Items ?? []) parts.push(item.data as Uint8Array);
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  if (parts.length !== count) return undefined;
  return Buffer.concat(parts).toString('utf8');
}
