/**
 * States.StringSplit: every character of the second argument is a delimiter. Like AWS, empty
 * pieces (from adjacent, leading or trailing delimiters, or an empty input) are dropped.
 */
import type { IntrinsicFunction } from '../function-types.js';

export const statesStringSplit: IntrinsicFunction = {
  name: 'States.StringSplit',
  minArgs: 2,
  maxArgs: 2,
  argTypes: [['string'], ['string']],
  run: ([text, delimiters]) => split(text as string, new Set(delimiters as string)),
};

function split(text: string, delimiters: ReadonlySet<string>): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of text) {
    if (!delimiters.has(ch)) piece += ch;
    else if (piece !== '') {
      pieces.push(piece);
      piece = '';
    }
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}
