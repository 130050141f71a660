/**
 * A seeded generator with the algorithm of java.util.Random (48-bit linear congruential),
 * used by States.MathRandom when a seed is given: the same seed always gives the same
 * number. Whether AWS draws the very same numbers is not confirmed.
 */
const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

export class JavaRandom {
  private state: bigint;

  constructor(seed: number) {
    this.state = (BigInt.asIntN(64, BigInt(Math.trunc(seed))) ^ MULTIPLIER) & MASK;
  }

  private next(bits: number): number {
    this.state = (this.state * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, this.state >> BigInt(48 - bits)));
  }

  /** Java's nextInt(): a signed 32-bit integer. */
  nextInt(): number {
    return this.next(32);
  }

  /** Java's nextInt(bound): uniform in [0, bound), for 0 < bound ≤ 2^31 - 1. */
  nextIntBelow(bound: number): number {
    let r = this.next(31);
    const m = bound - 1;
    if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(r)) >> 31n);
    // `| 0` reproduces Java's int overflow, which rejects the biased top of the range.
    for (let u = r; ((u - (r = u % bound) + m) | 0) < 0; u = this.next(31));
    return r;
  }

  /** Java's nextDouble(): uniform in [0, 1). */
  nextDouble(): number {
    return (this.next(26) * 2 ** 27 + this.next(27)) * 2 ** -53;
  }
}
