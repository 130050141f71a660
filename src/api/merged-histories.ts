/**
 * GetExecutionHistory's view of an execution: its own events with its Map iterations' and
 * Parallel branches' merged in (mergeHistory), paged by event id. What can no longer change is
 * kept: a whole view once the execution and every child ended, so that paging through a Map of
 * 1,000 iterations reads their histories once, not once per page; and each child that ended
 * and reported, so that polling a running Map does not read its finished iterations again.
 */
import { createHash } from 'node:crypto';
import type { HistoryEvent } from '../engine/types.js';
import { loadHistoryTree } from '../runtime/durable/history-tree.js';
import { type HistoryTree, mergeHistory } from '../runtime/durable/merged-history.js';
import type { DurableRuntime } from '../runtime/durable/runtime.js';
import { invalidToken } from '../runtime/errors.js';
import type { ExecutionRecord, Page } from '../runtime/ports.js';
import { BoundedCache } from './bounded-cache.js';

/** Events kept, for whole views and for finished children each; the least recently read go first. */
const MAX_CACHED_EVENTS = 200_000;

export class MergedHistories {
  private readonly views = new BoundedCache<HistoryEvent[]>(MAX_CACHED_EVENTS, (events) => events.length);
  private readonly children = new BoundedCache<HistoryTree>(MAX_CACHED_EVENTS, eventCount);

  constructor(private readonly runtime: DurableRuntime) {}

  async page(
    record: ExecutionRecord,
    options: { reverse: boolean; limit?: number; nextToken?: string },
  ): Promise<Page<HistoryEvent>> {
    const events = await this.view(record);
    const limit = options.limit === undefined || options.limit === 0 ? 100 : options.limit;
    // Tokens hold the id of the next event: ids stay put as a running execution's view grows.
    const first = options.nextToken
      ? readToken(options.nextToken, record.id, options.reverse)
      : options.reverse
        ? events.length
        : 1;
    const items = options.reverse
      ? events.slice(Math.max(0, first - limit), first).reverse()
      : events.slice(first - 1, first - 1 + limit);
    const next = options.reverse ? first - items.length : first + items.length;
    const more = options.reverse ? next >= 1 : next <= events.length;
    return {
      items,
      ...(more && items.length > 0 ? { nextToken: token(record.id, options.reverse, next) } : {}),
    };
  }

  private async view(record: ExecutionRecord): Promise<HistoryEvent[]> {
    const cached = this.views.get(record.id);
    if (cached) return cached;
    const { tree, complete } = await loadHistoryTree(this.runtime.context, record, this.children);
    const events = mergeHistory(tree);
    if (complete) this.views.set(record.id, events);
    return events;
  }
}

function eventCount(tree: HistoryTree): number {
  return tree.events.length + tree.children.reduce((sum, child) => sum + eventCount(child.history), 0);
}

/** Which execution and direction a token belongs to, and where the next page starts. */
interface TokenBody {
  x: string;
  r: 0 | 1;
  n: number;
}

const executionTag = (id: string) => createHash('sha256').update(id).digest('base64url').slice(0, 16);

function token(id: string, reverse: boolean, next: number): string {
  const body: TokenBody = { x: executionTag(id), r: reverse ? 1 : 0, n: next };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

function readToken(text: string, id: string, reverse: boolean): number {
  let body: Partial<TokenBody>;
  try {
    body = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<TokenBody>;
  } catch {
    throw invalidToken('nextToken is not a token this API returned');
  }
  const wellFormed =
    typeof body === 'object' &&
    body !== null &&
    Object.keys(body).length === 3 &&
    typeof body.n === 'number' &&
    Number.isInteger(body.n) &&
    body.n >= 1;
  if (!wellFormed) throw invalidToken('nextToken is not a token this API returned');
  if (body.x !== executionTag(id) || body.r !== (reverse ? 1 : 0))
    throw invalidToken('nextToken belongs to another execution or order');
  return body.n as number;
}
