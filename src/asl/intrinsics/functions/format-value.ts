/**
 * How States.Format renders a value: a string as is, a number, boolean or null as in JSON,
 * an object or array the way AWS's Java runtime prints maps and lists, e.g. `{Arg1=1, Arg2=[]}`
 * and `[a, 1]` (recorded AWS executions show this form).
 */
import type { Json } from '../../json.js';

export function formatValue(value: Json): string {
  if (typeof value === 'string') return value;
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}=${formatValue(item)}`)
      .join(', ')}}`;
  }
  return String(value);
}
