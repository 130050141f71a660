/**
 * Counts what the DynamoDB store asks of the table: a middleware on the client's stack (the
 * document client shares it) sees each command's native input and unmarshalled output, and
 * tallies reads, items written and the capacity units DynamoDB on-demand would bill for them.
 *
 * Billing rules applied: a put costs 1 WRU per KB of the larger of the new and the replaced
 * item (returned when the store asks for ALL_OLD, as every execution commit does, else
 * remembered from an earlier write); a delete costs the deleted item's size; a refused
 * conditional write costs the stored item's size (at least 1). gsi1 costs a write when an
 * item enters the index or a projected attribute changes. Reads are rounded up to 4 KB per
 * item (GetItem) or per page (Query), strongly consistent unless on the index.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GSI1_PROJECTED } from '../src/adapters/aws/dynamodb/table-schema.js';
import { itemSize, type NativeItem, readUnits, writeUnits } from './item-size.js';

export interface DynamoCounts {
  getItem: number;
  query: number;
  putItem: number;
  updateItem: number;
  deleteItem: number;
  batchWriteItem: number;
  /** Items put or deleted through BatchWriteItem (what is billed), not calls. */
  batchItems: number;
  /** Conditional writes refused (seq conflicts, `create if absent` that found the item). */
  conditionFailed: number;
  /** Write units of the table and of gsi1, read units (strongly consistent = 1 per 4 KB). */
  wru: number;
  gsiWru: number;
  rru: number;
  /** Bytes of items written, and the largest single item. */
  bytesWritten: number;
  largestItem: number;
}

export const emptyCounts = (): DynamoCounts => ({
  getItem: 0,
  query: 0,
  putItem: 0,
  updateItem: 0,
  deleteItem: 0,
  batchWriteItem: 0,
  batchItems: 0,
  conditionFailed: 0,
  wru: 0,
  gsiWru: 0,
  rru: 0,
  bytesWritten: 0,
  largestItem: 0,
});

/** Reads (GetItem + Query calls) and items written (puts, updates, deletes, batch items). */
export const readsOf = (c: DynamoCounts) => c.getItem + c.query;
export const writesOf = (c: DynamoCounts) => c.putItem + c.updateItem + c.deleteItem + c.batchItems;

type Input = Record<string, unknown>;
type Output = Record<string, unknown>;

const INDEX_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', ...GSI1_PROJECTED];

export class DynamoDBMeter {
  counts = emptyCounts();
  /** Size of every item written, by key: a delete or a blind put is billed by the stored size. */
  private readonly stored = new Map<string, number>();

  /** Starts counting every item command `client` (and document clients made from it) sends. */
  attach(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as Input;
        try {
          const result = await next(args);
          this.record(context.commandName ?? '', input, result.output as unknown as Output);
          return result;
        } catch (error) {
          if (error instanceof Error && error.name === 'ConditionalCheckFailedException') {
            this.refused(context.commandName ?? '', input);
          }
          throw error;
        }
      },
      { step: 'initialize', name: 'quickstepBenchMeter', override: true },
    );
  }

  reset(): DynamoCounts {
    const counts = this.counts;
    this.counts = emptyCounts();
    return counts;
  }

  private record(command: string, input: Input, output: Output): void {
    const c = this.counts;
    switch (command) {
      case 'GetItemCommand': {
        c.getItem++;
        const item = output.Item as NativeItem | undefined;
        c.rru += readUnits(item ? itemSize(item) : 0, input.ConsistentRead === true);
        return;
      }
      case 'QueryCommand': {
        c.query++;
        const items = (output.Items as NativeItem[] | undefined) ?? [];
        const bytes = items.reduce((sum, item) => sum + itemSize(item), 0);
        c.rru += readUnits(bytes, input.ConsistentRead === true && input.IndexName === undefined);
        return;
      }
      case 'PutItemCommand':
        c.putItem++;
        this.put(input.Item as NativeItem, output.Attributes as NativeItem | undefined);
        return;
      case 'UpdateItemCommand':
        c.updateItem++;
        c.wru += 1;
        return;
      case 'DeleteItemCommand':
        c.deleteItem++;
        this.delete(input.Key as NativeItem);
        return;
      case 'BatchWriteItemCommand':
        c.batchWriteItem++;
        this.batch(input.RequestItems as Record<string, Input[]>);
        return;
    }
  }

  /** A refused conditional write: billed all the same, and it touches no index. */
  private refused(command: string, input: Input): void {
    const c = this.counts;
    c.conditionFailed++;
    if (command === 'PutItemCommand') c.putItem++;
    else if (command === 'UpdateItemCommand') c.updateItem++;
    else if (command === 'DeleteItemCommand') c.deleteItem++;
    const item = (input.Item ?? input.Key) as NativeItem | undefined;
    const stored = item && this.stored.get(keyOf(item));
    c.wru += writeUnits(stored ?? (input.Item ? itemSize(input.Item as NativeItem) : 0));
  }

  private put(item: NativeItem, replaced: NativeItem | undefined): void {
    const size = itemSize(item);
    const key = keyOf(item);
    const replacedSize = replaced ? itemSize(replaced) : (this.stored.get(key) ?? 0);
    this.stored.set(key, size);
    this.counts.bytesWritten += size;
    this.counts.largestItem = Math.max(this.counts.largestItem, size);
    this.counts.wru += writeUnits(Math.max(size, replacedSize));
    if (item.gsi1pk !== undefined && (!replaced || indexEntryChanged(item, replaced))) {
      this.counts.gsiWru += writeUnits(itemSize(indexEntry(item)));
    }
  }

  private batch(requestItems: Record<string, Input[]>): void {
    for (const requests of Object.values(requestItems)) {
      for (const request of requests) {
        this.counts.batchItems++;
        const put = request.PutRequest as { Item: NativeItem } | undefined;
        const remove = request.DeleteRequest as { Key: NativeItem } | undefined;
        if (put) this.put(put.Item, undefined);
        else if (remove) this.delete(remove.Key);
      }
    }
  }

  private delete(key: NativeItem): void {
    const stored = keyOf(key);
    this.counts.wru += writeUnits(this.stored.get(stored) ?? 0);
    this.stored.delete(stored);
  }
}

const keyOf = (item: NativeItem) => `${String(item.pk)}\u0000${String(item.sk)}`;

function indexEntry(item: NativeItem): NativeItem {
  return Object.fromEntries(INDEX_ATTRIBUTES.map((name) => [name, item[name]]));
}

function indexEntryChanged(item: NativeItem, replaced: NativeItem): boolean {
  return INDEX_ATTRIBUTES.some((name) => item[name] !== replaced[name]);
}
