/**
 * StringMatches: `*` matches any run of characters (none included); `\*` is a literal star
 * and `\\` a literal backslash (written `\\*` and `\\\\` in JSON source). No other character
 * is special. A backslash before any other character, or at the very end, stands for that
 * character / itself. Matching splits the pattern at its unescaped stars and places each
 * literal piece greedily left to right, which is exact for star-only patterns and takes
 * O(pattern × value) time at worst: no backtracking, no RegExp built from user text.
 */

/** The literal pieces between unescaped stars: `a*b*c` → ['a', 'b', 'c']; `*` → ['', '']. */
export function splitPattern(pattern: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) {
      current += pattern[++i];
    } else if (ch === '*') {
      pieces.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  pieces.push(current);
  return pieces;
}

/** Does `value` match the StringMatches `pattern` as a whole? */
export function stringMatches(value: string, pattern: string): boolean {
  return piecesMatch(value, splitPattern(pattern));
}

export function piecesMatch(value: string, pieces: readonly string[]): boolean {
  const first = pieces[0];
  if (pieces.length === 1) return value === first;
  const last = pieces[pieces.length - 1];
  // The first piece anchors at the start, the last at the end, and they must not overlap.
  if (value.length < first.length + last.length) return false;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  const end = value.length - last.length;
  let position = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const found = value.indexOf(pieces[i], position);
    if (found < 0 || found + pieces[i].length > end) return false;
    position = found + pieces[i].length;
  }
  return true;
}
