/**
 * Splits an intrinsic call into tokens: names (`States.Format`, `true`), single-quoted
 * strings, JSON numbers, paths (`$…`, `$$…`), parentheses and commas. A path is scanned to
 * its proper end, so brackets, quotes and commas inside `[…]` belong to the path.
 */
import { IntrinsicSyntaxError } from './syntax-error.js';

export type Token =
  | { readonly kind: 'name'; readonly text: string; readonly pos: number }
  /** `raw` is the text between the quotes, escapes kept (States.Format reads braces from it). */
  | { readonly kind: 'string'; readonly value: string; readonly raw: string; readonly pos: number }
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly pos: number }
  | { readonly kind: 'path'; readonly text: string; readonly pos: number }
  | { readonly kind: '(' | ')' | ','; readonly pos: number }
  | { readonly kind: 'end'; readonly pos: number };

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_.]*/y;
const ESCAPABLE = new Set(["'", '{', '}', '\\']);

export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function isNameStart(ch: string): boolean {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch === '_';
}

/** Throws IntrinsicSyntaxError with the position of the first character that does not fit. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (isSpace(ch)) i++;
    else if (ch === '(' || ch === ')' || ch === ',') tokens.push({ kind: ch, pos: i++ });
    else if (ch === "'") i = pushString(text, i, tokens);
    else if (ch === '$') i = pushPath(text, i, tokens);
    else if (ch === '-' || (ch >= '0' && ch <= '9')) i = pushNumber(text, i, tokens);
    else if (isNameStart(ch)) i = pushName(text, i, tokens);
    else throw new IntrinsicSyntaxError(`unexpected character "${ch}"`, i);
  }
  tokens.push({ kind: 'end', pos: text.length });
  return tokens;
}

function pushString(text: string, start: number, tokens: Token[]): number {
  let value = '';
  let i = start + 1;
  while (i < text.length && text[i] !== "'") {
    if (text[i] === '\\') {
      const next = text[i + 1];
      if (next === undefined) throw new IntrinsicSyntaxError('dangling escape character "\\"', i);
      if (!ESCAPABLE.has(next)) {
        throw new IntrinsicSyntaxError(`invalid escape "\\${next}" (only \\' \\{ \\} \\\\ are allowed)`, i);
      }
      value += next;
      i += 2;
    } else value += text[i++];
  }
  if (i >= text.length) throw new IntrinsicSyntaxError('unterminated string literal', start);
  tokens.push({ kind: 'string', value, raw: text.slice(start + 1, i), pos: start });
  return i + 1;
}

function pushNumber(text: string, start: number, tokens: Token[]): number {
  NUMBER.lastIndex = start;
  const match = NUMBER.exec(text);
  const end = match ? start + match[0].length : start;
  const after = text[end];
  if (!match || (after !== undefined && after !== ',' && after !== ')' && !isSpace(after))) {
    throw new IntrinsicSyntaxError('invalid number', start);
  }
  tokens.push({ kind: 'number', value: Number(match[0]), text: match[0], pos: start });
  return end;
}

function pushName(text: string, start: number, tokens: Token[]): number {
  NAME.lastIndex = start;
  const name = (NAME.exec(text) as RegExpExecArray)[0];
  tokens.push({ kind: 'name', text: name, pos: start });
  return start + name.length;
}

/** A path ends at a comma, ")" or whitespace outside brackets, parentheses and quotes. */
function pushPath(text: string, start: number, tokens: Token[]): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const ch = text[i];
    if (depth > 0 && (ch === "'" || ch === '"')) {
      i = skipQuoted(text, i);
      continue;
    }
    if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (ch === ',' || isSpace(ch))) break;
    i++;
  }
  if (depth > 0) throw new IntrinsicSyntaxError('unterminated path: missing "]" or ")"', start);
  tokens.push({ kind: 'path', text: text.slice(start, i), pos: start });
  return i;
}

function skipQuoted(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i + 1;
  }
  throw new IntrinsicSyntaxError(`unterminated quoted name in path (missing ${quote})`, start);
}
