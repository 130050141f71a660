/**
 * States.Base64Encode, States.Base64Decode and States.Hash. Strings are taken as UTF-8, and
 * each input is limited to 10,000 characters, as the AWS documentation states.
 */
import { createHash } from 'node:crypto';
import type { IntrinsicFunction } from '../function-types.js';
import { type CallSite, invalidArguments } from '../intrinsic-failure.js';

export const MAX_INPUT_CHARACTERS = 10_000;

/** Algorithm names as AWS spells them (case-sensitive) → node:crypto names. */
const HASH_ALGORITHMS: ReadonlyMap<string, string> = new Map([
  ['MD5', 'md5'],
  ['SHA-1', 'sha1'],
  ['SHA-256', 'sha256'],
  ['SHA-384', 'sha384'],
  ['SHA-512', 'sha512'],
]);

function limited(text: string, site: CallSite): string {
  if (text.length > MAX_INPUT_CHARACTERS) {
    throw invalidArguments(
      site,
      `the input has ${text.length} characters, but at most ${MAX_INPUT_CHARACTERS} are allowed`,
    );
  }
  return text;
}

export const statesBase64Encode: IntrinsicFunction = {
  name: 'States.Base64Encode',
  minArgs: 1,
  maxArgs: 1,
  argTypes: [['string']],
  run: ([text], _scope, site) => Buffer.from(limited(text as string, site), 'utf8').toString('base64'),
};

/** Like AWS, the decoder is lenient: characters outside the Base64 alphabet are skipped. */
export const statesBase64Decode: IntrinsicFunction = {
  name: 'States.Base64Decode',
  minArgs: 1,
  maxArgs: 1,
  argTypes: [['string']],
  run: ([text], _scope, site) => Buffer.from(limited(text as string, site), 'base64').toString('utf8'),
};

export const statesHash: IntrinsicFunction = {
  name: 'States.Hash',
  minArgs: 2,
  maxArgs: 2,
  argTypes: [['string'], ['string']],
  run: ([text, algorithm], _scope, site) => {
    const input = limited(text as string, site);
    const nodeName = HASH_ALGORITHMS.get(algorithm as string);
    if (nodeName === undefined) {
      const known = [...HASH_ALGORITHMS.keys()].join(', ');
      throw invalidArguments(site, `the hash algorithm '${algorithm}' is not one of ${known}`);
    }
    return createHash(nodeName).update(input, 'utf8').digest('hex');
  },
};
