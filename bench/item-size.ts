/**
 * DynamoDB's size of an item, from the document client's native values (what the store hands
 * the SDK before marshalling), by the rules DynamoDB bills with: attribute names count,
 * strings and binaries by their bytes, numbers by their significant digits, containers with
 * 3 bytes plus 1 per element. Capacity units round it up to 1 KB (writes) or 4 KB (reads).
 */

export type NativeItem = Record<string, unknown>;

export function itemSize(item: NativeItem): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue; // removeUndefinedValues: never sent
    size += Buffer.byteLength(name, 'utf8') + valueSize(value);
  }
  return size;
}

function valueSize(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number' || typeof value === 'bigint') return numberSize(String(value));
  if (typeof value === 'boolean' || value === null) return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, element) => sum + valueSize(element), 0);
  if (Array.isArray(value))
    return 3 + value.reduce((sum: number, element) => sum + 1 + valueSize(element), 0);
  if (typeof value === 'object') {
    const entries = Object.entries(value as NativeItem).filter(([, v]) => v !== undefined);
    return 3 + entries.length + itemSize(Object.fromEntries(entries));
  }
  return 0;
}

/** About one byte per two significant digits, plus one. */
function numberSize(text: string): number {
  const digits = text
    .replace(/e.*$/i, '')
    .replace(/[^0-9]/g, '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

export const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

/** Strongly consistent reads: one unit per 4 KB; eventually consistent ones cost half. */
export const readUnits = (bytes: number, consistent: boolean) =>
  Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);
