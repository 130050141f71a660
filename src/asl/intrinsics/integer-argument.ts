/**
 * How numeric arguments become integers. AWS truncates toward zero for ArrayRange,
 * ArrayPartition, ArrayGetItem and MathRandom (2.6 chunks by 2, MathRandom(1.6, 5.4) can
 * return 1), but MathAdd rounds half up like Java's Math.round (-1.5 → -1, 2.5 → 3), as
 * recorded AWS executions show.
 */
export function truncateToInteger(value: number): number {
  return Math.trunc(value) + 0; // `+ 0` turns -0 into 0
}

export function roundHalfUp(value: number): number {
  return Math.round(value) + 0;
}
