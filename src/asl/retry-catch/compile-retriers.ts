/**
 * Compiles a `Retry` array. Field ranges as Step Functions documents them: IntervalSeconds a
 * positive integer up to 99,999,999 (default 1); MaxAttempts 0 to 99,999,999 (default 3, 0
 * never retries); BackoffRate a number ≥ 1.0 (default 2.0); MaxDelaySeconds 1 to 31,622,400;
 * JitterStrategy FULL or NONE (default NONE).
 */
import { type Json, type JsonObject, getOwn, isJsonObject } from '../json.js';
import { type Problems, pointer } from '../problems.js';
import { checkField, isString, readInteger, reportUnknownFields } from './entry-fields.js';
import { checkStatesAllLast, readErrorEquals } from './error-equals.js';
import { MAX_DELAY_SECONDS, type Retrier } from './retrier.js';

const RETRIER_FIELDS: ReadonlySet<string> = new Set([
  'ErrorEquals',
  'IntervalSeconds',
  'MaxAttempts',
  'BackoffRate',
  'MaxDelaySeconds',
  'JitterStrategy',
  'Comment',
]);

const MAX_SECONDS = 99_999_999;

export function compileRetriers(raw: unknown, at: string, problems: Problems): Retrier[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.add(at, 'SCHEMA_VALIDATION_FAILED', 'Retry must be an array of retriers');
    return [];
  }
  const retriers: Retrier[] = [];
  const lists: (string[] | undefined)[] = [];
  for (let index = 0; index < raw.length; index++) {
    const retrier = compileRetrier(raw[index], pointer(at, index), problems);
    lists.push(retrier?.errorEquals);
    if (retrier) retriers.push(retrier);
  }
  checkStatesAllLast(lists, at, problems);
  return retriers;
}

function compileRetrier(raw: unknown, at: string, problems: Problems): Retrier | undefined {
  if (!isJsonObject(raw)) {
    problems.add(at, 'SCHEMA_VALIDATION_FAILED', 'A retrier must be an object');
    return undefined;
  }
  const before = problems.count;
  reportUnknownFields(raw, RETRIER_FIELDS, 'retrier', at, problems);
  checkField(raw, 'Comment', isString, 'a string', at, problems);
  const errorEquals = readErrorEquals(raw, at, problems);
  const intervalSeconds = readInteger(
    raw,
    'IntervalSeconds',
    { min: 1, max: MAX_SECONDS, fallback: 1 },
    at,
    problems,
  );
  const maxAttempts = readInteger(
    raw,
    'MaxAttempts',
    { min: 0, max: MAX_SECONDS, fallback: 3 },
    at,
    problems,
  );
  const maxDelaySeconds = readInteger(
    raw,
    'MaxDelaySeconds',
    { min: 1, max: MAX_DELAY_SECONDS },
    at,
    problems,
  );
  const backoffRate = readBackoffRate(raw, at, problems);
  const jitter = getOwn(raw, 'JitterStrategy') ?? 'NONE';
  if (jitter !== 'FULL' && jitter !== 'NONE') {
    problems.add(
      pointer(at, 'JitterStrategy'),
      'SCHEMA_VALIDATION_FAILED',
      'JitterStrategy must be "FULL" or "NONE"',
    );
  }
  if (problems.count > before || !errorEquals || intervalSeconds === undefined || maxAttempts === undefined) {
    return undefined;
  }
  return {
    errorEquals,
    intervalSeconds,
    maxAttempts,
    backoffRate,
    ...(maxDelaySeconds === undefined ? {} : { maxDelaySeconds }),
    jitterStrategy: jitter === 'FULL' ? 'FULL' : 'NONE',
  };
}

function readBackoffRate(raw: JsonObject, at: string, problems: Problems): number {
  const accepts = (value: Json) => typeof value === 'number' && Number.isFinite(value) && value >= 1;
  checkField(raw, 'BackoffRate', accepts, 'a number of at least 1.0', at, problems);
  const value = getOwn(raw, 'BackoffRate');
  return typeof value === 'number' ? value : 2;
}
