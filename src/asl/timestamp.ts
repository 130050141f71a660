/** STUB (owner: choice helper). Parses an RFC 3339 timestamp to epoch milliseconds; undefined if not one. */
export function parseTimestamp(text: string): number | undefined {
  throw new Error(`not implemented: parseTimestamp(${text})`);
}
