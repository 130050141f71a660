/**
 * JSONata fields of a state: values that may hold `{% … %}` expressions at any depth
 * (Arguments, Output, Items, ItemSelector), and numbers, timestamps or strings that a JSONata
 * state may give as one expression instead (TimeoutSeconds, Seconds, Error, …).
 */
import { expressionBody } from '../jsonata/expression.js';
import { type JsonataTemplate, compileJsonataTemplate } from '../jsonata/jsonata-template.js';
import type { FieldReader } from './field-reader.js';

export function readJsonataValue(fields: FieldReader, key: string): JsonataTemplate | undefined {
  const raw = fields.raw(key);
  if (raw === undefined) return undefined;
  return compileJsonataTemplate(raw, fields.pointer(key), fields.problems);
}

/** True when the field holds a string that is wholly a JSONata expression. */
export function isExpressionField(fields: FieldReader, key: string): boolean {
  return expressionBody(fields.raw(key)) !== undefined;
}

/** A field whose value, in a JSONata state, is either literal or one `{% … %}` expression. */
export function readExpression(
  fields: FieldReader,
  key: string,
): { expression: JsonataTemplate } | undefined {
  const template = readJsonataValue(fields, key);
  return template === undefined ? undefined : { expression: template };
}
