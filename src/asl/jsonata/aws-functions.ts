/**
 * The functions Step Functions adds to JSONata ($partition, $range, $hash, $random, $uuid,
 * $parse), and $now/$millis read from the engine's clock so evaluation stays deterministic.
 * `$eval` is not available, as on AWS.
 */
import { createHash } from 'node:crypto';
import type { Json } from '../json.js';

/** The largest array $range and $partition build: a guard against runaway memory. */
const MAX_ITEMS = 1_000_000;

const HASH_ALGORITHMS: Readonly<Record<string, string>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

function fail(message: string): never {
  throw new Error(message);
}

function partition(array: unknown, size: unknown): Json[][] {
  if (!Array.isArray(array)) fail('$partition: the first argument must be an array');
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) {
    fail('$partition: the size must be a positive integer');
  }
  const chunks: Json[][] = [];
  for (let i = 0; i < array.length; i += size) chunks.push(array.slice(i, i + size) as Json[]);
  return chunks;
}

function range(start: unknown, end: unknown, step: unknown): number[] {
  if (typeof start !== 'number' || typeof end !== 'number' || typeof step !== 'number') {
    fail('$range: start, end and step must be numbers');
  }
  if (step === 0) fail('$range: step must not be 0');
  if (Math.abs((end - start) / step) > MAX_ITEMS) fail(`$range: more than ${MAX_ITEMS} items`);
  const out: number[] = [];
  for (let value = start; step > 0 ? value <= end : value >= end; value += step) out.push(value);
  return out;
}

function hash(text: unknown, algorithm: unknown): string {
  if (typeof text !== 'string') fail('$hash: the first argument must be a string');
  const name = typeof algorithm === 'string' ? HASH_ALGORITHMS[algorithm] : undefined;
  if (name === undefined)
    fail(`$hash: the algorithm must be one of ${Object.keys(HASH_ALGORITHMS).join(', ')}`);
  return createHash(name).update(text).digest('hex');
}

/** A seeded generator (mulberry32) for `$random(seed)`: the same seed gives the same value. */
function seeded(seed: number): number {
  let t = (seed + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function uuid(random: () => number): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function parse(text: unknown): unknown {
  if (typeof text !== 'string') fail('$parse: the argument must be a string');
  return JSON.parse(text);
}

function unavailable(): never {
  fail('$eval is not available in Step Functions');
}

/** Bindings for one evaluation; `now` is the engine's clock (ms), `random` its randomness. */
export function awsFunctions(now: number, random: () => number): Record<string, unknown> {
  return {
    partition,
    range,
    hash,
    random: (seed?: unknown) => (typeof seed === 'number' ? seeded(seed) : random()),
    uuid: () => uuid(random),
    parse,
    eval: unavailable,
    now: () => new Date(now).toISOString(),
    millis: () => now,
  };
}
