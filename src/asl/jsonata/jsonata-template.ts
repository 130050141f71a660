/**
 * A JSON value in a JSONata state (Arguments, Output, Assign values, ItemSelector, Items, …):
 * every string that is wholly `{% … %}`, at any depth, is an expression; the rest is literal.
 * Compiled once; a value without expressions costs nothing to evaluate.
 */
import type { Json, JsonObject } from '../json.js';
import { type Problems, pointer } from '../problems.js';
import {
  type CompiledExpression,
  type JsonataInput,
  compileExpression,
  expressionBody,
} from './expression.js';

export interface JsonataTemplate {
  /** `location` names the field in errors and in the EvaluationFailed event. */
  evaluate(input: JsonataInput, location: string): Promise<Json>;
}

type Node = (input: JsonataInput, location: string) => Promise<Json>;

/** Reports every expression that does not parse under `at`; undefined when there is any. */
export function compileJsonataTemplate(
  raw: Json,
  at: string,
  problems: Problems,
): JsonataTemplate | undefined {
  const before = problems.count;
  const node = compileNode(raw, at, problems, '');
  if (problems.count > before) return undefined;
  return { evaluate: node ?? (async () => raw) };
}

/**
 * Undefined for a constant subtree. `within` is the path inside the field (`/v`, `/items/0`):
 * errors name the field as `Output/v`, as Step Functions does.
 */
function compileNode(raw: Json, at: string, problems: Problems, within: string): Node | undefined {
  const body = expressionBody(raw);
  if (body !== undefined) {
    const compiled = compileExpression(body);
    if (!compiled.ok) problems.add(at, 'INVALID_JSONATA', compiled.message);
    return compiled.ok ? expressionNode(compiled.value, within) : undefined;
  }
  if (Array.isArray(raw)) {
    const items = raw.map((item, index) =>
      compileNode(item, pointer(at, index), problems, `${within}/${index}`),
    );
    if (items.every((item) => item === undefined)) return undefined;
    return async (input, location) =>
      Promise.all(raw.map((item, index) => items[index]?.(input, location) ?? item));
  }
  if (raw !== null && typeof raw === 'object') {
    const entries = Object.entries(raw).map(
      ([key, value]) =>
        [key, value, compileNode(value, pointer(at, key), problems, `${within}/${key}`)] as const,
    );
    if (entries.every(([, , node]) => node === undefined)) return undefined;
    return async (input, location) => {
      const out: JsonObject = {};
      for (const [key, value, node] of entries) {
        Object.defineProperty(out, key, {
          value: node ? await node(input, location) : value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    };
  }
  return undefined;
}

function expressionNode(expression: CompiledExpression, within: string): Node {
  return (input, location) => expression.evaluate(input, `${location}${within}`);
}
