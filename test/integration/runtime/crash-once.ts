/** Fault injectors for the crash tests: one that only counts, one that crashes exactly once. */
import {
  type FaultInjector,
  type FaultPoint,
  InjectedCrash,
} from '../../../src/runtime/durable/fault-injector.js';

export const FAULT_POINTS: FaultPoint[] = [
  'before-commit',
  'after-commit',
  'after-history',
  'after-children',
  'after-timers',
  'after-finish',
  'before-continue',
  'before-invoke',
  'after-invoke',
  'after-child-created',
];

/** Counts how often the runtime passes each point. */
export class CountingFaults implements FaultInjector {
  readonly hits = new Map<FaultPoint, number>();

  at(point: FaultPoint): void {
    this.hits.set(point, (this.hits.get(point) ?? 0) + 1);
  }
}

/** Crashes the `occurrence`-th time (1-based) the runtime passes `point`, and never again. */
export class CrashOnce implements FaultInjector {
  private seen = 0;
  crashed = false;

  constructor(
    readonly point: FaultPoint,
    readonly occurrence: number,
  ) {}

  at(point: FaultPoint): void {
    if (point !== this.point || this.crashed) return;
    this.seen++;
    if (this.seen === this.occurrence) {
      this.crashed = true;
      throw new InjectedCrash(point);
    }
  }
}

/** Up to `count` occurrences out of 1..total, evenly spread, first and last included. */
export function sampleOccurrences(total: number, count: number): number[] {
  if (total <= count) return Array.from({ length: total }, (_, i) => i + 1);
  const picks = new Set<number>();
  for (let i = 0; i < count; i++) picks.add(1 + Math.round((i * (total - 1)) / (count - 1)));
  return [...picks];
}
