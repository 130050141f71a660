/**
 * Compiled JSONPath. `read` returns `undefined` when the path selects nothing; the caller
 * raises the error its field calls for (States.Runtime, States.ParameterPathFailure, ...).
 */
import type { Json } from '../json.js';
import type { Scope } from '../scope.js';

export interface Path {
  /** The path as written. */
  readonly text: string;
  /** True for `$$…`: reads the context object instead of the input. */
  readonly readsContext: boolean;
  /** Set for `$name…`: the workflow variable the path reads. */
  readonly variable?: string;
  read(scope: Scope): Json | undefined;
}

/** A Reference Path: selects at most one node; no `..`, `*`, filters, unions or slices. */
export interface ReferencePath extends Path {
  readonly kind: 'reference';
}

/** ResultPath: where a result is placed into the state's raw input. */
export interface ResultPath {
  readonly text: string;
  /** Returns a new value; never mutates `input`. Throws StatesError(States.ResultPathMatchFailure). */
  apply(input: Json, result: Json): Json;
}

export type CompileResult<T> = { ok: true; value: T } | { ok: false; message: string };
