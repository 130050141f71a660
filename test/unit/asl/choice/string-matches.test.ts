/**
 * StringMatches: `*` matches any run of characters; `\*` and `\\` (written `\\*` and `\\\\`
 * in JSON) are a literal star and a literal backslash ("Choice workflow state" page and the
 * States Language specification, whose examples these are).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringMatches } from '../../../../src/asl/choice/string-matches.js';
import { holds } from './helpers.js';

describe('StringMatches', () => {
  it('the specification examples', () => {
    expect(stringMatches('foo23.log', 'foo*.log')).toBe(true);
    expect(stringMatches('zebra.log', '*.log')).toBe(true);
    expect(stringMatches('foobar.zebra', 'foo*.*')).toBe(true);
    expect(stringMatches('foo23.txt', 'foo*.log')).toBe(false);
  });

  it('matches the whole value; * may match nothing', () => {
    expect(stringMatches('log-.txt', 'log-*.txt')).toBe(true);
    expect(stringMatches('xlog-1.txt', 'log-*.txt')).toBe(false);
    expect(stringMatches('log-1.txt.bak', 'log-*.txt')).toBe(false);
    expect(stringMatches('', '*')).toBe(true);
    expect(stringMatches('', '')).toBe(true);
    expect(stringMatches('a', '')).toBe(false);
    expect(stringMatches('abc', '**')).toBe(true);
  });

  it('prefix and suffix do not overlap', () => {
    expect(stringMatches('aba', 'ab*ba')).toBe(false);
    expect(stringMatches('abba', 'ab*ba')).toBe(true);
  });

  it('escapes: \\* is a literal star, \\\\ a literal backslash', () => {
    // JSON "a\\*b" is the pattern a\*b.
    expect(stringMatches('a*b', JSON.parse('"a\\\\*b"'))).toBe(true);
    expect(stringMatches('axb', JSON.parse('"a\\\\*b"'))).toBe(false);
    // JSON "a\\\\b" is the pattern a\\b, which matches a\b.
    expect(stringMatches('a\\b', JSON.parse('"a\\\\\\\\b"'))).toBe(true);
    // JSON "\\\\*" is \\* : a literal backslash, then a wildcard.
    expect(stringMatches('\\anything', JSON.parse('"\\\\\\\\*"'))).toBe(true);
    expect(stringMatches('anything', JSON.parse('"\\\\\\\\*"'))).toBe(false);
  });

  it('other characters, regular-expression ones included, are literal', () => {
    expect(stringMatches('a.c', 'a.c')).toBe(true);
    expect(stringMatches('abc', 'a.c')).toBe(false);
    expect(stringMatches('(x)+?', '(x)+?')).toBe(true);
    expect(stringMatches('[a]', '[*]')).toBe(true);
  });

  it('through a Choice rule: strings only, anything else is false', () => {
    expect(holds({ Variable: '$.f', StringMatches: '*.log' }, { f: 'app.log' })).toBe(true);
    expect(holds({ Variable: '$.f', StringMatches: '*' }, { f: 1 })).toBe(false);
  });

  it('a pattern that makes a backtracking regex explode is answered at once', () => {
    // /^(a*)*b$/-style blow-up: many stars and a value of a's with no final b.
    const pattern = `${'a*'.repeat(30)}b`;
    const value = 'a'.repeat(20_000);
    expect(stringMatches(value, pattern)).toBe(false);
    expect(stringMatches(`${value}b`, pattern)).toBe(true);
  });
});

/** Reference: dynamic programming over tokens (a literal character, or a star). */
function referenceMatch(value: string, pattern: string): boolean {
  const tokens: { star: boolean; ch: string }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\' && i + 1 < pattern.length) tokens.push({ star: false, ch: pattern[++i] });
    else tokens.push({ star: pattern[i] === '*', ch: pattern[i] });
  }
  // can[j]: tokens[0..t) match value[0..j)
  let can = Array.from({ length: value.length + 1 }, (_, j) => j === 0);
  for (const token of tokens) {
    const next = new Array<boolean>(value.length + 1).fill(false);
    for (let j = 0; j <= value.length; j++) {
      if (token.star) next[j] = can[j] || (j > 0 && next[j - 1]);
      else next[j] = j > 0 && can[j - 1] && value[j - 1] === token.ch;
    }
    can = next;
  }
  return can[value.length];
}

describe('StringMatches agrees with a reference matcher', () => {
  const alphabet = fc.constantFrom('a', 'b', '*', '\\');
  const text = (max: number) => fc.array(alphabet, { maxLength: max }).map((chars) => chars.join(''));

  it('on random patterns and values', () => {
    fc.assert(
      fc.property(text(10), text(12), (pattern, value) => {
        expect(stringMatches(value, pattern)).toBe(referenceMatch(value, pattern));
      }),
      { numRuns: 3000 },
    );
  });

  it('on values built to match a random pattern', () => {
    fc.assert(
      fc.property(text(8), fc.array(text(3), { minLength: 8, maxLength: 8 }), (pattern, fillers) => {
        // Replace each unescaped star with a filler: the result must match.
        let value = '';
        let star = 0;
        for (let i = 0; i < pattern.length; i++) {
          if (pattern[i] === '\\' && i + 1 < pattern.length) value += pattern[++i];
          else if (pattern[i] === '*') value += fillers[star++ % fillers.length];
          else value += pattern[i];
        }
        expect(stringMatches(value, pattern)).toBe(true);
        expect(referenceMatch(value, pattern)).toBe(true);
      }),
    );
  });
});
