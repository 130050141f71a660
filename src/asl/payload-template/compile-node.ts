/**
 * Compiles a payload template into closures, once. Keys ending in `.$` become bindings whose
 * output key drops the suffix; objects and arrays recurse; everything else is literal.
 */
import type { Json, JsonObject } from '../json.js';
import { putField } from '../jsonpath/put-field.js';
import { pointer } from '../problems.js';
import type { Problems } from '../problems.js';
import type { Scope } from '../scope.js';
import { compileBinding } from './compile-binding.js';
import { type TemplateNode, constantNode, dynamicNode } from './template-node.js';

export function compileNode(raw: unknown, at: string, problems: Problems): TemplateNode {
  if (Array.isArray(raw)) return compileArray(raw, at, problems);
  if (typeof raw === 'object' && raw !== null)
    return compileObject(raw as Record<string, unknown>, at, problems);
  if (isJsonScalar(raw)) return constantNode(raw);
  problems.add(at, 'SCHEMA_VALIDATION_FAILED', `Not a JSON value: ${String(raw)}`);
  return constantNode(null);
}

function isJsonScalar(raw: unknown): raw is Json {
  if (typeof raw === 'number') return Number.isFinite(raw);
  return raw === null || typeof raw === 'string' || typeof raw === 'boolean';
}

function compileObject(raw: Record<string, unknown>, at: string, problems: Problems): TemplateNode {
  const keys: string[] = [];
  const nodes: TemplateNode[] = [];
  for (const key of Object.keys(raw)) {
    const where = pointer(at, key);
    const bound = key.endsWith('.$');
    keys.push(bound ? key.slice(0, -2) : key);
    nodes.push(
      bound ? compileBinding(key, raw[key], where, problems) : compileNode(raw[key], where, problems),
    );
  }
  if (nodes.every((node) => node.constant)) {
    // fromEntries defines own data properties, so a `__proto__` key stays a plain key.
    return constantNode(Object.fromEntries(keys.map((key, i) => [key, constantValue(nodes[i])])));
  }
  return dynamicNode((scope) => buildObject(keys, nodes, scope));
}

function buildObject(keys: readonly string[], nodes: readonly TemplateNode[], scope: Scope): JsonObject {
  const out: JsonObject = {};
  for (let i = 0; i < keys.length; i++) {
    const node = nodes[i];
    putField(out, keys[i], node.constant ? node.value : node.evaluate(scope));
  }
  return out;
}

function compileArray(raw: readonly unknown[], at: string, problems: Problems): TemplateNode {
  const nodes = raw.map((item, index) => compileNode(item, pointer(at, index), problems));
  if (nodes.every((node) => node.constant)) return constantNode(nodes.map(constantValue));
  return dynamicNode((scope) => evaluateAll(nodes, scope));
}

function evaluateAll(nodes: readonly TemplateNode[], scope: Scope): Json[] {
  return nodes.map((node) => (node.constant ? node.value : node.evaluate(scope)));
}

/** Only called on nodes known to be constant. */
function constantValue(node: TemplateNode): Json {
  return node.constant ? node.value : null;
}
