/**
 * Parses a Reference Path into its segments: `$` or `$$`, then `.name`, `['name']`,
 * `["name"]` or `[index]`. Anything that selects more than one node (`..`, `*`, filters,
 * unions, slices) is rejected, as the States Language requires.
 */
export type Segment = string | number;

export interface ParsedReferencePath {
  root: '$' | '$$';
  /** Set for `$name…`: the path reads the workflow variable `name` instead of the input. */
  variable?: string;
  segments: Segment[];
}

/** `$name` at the start of a path: a workflow variable (the name rules are in variable-name.ts). */
export const VARIABLE_ROOT = /^\$([\p{L}_][\p{L}\p{N}_]*)/u;

const NAME_STOP = new Set([
  '.',
  '[',
  ']',
  '*',
  '@',
  ',',
  ':',
  '?',
  '(',
  ')',
  "'",
  '"',
  ' ',
  '\t',
  '\n',
  '\r',
]);

export function parseReferencePath(text: string): ParsedReferencePath | { error: string } {
  if (typeof text !== 'string' || !text.startsWith('$')) return { error: 'must start with "$"' };
  const root = text.startsWith('$$') ? '$$' : '$';
  const variable = root === '$' ? VARIABLE_ROOT.exec(text)?.[1] : undefined;
  const segments: Segment[] = [];
  let i = variable === undefined ? root.length : variable.length + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '.') {
      if (text[i + 1] === '.') return { error: 'descendant operator ".." selects many nodes' };
      let j = i + 1;
      while (j < text.length && !NAME_STOP.has(text[j])) j++;
      if (j === i + 1) return { error: `expected a field name at position ${i + 1}` };
      segments.push(text.slice(i + 1, j));
      i = j;
    } else if (ch === '[') {
      const quote = text[i + 1];
      if (quote === "'" || quote === '"') {
        const end = text.indexOf(quote, i + 2);
        if (end < 0 || text[end + 1] !== ']') return { error: `unterminated bracket at position ${i}` };
        segments.push(text.slice(i + 2, end));
        i = end + 2;
      } else {
        const end = text.indexOf(']', i);
        const body = end < 0 ? '' : text.slice(i + 1, end);
        if (!/^\d+$/.test(body)) return { error: `"[${body}" is not a field name or array index` };
        segments.push(Number(body));
        i = end + 1;
      }
    } else {
      return { error: `unexpected "${ch}" at position ${i}` };
    }
  }
  return variable === undefined ? { root, segments } : { root, variable, segments };
}
