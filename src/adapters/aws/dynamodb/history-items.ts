/**
 * History events, one item each under `H#{eventId}` (zero-padded, so the sort key orders
 * them), an oversized one with its text in `HC#{eventId}#{n}` chunks.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { HistoryEvent } from '../../../engine/types.js';
import type { Page } from '../../../runtime/ports.js';
import { putItems } from './batch-write.js';
import { readChunks, splitIntoChunks, writeChunks } from './chunks.js';
import { allOf, partitionIs, queryParams, sortKeyBeginsWith } from './conditions.js';
import { type Item, readNumber } from './item-codec.js';
import { executionPk, HISTORY_PREFIX, historyChunkPrefix, historyKey } from './keys.js';
import { collectPage, decodeToken, encodeToken, pageLimit } from './paging.js';
import { PK, TABLE_KEYS } from './table-schema.js';
import type { TableContext } from './table-context.js';

/**
 * Idempotent: keys are deterministic, so a repeated put writes the same items again. Chunks
 * go first, so a reader never meets an event item whose chunks are not there yet.
 */
export async function putHistory(
  ctx: TableContext,
  executionId: string,
  events: HistoryEvent[],
  writer: (items: Item[]) => Promise<void> = (items) => putItems(ctx, items),
) {
  // One request may not name a key twice; the last copy of an event wins.
  const unique = [...new Map(events.map((e) => [e.id, e])).values()];
  const eventItems: Item[] = [];
  for (const event of unique) {
    const text = JSON.stringify(event);
    const chunks = splitIntoChunks(text);
    const item: Item = { ...historyKey(executionId, event.id), kind: 'history', eventId: event.id };
    if (chunks) {
      await writeChunks(ctx, executionPk(executionId), historyChunkPrefix(event.id), chunks);
      item.chunks = chunks.length;
    } else {
      item.body = text;
    }
    eventItems.push(item);
  }
  await writer(eventItems);
}

export async function getHistory(
  ctx: TableContext,
  executionId: string,
  options: { reverse?: boolean; limit?: number; nextToken?: string } = {},
): Promise<Page<HistoryEvent>> {
  const pk = executionPk(executionId);
  const page = await collectPage({
    limit: pageLimit(options.limit),
    startKey: options.nextToken ? decodeToken(options.nextToken, TABLE_KEYS, { [PK]: pk }) : undefined,
    keyAttributes: TABLE_KEYS,
    // One more than wanted: when it comes back there is a next page, else no token at all.
    readLimit: (remaining) => remaining + 1,
    query: async (startKey, limit) => {
      const result = await ctx.doc.send(
        new QueryCommand({
          TableName: ctx.tableName,
          ...queryParams(allOf(partitionIs(pk), sortKeyBeginsWith(HISTORY_PREFIX))),
          ScanIndexForward: !options.reverse,
          ConsistentRead: true,
          Limit: limit,
          ExclusiveStartKey: startKey,
        }),
      );
      return { items: result.Items ?? [], lastEvaluatedKey: result.LastEvaluatedKey };
    },
  });
  const items = await Promise.all(page.items.map((item) => toHistoryEvent(ctx, pk, item)));
  return { items, ...(page.nextKey ? { nextToken: encodeToken(page.nextKey) } : {}) };
}

async function toHistoryEvent(ctx: TableContext, pk: string, item: Item): Promise<HistoryEvent> {
  if (typeof item.body === 'string') return JSON.parse(item.body) as HistoryEvent;
  const eventId = readNumber(item, 'eventId');
  const text = await readChunks(ctx, pk, historyChunkPrefix(eventId), readNumber(item, 'chunks'));
  if (text === undefined) throw new Error(`History event ${eventId} of ${pk}: chunks missing`);
  return JSON.parse(text) as HistoryEvent;
}
