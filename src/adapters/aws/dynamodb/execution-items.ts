/**
 * Writing and reading execution items, with the body inline or, past ~350 KB, in chunk items
 * `B#{seq}#{hash}#{n}` that are written before the conditional put refers to them.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ExecutionRecord } from '../../../runtime/ports.js';
import { deleteItems } from './batch-write.js';
import { chunkKeys, contentHash, readChunks, splitIntoChunks, writeChunks } from './chunks.js';
import { type Clause, conditionParams } from './conditions.js';
import { executionAttributes, executionBody, toExecution } from './execution-codec.js';
import type { Item } from './item-codec.js';
import { bodyChunkPrefix, executionKey, executionPk, performedKey } from './keys.js';
import { isConditionFailed, type TableContext } from './table-context.js';

/** A commit replacing a body between our two reads is rare; a few re-reads settle it. */
const READ_ATTEMPTS = 5;

/**
 * Puts the execution item if `condition` holds (a failed condition throws the SDK's
 * ConditionalCheckFailedException for the caller to translate). Returns the item written
 * and the one it replaced.
 */
export async function putExecution(
  ctx: TableContext,
  record: ExecutionRecord,
  condition: Clause,
): Promise<{ written: Item; replaced?: Item }> {
  const body = executionBody(record);
  const chunks = splitIntoChunks(body);
  const item = executionAttributes(record);
  if (chunks) {
    const prefix = bodyChunkPrefix(record.seq, contentHash(body));
    await writeChunks(ctx, executionPk(record.id), prefix, chunks, record.ttl);
    Object.assign(item, { bodyRef: prefix, bodyChunks: chunks.length });
  } else {
    item.body = body;
  }
  const result = await ctx.doc.send(
    new PutCommand({
      TableName: ctx.tableName,
      Item: item,
      ...conditionParams(condition),
      ReturnValues: 'ALL_OLD',
    }),
  );
  return { written: item, replaced: result.Attributes };
}

/**
 * After a commit: drops the chunks of the body it replaced. A reader that fetched the old
 * item just before finds them gone and reads again (see getExecution).
 */
export async function deleteReplacedChunks(ctx: TableContext, put: { written: Item; replaced?: Item }) {
  const old = put.replaced;
  if (!old || typeof old.bodyRef !== 'string' || old.bodyRef === put.written.bodyRef) return;
  const pk = executionPk(String(old.id));
  await deleteItems(ctx, chunkKeys(pk, old.bodyRef, Number(old.bodyChunks)));
}

/** The record and its "performed" marker, in one strongly consistent query. */
export async function getExecution(ctx: TableContext, id: string): Promise<ExecutionRecord | undefined> {
  const pk = executionPk(id);
  for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
    const { Items: items = [] } = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :done AND :ex',
        ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
        ExpressionAttributeValues: { ':pk': pk, ':done': performedKey(id).sk, ':ex': executionKey(id).sk },
        ConsistentRead: true,
      }),
    );
    const item = items.find((candidate) => candidate.sk === executionKey(id).sk);
    if (!item) return undefined;
    const marker = items.find((candidate) => candidate.sk === performedKey(id).sk);
    const body =
      typeof item.body === 'string'
        ? item.body
        : await readChunks(ctx, pk, String(item.bodyRef), Number(item.bodyChunks));
    if (body === undefined) continue;
    const record = toExecution(item, body);
    return typeof marker?.seq === 'number' ? { ...record, performedSeq: marker.seq } : record;
  }
  throw new Error(`Execution ${id}: body chunks kept changing across ${READ_ATTEMPTS} reads`);
}

/** Keeps the highest performed seq: a late marker for an older commit changes nothing. */
export async function markPerformed(ctx: TableContext, id: string, seq: number, ttl?: number): Promise<void> {
  try {
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: { ...performedKey(id), seq, ...(ttl === undefined ? {} : { ttl }) },
        ConditionExpression: 'attribute_not_exists(#seq) OR #seq < :seq',
        ExpressionAttributeNames: { '#seq': 'seq' },
        ExpressionAttributeValues: { ':seq': seq },
      }),
    );
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
}
