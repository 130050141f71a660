/**
 * At-least-once delivery made visible: duplicated and reordered deliveries, drawn from a
 * seeded random source so that a failing run can be replayed from its seed.
 */
export class Chaos {
  constructor(
    private readonly duplicateProbability: number,
    private readonly reorderProbability: number,
    private readonly random: () => number,
  ) {}

  /** Which visible message fills the next batch slot: the oldest, or with chaos any of them. */
  pickOffset(visibleCount: number): number {
    if (this.reorderProbability === 0 || visibleCount < 2) return 0;
    if (this.random() >= this.reorderProbability) return 0;
    return Math.floor(this.random() * visibleCount);
  }

  /** Shuffles a received batch in place (Fisher–Yates) when reordering is on. */
  shuffle<T>(items: T[]): void {
    if (this.reorderProbability === 0) return;
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
  }

  /** Whether this delivery gets a second copy. */
  duplicates(): boolean {
    return this.duplicateProbability > 0 && this.random() < this.duplicateProbability;
  }
}
