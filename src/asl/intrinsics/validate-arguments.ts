/**
 * The one validator every intrinsic goes through: arity when the call is compiled, argument
 * types when it runs (values read from paths are only known then).
 */
import type { Json } from '../json.js';
import type { ArgumentType, IntrinsicFunction } from './function-types.js';
import { type CallSite, invalidArguments } from './intrinsic-failure.js';

export function typeOf(value: Json): ArgumentType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as ArgumentType;
}

const ARTICLE: Readonly<Record<ArgumentType, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
  array: 'an array',
  object: 'an object',
};

/** A message when `count` arguments do not fit the function, undefined when they do. */
export function checkArity(fn: IntrinsicFunction, count: number): string | undefined {
  if (count >= fn.minArgs && count <= fn.maxArgs) return undefined;
  const expected =
    fn.maxArgs === Number.POSITIVE_INFINITY
      ? `at least ${fn.minArgs}`
      : fn.minArgs === fn.maxArgs
        ? `${fn.minArgs}`
        : `${fn.minArgs} to ${fn.maxArgs}`;
  const last = fn.maxArgs === Number.POSITIVE_INFINITY ? fn.minArgs : fn.maxArgs;
  const noun = last === 1 ? 'argument' : 'arguments';
  return `${fn.name} takes ${expected} ${noun}, but ${count} ${count === 1 ? 'was' : 'were'} given`;
}

/** Throws the intrinsic failure naming the first argument of a type the function does not take. */
export function checkTypes(fn: IntrinsicFunction, args: readonly Json[], site: CallSite): void {
  const declared = fn.argTypes;
  for (let i = 0; i < args.length; i++) {
    const allowed = declared[Math.min(i, declared.length - 1)];
    if (allowed === undefined || allowed.length === 0) continue;
    const actual = typeOf(args[i]);
    if (!allowed.includes(actual)) {
      const expected = allowed.map((type) => ARTICLE[type]).join(' or ');
      throw invalidArguments(site, `argument ${i + 1} must be ${expected}, but it is ${ARTICLE[actual]}`);
    }
  }
}
