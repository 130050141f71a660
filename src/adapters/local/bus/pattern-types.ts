/**
 * An EventBridge event pattern, parsed once into a typed tree (see compile-event-pattern.ts)
 * and matched by match-event-pattern.ts.
 */
export type Leaf = string | number | boolean | null;

/** One alternative of a field's list: the field matches if any alternative does. */
export type Alternative =
  | { type: 'literal'; value: Leaf }
  | { type: 'prefix'; value: string; ignoreCase: boolean }
  | { type: 'suffix'; value: string; ignoreCase: boolean }
  | { type: 'equals-ignore-case'; value: string }
  | { type: 'wildcard'; wildcard: Wildcard }
  | { type: 'numeric'; range: NumericRange }
  | { type: 'exists'; value: boolean }
  /** Present, and matched by none of `excluded`. */
  | { type: 'anything-but'; excluded: Alternative[] };

/** `a*b*c` split at its unescaped stars: ['a', 'b', 'c']; no star: one part. */
export interface Wildcard {
  parts: string[];
}

export interface NumericBound {
  value: number;
  inclusive: boolean;
}

export interface NumericRange {
  equals?: number;
  lower?: NumericBound;
  upper?: NumericBound;
}

export type FieldRule =
  | { key: string; type: 'leaf'; alternatives: Alternative[] }
  | { key: string; type: 'nested'; pattern: EventPattern };

/** All fields must match, and in each `$or` group at least one pattern must. */
export interface EventPattern {
  fields: FieldRule[];
  anyOf: EventPattern[][];
}

/** A pattern that EventBridge would refuse, with the JSON Pointer of the offending part. */
export class InvalidEventPatternError extends Error {
  constructor(
    readonly pointer: string,
    readonly reason: string,
  ) {
    super(`Event pattern is not valid at ${pointer || '/'}: ${reason}`);
    this.name = 'InvalidEventPatternError';
  }
}
