/**
 * Crashes injected between side effects (`--chaos`): the runtime calls `at(point)` at each
 * boundary, and a crash there is an exception like any infrastructure fault, so the queue
 * redelivers the message and the repair path runs.
 */
export type FaultPoint =
  | 'before-commit'
  | 'after-commit'
  | 'after-history'
  | 'after-child-created'
  | 'after-children'
  | 'after-timers'
  | 'after-finish'
  | 'before-continue'
  | 'before-invoke'
  | 'after-invoke';

export interface FaultInjector {
  at(point: FaultPoint): void;
}

export class InjectedCrash extends Error {
  constructor(readonly point: FaultPoint) {
    super(`chaos: injected crash at ${point}`);
    this.name = 'InjectedCrash';
  }
}

/** Crashes at each point with probability `rate`, reproducibly from `random`. */
export function randomFaults(random: () => number, rate: number): FaultInjector & { crashes: number } {
  const injector = {
    crashes: 0,
    at(point: FaultPoint): void {
      if (random() < rate) {
        injector.crashes++;
        throw new InjectedCrash(point);
      }
    },
  };
  return injector;
}

export const noFaults: FaultInjector = { at: () => {} };
