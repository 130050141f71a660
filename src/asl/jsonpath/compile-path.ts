/**
 * Compiles the States Language's paths into accessors. Reference Paths (and any path that
 * happens to be one) become a direct walk over own properties; other JSONPath expressions
 * (InputPath/OutputPath only) are evaluated by jsonpath-plus with its safe evaluator, so no
 * user string is ever run as code.
 */
import { JSONPath } from 'jsonpath-plus';
import { StatesError } from '../errors.js';
import { type Json, type JsonObject, getOwn, isJsonObject } from '../json.js';
import type { Scope } from '../scope.js';
import type { CompileResult, Path, ReferencePath } from './path.js';
import { type Segment, VARIABLE_ROOT, parseReferencePath } from './reference-path-syntax.js';

function walk(value: Json | undefined, segments: readonly Segment[]): Json | undefined {
  for (const segment of segments) {
    if (value === undefined) return undefined;
    if (typeof segment === 'number') {
      if (!Array.isArray(value) || segment >= value.length) return undefined;
      value = value[segment];
    } else {
      if (!isJsonObject(value)) return undefined;
      value = getOwn(value as JsonObject, segment);
    }
  }
  return value;
}

export function compileReferencePath(text: string): CompileResult<ReferencePath> {
  const parsed = parseReferencePath(text);
  if ('error' in parsed) return { ok: false, message: `Invalid reference path "${text}": ${parsed.error}` };
  const { segments, variable } = parsed;
  const readsContext = parsed.root === '$$';
  if (variable !== undefined) {
    const read = (scope: Scope) => walk(getOwnVariable(scope, variable), segments);
    return { ok: true, value: { kind: 'reference', text, readsContext, variable, read } };
  }
  const read =
    segments.length === 0
      ? readsContext
        ? (scope: Scope) => scope.context
        : (scope: Scope) => scope.input
      : readsContext
        ? (scope: Scope) => walk(scope.context, segments)
        : (scope: Scope) => walk(scope.input, segments);
  return { ok: true, value: { kind: 'reference', text, readsContext, read } };
}

function getOwnVariable(scope: Scope, name: string): Json | undefined {
  const variables = scope.variables;
  return variables && Object.hasOwn(variables, name) ? variables[name] : undefined;
}

/** Segments of a Reference Path, for ResultPath, which writes rather than reads. */
export function referencePathSegments(text: string): CompileResult<Segment[]> {
  const parsed = parseReferencePath(text);
  if ('error' in parsed) return { ok: false, message: `Invalid reference path "${text}": ${parsed.error}` };
  if (parsed.root === '$$') return { ok: false, message: `"${text}" cannot write into the context object` };
  if (parsed.variable !== undefined) {
    return { ok: false, message: `"${text}" cannot write into a variable (use Assign)` };
  }
  return { ok: true, value: parsed.segments };
}

/** A full JSONPath (InputPath, OutputPath): definite paths read one node, others an array. */
export function compilePath(text: string): CompileResult<Path> {
  const reference = compileReferencePath(text);
  if (reference.ok) return reference;
  if (typeof text !== 'string' || !text.startsWith('$')) {
    return { ok: false, message: `Invalid path "${text}": must start with "$"` };
  }
  const readsContext = text.startsWith('$$');
  const variable = readsContext ? undefined : VARIABLE_ROOT.exec(text)?.[1];
  // `$$…` and `$name…` are evaluated as `$…` over the context object or the variable.
  const expression = readsContext ? text.slice(1) : variable ? `$${text.slice(variable.length + 1)}` : text;
  const syntaxError = checkSyntax(expression);
  if (syntaxError) return { ok: false, message: `Invalid path "${text}": ${syntaxError}` };
  const read = (scope: Scope): Json => {
    const json = readsContext
      ? scope.context
      : variable !== undefined
        ? (getOwnVariable(scope, variable) ?? null)
        : scope.input;
    if (json === null || typeof json !== 'object') return [];
    try {
      return JSONPath({ path: expression, json, wrap: true, eval: 'safe', ignoreEvalErrors: true }) as Json[];
    } catch (error) {
      throw new StatesError(
        'States.Runtime',
        `Invalid path '${text}': ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  return {
    ok: true,
    value: variable ? { text, readsContext, variable, read } : { text, readsContext, read },
  };
}

/** Brackets and quotes must balance; string literals inside filters are skipped. */
function checkSyntax(expression: string): string | undefined {
  let depth = 0;
  let quote: string | undefined;
  let outside = '';
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    if (ch === '[' || ch === '(') depth++;
    if (ch === ']' || ch === ')') depth--;
    if (depth < 0) return 'unbalanced brackets';
    outside += ch;
  }
  if (quote) return 'unterminated string';
  if (depth !== 0) return 'unbalanced brackets';
  if (/\.$/.test(outside) || /\.\.\.|\[\]/.test(outside)) return 'incomplete expression';
  try {
    JSONPath({ path: expression, json: {}, wrap: true, eval: 'safe' });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return undefined;
}
