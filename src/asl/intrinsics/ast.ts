/** The parsed form of an intrinsic call; positions are 0-based offsets into the expression. */
import type { Json } from '../json.js';

export interface IntrinsicCall {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly IntrinsicArgument[];
  readonly pos: number;
}

export interface LiteralArgument {
  readonly kind: 'literal';
  readonly value: Json;
  /** For a string literal, the text between the quotes with its escapes kept. */
  readonly raw?: string;
  readonly pos: number;
}

export interface PathArgument {
  readonly kind: 'path';
  readonly text: string;
  readonly pos: number;
}

export type IntrinsicArgument = LiteralArgument | PathArgument | IntrinsicCall;
