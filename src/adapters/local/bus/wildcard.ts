import { InvalidEventPatternError, type Wildcard } from './pattern-types.js';

/**
 * EventBridge's wildcard: `*` matches any run of characters, `\*` a star, `\\` a backslash.
 * Matched by plain string search, never compiled to a regular expression from user text.
 */
export function parseWildcard(text: string, pointer: string): Wildcard {
  const parts: string[] = [];
  let part = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') {
      const next = text[i + 1];
      if (next !== '*' && next !== '\\') {
        throw new InvalidEventPatternError(pointer, 'in a wildcard, a backslash may only escape * or \\');
      }
      part += next;
      i++;
    } else if (char === '*') {
      if (text[i + 1] === '*') throw new InvalidEventPatternError(pointer, 'consecutive wildcard characters');
      parts.push(part);
      part = '';
    } else {
      part += char;
    }
  }
  parts.push(part);
  return { parts };
}

/** Leftmost matching of each middle part is enough when the only operator is `*`. */
export function matchesWildcard(wildcard: Wildcard, value: string): boolean {
  const { parts } = wildcard;
  const first = parts[0];
  if (parts.length === 1) return value === first;
  const last = parts[parts.length - 1];
  if (value.length < first.length + last.length) return false;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  let from = first.length;
  const end = value.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const at = value.indexOf(parts[i], from);
    if (at < 0 || at + parts[i].length > end) return false;
    from = at + parts[i].length;
  }
  return true;
}
