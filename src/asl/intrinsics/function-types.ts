/** What every intrinsic function declares: its name, arity, argument types and behaviour. */
import type { Json } from '../json.js';
import type { Scope } from '../scope.js';
import type { IntrinsicArgument } from './ast.js';
import type { CallSite } from './intrinsic-failure.js';

export type ArgumentType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

/** Receives argument values already checked against the declared types. */
export type IntrinsicRun = (args: readonly Json[], scope: Scope, site: CallSite) => Json;

export interface IntrinsicFunction {
  readonly name: string;
  readonly minArgs: number;
  /** Infinity for a variadic function. */
  readonly maxArgs: number;
  /** Allowed types per position; positions past the end take the last entry; [] allows any. */
  readonly argTypes: readonly (readonly ArgumentType[])[];
  readonly run: IntrinsicRun;
  /** Builds a run function once, at compile time, from the parsed arguments. */
  readonly specialize?: (args: readonly IntrinsicArgument[]) => IntrinsicRun;
}

export const ANY: readonly ArgumentType[] = [];
