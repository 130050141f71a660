import type { Json } from '../json.js';
import type { Scope } from '../scope.js';

/**
 * A compiled piece of a payload template. A constant subtree (no `.$` key inside) is built
 * once and handed out as is on every evaluation: values are immutable, so sharing is safe.
 */
export type TemplateNode =
  | { readonly constant: true; readonly value: Json }
  | { readonly constant: false; readonly evaluate: (scope: Scope) => Json };

export function constantNode(value: Json): TemplateNode {
  return { constant: true, value };
}

export function dynamicNode(evaluate: (scope: Scope) => Json): TemplateNode {
  return { constant: false, evaluate };
}
