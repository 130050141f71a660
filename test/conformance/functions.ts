/**
 * The Lambda handlers conformance cases name in their Task resources. A fresh set per case
 * run, so `flaky`'s failure counter starts at zero each time.
 */
import type { LambdaHandler } from '../../src/adapters/local/local-task-invoker.js';
import type { Json, JsonObject } from '../../src/asl/json.js';

class NamedError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

const field = (event: Json, key: string): Json | undefined =>
  event !== null && typeof event === 'object' && !Array.isArray(event)
    ? (event as JsonObject)[key]
    : undefined;

export function conformanceFunctions(): Map<string, LambdaHandler> {
  const calls = new Map<string, number>();
  return new Map<string, LambdaHandler>([
    ['echo', (event) => event],
    ['add', (event) => Number(field(event, 'a')) + Number(field(event, 'b'))],
    [
      'fail',
      (event) => {
        throw new NamedError(
          String(field(event, 'errorName') ?? 'CustomError'),
          String(field(event, 'message') ?? 'failed'),
        );
      },
    ],
    [
      'flaky',
      (event) => {
        const key = JSON.stringify(event);
        const count = (calls.get(key) ?? 0) + 1;
        calls.set(key, count);
        if (count <= Number(field(event, 'failTimes') ?? 0))
          throw new NamedError('Flaky', `attempt ${count} failed`);
        return event;
      },
    ],
    // The Parallel state page's FunWithMath example: the sum and the difference of [a, b].
    [
      'sum',
      (event) => (Array.isArray(event) ? event.reduce((total: number, n) => total + Number(n), 0) : NaN),
    ],
    ['difference', (event) => (Array.isArray(event) ? Number(event[0]) - Number(event[1]) : NaN)],
    [
      // Returns how many times it has been called with this `key`: shows a state ran again.
      'counter',
      (event) => {
        const key = `counter:${String(field(event, 'key'))}`;
        const count = (calls.get(key) ?? 0) + 1;
        calls.set(key, count);
        return count;
      },
    ],
  ]);
}
