/** Anything with the queue's idle contract. */
export interface Idler {
  readonly isIdle: boolean;
  idle(): Promise<void>;
}

/**
 * Resolves once every queue is idle at the same moment. Queues feed each other (advance →
 * dead letters → status), so waiting on each in turn is not enough: one may wake another
 * after it was seen idle. A macrotask turn lets pending continuations send first.
 */
export async function whenAllIdle(queues: Idler[]): Promise<void> {
  for (;;) {
    await Promise.all(queues.map((queue) => queue.idle()));
    await new Promise((resolve) => setImmediate(resolve));
    if (queues.every((queue) => queue.isIdle)) return;
  }
}
