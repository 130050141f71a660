/**
 * Turns a JSON.parse failure into a message with a line and column. Node 20's parser gives
 * an offset for most errors but not for "Unexpected token": those are located by searching
 * for the longest prefix of the text that could still begin a JSON text.
 */

export function describeJsonSyntaxError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const { line, column } = lineAndColumn(text, errorOffset(text, message));
  // Drop V8's offset and its quotation of the text: the line and column replace them.
  const reason = message.replace(/, .*is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
  return `${reason} at line ${line}, column ${column}`;
}

function errorOffset(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (message.startsWith('Unexpected end of JSON input')) return text.length;
  return longestViablePrefix(text);
}

/**
 * Every prefix of a viable prefix is viable, so a binary search finds the longest one; the
 * error is at the character after it. Invariant: prefix(low) is viable, prefix(high) is not.
 */
function longestViablePrefix(text: string): number {
  let low = 0;
  let high = text.length;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (isViable(text.slice(0, middle))) low = middle;
    else high = middle;
  }
  return low;
}

/** Parses, or fails only for want of more text. */
function isViable(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (message.startsWith('Unexpected end of JSON input')) return true;
    const position = /at position (\d+)/.exec(message);
    return position !== null && Number(position[1]) >= prefix.length;
  }
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}
