import { seededRandom } from '../../../runtime/memory/seeded-random.js';
import type { DeadLetterTarget, LocalQueueOptions, QueueRecord } from './queue-types.js';

/** SQS's limits: DelaySeconds and the visibility timeout. */
export const MAX_DELAY_SECONDS = 900;
const MAX_VISIBILITY_TIMEOUT_SECONDS = 43_200;

export interface QueueSettings<T> {
  batchSize: number;
  concurrency: number;
  visibilityTimeoutMs: number;
  maxReceiveCount: number;
  deadLetterQueue?: DeadLetterTarget<T>;
  duplicate: number;
  reorder: number;
  random: () => number;
  advanceClock: boolean;
  onHandlerError: (error: unknown, batch: QueueRecord<T>[]) => void;
  groupOf?: (body: T) => string | undefined;
}

/** Defaults filled in and every option checked, so a typo fails at construction. */
export function resolveQueueSettings<T>(options: LocalQueueOptions<T>): QueueSettings<T> {
  const visibilityTimeout = options.visibilityTimeoutSeconds ?? 30;
  checkInteger('visibilityTimeoutSeconds', visibilityTimeout, 0, MAX_VISIBILITY_TIMEOUT_SECONDS);
  return {
    batchSize: checkInteger('batchSize', options.batchSize ?? 10, 1, 10_000),
    concurrency: checkInteger('concurrency', options.concurrency ?? 4, 1, 1_000),
    visibilityTimeoutMs: visibilityTimeout * 1000,
    maxReceiveCount: checkInteger('maxReceiveCount', options.maxReceiveCount ?? 5, 1, 1000),
    deadLetterQueue: options.deadLetterQueue,
    duplicate: checkProbability('duplicate', options.duplicate ?? 0),
    reorder: checkProbability('reorder', options.reorder ?? 0),
    random: options.random ?? seededRandom(1),
    advanceClock: options.advanceClock ?? true,
    onHandlerError: options.onHandlerError ?? (() => {}),
    groupOf: options.groupOf,
  };
}

/** SQS accepts whole seconds from 0 to 900; anything else is a caller's bug, reported. */
export function checkDelaySeconds(delaySeconds: number | undefined): number {
  return checkInteger('delaySeconds', delaySeconds ?? 0, 0, MAX_DELAY_SECONDS);
}

function checkInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`LocalQueue: ${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

function checkProbability(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) {
    throw new Error(`LocalQueue: ${name} must be a probability from 0 to 1, got ${value}`);
  }
  return value;
}
