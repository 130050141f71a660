/** A malformed intrinsic call, found at compile time; `pos` is a 0-based character offset. */
export class IntrinsicSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly pos: number,
  ) {
    super(`${reason} at position ${pos}`);
    this.name = 'IntrinsicSyntaxError';
  }
}
