/**
 * Recursive-descent parser for intrinsic calls:
 *
 *   call     := NAME "(" [ argument ( "," argument )* ] ")"
 *   argument := STRING | NUMBER | "true" | "false" | "null" | PATH | call
 *
 * Nothing may follow the outermost ")" but whitespace, and calls nest at most
 * MAX_NESTING deep (the outermost call is depth 1).
 */
import type { IntrinsicArgument, IntrinsicCall } from './ast.js';
import { IntrinsicSyntaxError } from './syntax-error.js';
import { type Token, tokenize } from './tokenizer.js';

export const MAX_NESTING = 10;

const KEYWORDS: ReadonlyMap<string, boolean | null> = new Map([
  ['true', true],
  ['false', false],
  ['null', null],
]);

/** Throws IntrinsicSyntaxError naming the position and what was expected there. */
export function parseIntrinsic(text: string): IntrinsicCall {
  const parser = new Parser(tokenize(text));
  const call = parser.call(1);
  parser.expect('end', 'the end of the expression');
  return call;
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the expression';
    case 'name':
    case 'path':
    case 'number':
      return `"${token.text}"`;
    case 'string':
      return `'${token.raw}'`;
    default:
      return `"${token.kind}"`;
  }
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.index];
  }

  expect(kind: Token['kind'], what: string): Token {
    const token = this.peek();
    if (token.kind !== kind)
      throw new IntrinsicSyntaxError(`expected ${what}, found ${describe(token)}`, token.pos);
    this.index++;
    return token;
  }

  call(depth: number): IntrinsicCall {
    const name = this.expect('name', 'an intrinsic function name') as Token & { kind: 'name' };
    if (depth > MAX_NESTING) {
      throw new IntrinsicSyntaxError(`intrinsic functions nest at most ${MAX_NESTING} deep`, name.pos);
    }
    this.expect('(', `"(" after ${name.text}`);
    const args: IntrinsicArgument[] = [];
    if (this.peek().kind !== ')') {
      args.push(this.argument(depth));
      while (this.peek().kind === ',') {
        this.index++;
        args.push(this.argument(depth));
      }
    }
    this.expect(')', `"," or ")" in the arguments of ${name.text}`);
    return { kind: 'call', name: name.text, args, pos: name.pos };
  }

  private argument(depth: number): IntrinsicArgument {
    const token = this.peek();
    switch (token.kind) {
      case 'string':
        this.index++;
        return { kind: 'literal', value: token.value, raw: token.raw, pos: token.pos };
      case 'number':
        this.index++;
        return { kind: 'literal', value: token.value, pos: token.pos };
      case 'path':
        this.index++;
        return { kind: 'path', text: token.text, pos: token.pos };
      case 'name':
        return this.nameArgument(token, depth);
      default:
        throw new IntrinsicSyntaxError(`expected an argument, found ${describe(token)}`, token.pos);
    }
  }

  private nameArgument(token: Token & { kind: 'name' }, depth: number): IntrinsicArgument {
    const keyword = KEYWORDS.get(token.text);
    if (keyword !== undefined) {
      this.index++;
      return { kind: 'literal', value: keyword, pos: token.pos };
    }
    if (this.tokens[this.index + 1]?.kind === '(') return this.call(depth + 1);
    throw new IntrinsicSyntaxError(
      `expected an argument, found ${describe(token)} (strings are written in single quotes)`,
      token.pos,
    );
  }
}
