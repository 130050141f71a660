/**
 * Turns a parsed call into a closure, once: literals become constants, paths compiled
 * accessors, nested calls closures. Unknown functions, wrong arity, functions not allowed
 * here and invalid paths are compile errors; argument types are checked when the call runs.
 */
import type { Json } from '../json.js';
import { compilePath } from '../jsonpath/compile-path.js';
import type { CompileResult } from '../jsonpath/path.js';
import type { Scope } from '../scope.js';
import type { IntrinsicArgument, IntrinsicCall } from './ast.js';
import { type CallSite, pathNotFound } from './intrinsic-failure.js';
import { INTRINSIC_FUNCTIONS } from './signatures.js';
import { checkArity, checkTypes } from './validate-arguments.js';

type Evaluator = (scope: Scope) => Json;

export interface CompileContext {
  /** The whole expression as written; failure causes quote it. */
  readonly expression: string;
  readonly allowedFunctions?: ReadonlySet<string>;
}

export function compileCall(call: IntrinsicCall, context: CompileContext): CompileResult<Evaluator> {
  const fn = INTRINSIC_FUNCTIONS.get(call.name);
  if (fn === undefined) return fail(call, `unknown intrinsic function ${call.name}`);
  if (context.allowedFunctions && !context.allowedFunctions.has(call.name)) {
    const allowed = [...context.allowedFunctions].join(', ');
    return fail(call, `${call.name} is not allowed here (allowed: ${allowed})`);
  }
  const arityError = checkArity(fn, call.args.length);
  if (arityError !== undefined) return fail(call, arityError);
  const args: Evaluator[] = [];
  for (const arg of call.args) {
    const compiled = compileArgument(arg, context);
    if (!compiled.ok) return compiled;
    args.push(compiled.value);
  }
  const run = fn.specialize ? fn.specialize(call.args) : fn.run;
  const site: CallSite = { expression: context.expression, name: fn.name };
  const count = args.length;
  return {
    ok: true,
    value: (scope) => {
      const values = new Array<Json>(count);
      for (let i = 0; i < count; i++) values[i] = args[i](scope);
      checkTypes(fn, values, site);
      return run(values, scope, site);
    },
  };
}

function compileArgument(arg: IntrinsicArgument, context: CompileContext): CompileResult<Evaluator> {
  if (arg.kind === 'call') return compileCall(arg, context);
  if (arg.kind === 'literal') {
    const { value } = arg;
    return { ok: true, value: () => value };
  }
  const path = compilePath(arg.text);
  if (!path.ok) return fail(arg, path.message);
  const { read, text } = path.value;
  const { expression } = context;
  return {
    ok: true,
    value: (scope) => {
      const value = read(scope);
      if (value === undefined) throw pathNotFound(expression, text, scope.input);
      return value;
    },
  };
}

function fail(at: { readonly pos: number }, message: string): { ok: false; message: string } {
  return { ok: false, message: `${message} at position ${at.pos}` };
}
