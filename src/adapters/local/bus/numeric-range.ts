import { InvalidEventPatternError, type NumericRange } from './pattern-types.js';

const LOWER = new Set(['>', '>=']);
const UPPER = new Set(['<', '<=']);

/** `["=", 5]`, or up to one lower bound (`>`, `>=`) and one upper bound (`<`, `<=`). */
export function parseNumericRange(spec: unknown, pointer: string): NumericRange {
  const fail = (reason: string): never => {
    throw new InvalidEventPatternError(pointer, `numeric: ${reason}`);
  };
  if (!Array.isArray(spec) || (spec.length !== 2 && spec.length !== 4)) {
    return fail('expected [operator, number] or [operator, number, operator, number]');
  }
  const range: NumericRange = {};
  for (let i = 0; i < spec.length; i += 2) {
    const [operator, value]: unknown[] = [spec[i], spec[i + 1]];
    if (typeof value !== 'number' || !Number.isFinite(value))
      fail(`${JSON.stringify(value)} is not a number`);
    const number = value as number;
    if (operator === '=' && spec.length === 2) range.equals = number;
    else if (typeof operator === 'string' && LOWER.has(operator) && !range.lower) {
      range.lower = { value: number, inclusive: operator === '>=' };
    } else if (typeof operator === 'string' && UPPER.has(operator) && !range.upper) {
      range.upper = { value: number, inclusive: operator === '<=' };
    } else fail(`unexpected operator ${JSON.stringify(operator)}`);
  }
  if (range.lower && range.upper && range.lower.value >= range.upper.value) {
    fail('the lower bound must be below the upper bound');
  }
  return range;
}

export function inNumericRange(range: NumericRange, value: number): boolean {
  if (range.equals !== undefined) return value === range.equals;
  const { lower, upper } = range;
  if (lower && (lower.inclusive ? value < lower.value : value <= lower.value)) return false;
  if (upper && (upper.inclusive ? value > upper.value : value >= upper.value)) return false;
  return true;
}
