/**
 * Opaque page tokens (base64url JSON of the key to resume after) and the loop that fills a
 * page from DynamoDB queries whose Limit counts items read, not items returned.
 */
import { invalidToken } from '../../../runtime/errors.js';
import type { Item } from './item-codec.js';

export type KeyMap = Record<string, string>;

export function encodeToken(key: KeyMap): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * Decodes a token and checks that it names exactly `attributes`, all strings, with the
 * `fixed` values of this query: a token from another listing is rejected, not obeyed.
 */
export function decodeToken(token: string, attributes: readonly string[], fixed: KeyMap): KeyMap {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidToken('nextToken is not a token this API returned');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalidToken('nextToken is not a token this API returned');
  }
  const key = parsed as Record<string, unknown>;
  const wellFormed =
    Object.keys(key).length === attributes.length &&
    attributes.every((a) => Object.hasOwn(key, a) && typeof key[a] === 'string') &&
    Object.entries(fixed).every(([a, v]) => key[a] === v);
  if (!wellFormed) throw invalidToken('nextToken does not belong to this listing');
  return key as KeyMap;
}

export interface QueryResult {
  items: Item[];
  lastEvaluatedKey?: Item;
}

export interface PageRequest {
  limit: number;
  startKey?: KeyMap;
  /** Key attributes of an item of this query (table keys, plus index keys on an index). */
  keyAttributes: readonly string[];
  /** How many items to read for `remaining` wanted ones (more when a filter drops some). */
  readLimit: (remaining: number) => number;
  query: (startKey: KeyMap | undefined, limit: number) => Promise<QueryResult>;
}

/**
 * Reads until `limit` items are collected or the keys run out. A page cut short inside a
 * query result resumes after the last item returned, so nothing is skipped or repeated.
 */
export async function collectPage(request: PageRequest): Promise<{ items: Item[]; nextKey?: KeyMap }> {
  const items: Item[] = [];
  let startKey = request.startKey;
  for (;;) {
    const remaining = request.limit - items.length;
    const result = await request.query(startKey, request.readLimit(remaining));
    if (result.items.length > remaining) {
      items.push(...result.items.slice(0, remaining));
      return { items, nextKey: keyOf(items[items.length - 1], request.keyAttributes) };
    }
    items.push(...result.items);
    if (!result.lastEvaluatedKey) return { items };
    startKey = keyOf(result.lastEvaluatedKey, request.keyAttributes);
    if (items.length === request.limit) return { items, nextKey: startKey };
  }
}

function keyOf(item: Item, attributes: readonly string[]): KeyMap {
  return Object.fromEntries(attributes.map((a) => [a, String(item[a])]));
}

/** Step Functions' maxResults: 1 to 1000, 100 by default (0 means the default too). */
export function pageLimit(limit: number | undefined): number {
  if (limit === undefined || limit === 0) return 100;
  return Math.min(Math.max(Math.trunc(limit), 1), 1000);
}
