/**
 * Expected values: the AWS documentation examples, RFC 4648 Base64 test vectors, and the
 * FIPS 180 / RFC 1321 "abc" digests; the 10,000-character limit is the documented one.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, failure } from './evaluate.js';

function expectInvalid(text: string, input: object, name: string): void {
  const error = failure(text, input as never);
  expect(error.error).toBe('States.IntrinsicFailure');
  expect(error.cause).toContain(`Invalid arguments in ${name}`);
}

describe('States.Base64Encode', () => {
  it('encodes the AWS example', () => {
    expect(evaluate('States.Base64Encode($.input)', { input: 'Data to encode' })).toBe(
      'RGF0YSB0byBlbmNvZGU=',
    );
  });

  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foobar', 'Zm9vYmFy'],
    ['✓', '4pyT'],
    ['こんにちは', '44GT44KT44Gr44Gh44Gv'],
  ])('encodes %j as UTF-8', (text, encoded) => {
    expect(evaluate('States.Base64Encode($.s)', { s: text })).toBe(encoded);
  });

  it('accepts 10,000 characters and rejects 10,001', () => {
    expect(evaluate('States.Base64Encode($.s)', { s: 'a'.repeat(10_000) })).toHaveLength(13_336);
    expectInvalid('States.Base64Encode($.s)', { s: 'a'.repeat(10_001) }, 'States.Base64Encode');
  });

  it('rejects a number', () => {
    expectInvalid('States.Base64Encode(123)', {}, 'States.Base64Encode');
  });
});

describe('States.Base64Decode', () => {
  it('decodes the AWS example', () => {
    expect(evaluate('States.Base64Decode($.base64)', { base64: 'RGF0YSB0byBlbmNvZGU=' })).toBe(
      'Data to encode',
    );
  });

  it.each([
    ['aGVsbG8=', 'hello'],
    ['', ''],
    ['IA==', ' '],
    ['4pyT', '✓'],
    ['44GT44KT44Gr44Gh44Gv', 'こんにちは'],
    ['YWJjAGRlZg==', 'abc\u0000def'],
  ])('decodes %s as UTF-8', (encoded, text) => {
    expect(evaluate('States.Base64Decode($.s)', { s: encoded })).toBe(text);
  });

  it('rejects more than 10,000 characters', () => {
    expectInvalid('States.Base64Decode($.s)', { s: 'A'.repeat(10_001) }, 'States.Base64Decode');
  });

  it('rejects an object', () => {
    expectInvalid('States.Base64Decode($.obj)', { obj: {} }, 'States.Base64Decode');
  });
});

describe('States.Hash', () => {
  it.each([
    ['MD5', '900150983cd24fb0d6963f7d28e17f72'],
    ['SHA-1', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['SHA-256', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'SHA-384',
      'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7',
    ],
    [
      'SHA-512',
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    ],
  ])('hashes "abc" with %s as lowercase hex', (algorithm, digest) => {
    expect(evaluate(`States.Hash('abc', '${algorithm}')`)).toBe(digest);
  });

  it('hashes UTF-8 bytes and reads both arguments from paths', () => {
    expect(evaluate("States.Hash($.s, 'SHA-256')", { s: '✓' })).toBe(
      '1dabba21cdad44541f6b15796f8d22978fc7ea10c46aeceeeeb66c23b3ac7604',
    );
    expect(evaluate('States.Hash($.Data, $.Algorithm)', { Data: 'hello', Algorithm: 'MD5' })).toBe(
      '5d41402abc4b2a76b9719d911017c592',
    );
  });

  it.each(['UNSUPPORTED', 'sha-256', 'SHA256', '', 'MD-5', 'SHA-257'])(
    'rejects the algorithm %j',
    (algorithm) => {
      expectInvalid(`States.Hash('data', '${algorithm}')`, {}, 'States.Hash');
    },
  );

  it('accepts 10,000 characters and rejects 10,001', () => {
    expect(evaluate("States.Hash($.s, 'SHA-256')", { s: 'a'.repeat(10_000) })).toMatch(/^[0-9a-f]{64}$/);
    expectInvalid("States.Hash($.s, 'SHA-256')", { s: 'a'.repeat(10_001) }, 'States.Hash');
  });

  it('rejects a numeric algorithm', () => {
    expectInvalid("States.Hash('hello', 123)", {}, 'States.Hash');
  });
});
