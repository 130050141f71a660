/** Test helpers: compile an intrinsic call and run it, or capture the StatesError it raises. */
import { expect } from 'vitest';
import { StatesError } from '../../../../src/asl/errors.js';
import { compileIntrinsic } from '../../../../src/asl/intrinsics/compile-intrinsic.js';
import type { Json } from '../../../../src/asl/json.js';
import type { Scope } from '../../../../src/asl/scope.js';

export function scopeOf(input: Json, context: Json = {}, random: () => number = () => 0.5): Scope {
  return { input, context, random };
}

export function evaluate(text: string, input: Json = {}, context: Json = {}): Json {
  const compiled = compileIntrinsic(text);
  if (!compiled.ok) throw new Error(`did not compile: ${compiled.message}`);
  return compiled.value(scopeOf(input, context));
}

/** The StatesError raised when the (valid) call runs; fails the test when none is raised. */
export function failure(text: string, input: Json = {}, context: Json = {}): StatesError {
  const compiled = compileIntrinsic(text);
  if (!compiled.ok) throw new Error(`did not compile: ${compiled.message}`);
  try {
    compiled.value(scopeOf(input, context));
  } catch (error) {
    expect(error).toBeInstanceOf(StatesError);
    return error as StatesError;
  }
  throw new Error(`${text} did not fail`);
}

/** The compile error message; fails the test when the call compiles. */
export function compileError(text: string, allowedFunctions?: ReadonlySet<string>): string {
  const compiled = compileIntrinsic(text, { allowedFunctions });
  if (compiled.ok) throw new Error(`${text} compiled`);
  return compiled.message;
}
