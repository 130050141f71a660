/**
 * The template of States.Format: `{}` is a placeholder; `\{`, `\}`, `\'` and `\\` stand for
 * the character itself (a literal template is read with its escapes kept, so an escaped
 * brace never becomes a placeholder). A brace that is not part of `{}` is an error.
 */
export interface FormatTemplate {
  /** Literal text around the placeholders: `placeholders + 1` pieces. */
  readonly pieces: readonly string[];
  readonly placeholders: number;
}

const ESCAPED = new Set(["'", '{', '}', '\\']);

export function parseFormatTemplate(source: string): FormatTemplate | { readonly error: string } {
  const pieces: string[] = [];
  let piece = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\' && ESCAPED.has(source[i + 1])) piece += source[++i];
    else if (ch === '{') {
      if (source[i + 1] !== '}') return { error: `matching '}' not found for '{' at position ${i}` };
      pieces.push(piece);
      piece = '';
      i++;
    } else if (ch === '}') return { error: `'}' without a matching '{' at position ${i}` };
    else piece += ch;
  }
  pieces.push(piece);
  return { pieces, placeholders: pieces.length - 1 };
}
