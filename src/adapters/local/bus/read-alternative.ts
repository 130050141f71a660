import { isJsonObject } from '../../../asl/json.js';
import { parseNumericRange } from './numeric-range.js';
import { type Alternative, InvalidEventPatternError, type Leaf } from './pattern-types.js';
import { parseWildcard } from './wildcard.js';

/** Reads one element of a field's list of alternatives: a literal, or a one-key operator. */
export function readAlternative(element: unknown, pointer: string): Alternative {
  if (isLeaf(element)) return { type: 'literal', value: element };
  if (!isJsonObject(element)) {
    throw new InvalidEventPatternError(
      pointer,
      'expected a string, number, boolean, null or an operator object',
    );
  }
  const [operator, ...rest] = Object.keys(element);
  if (operator === undefined || rest.length > 0) {
    throw new InvalidEventPatternError(pointer, 'an operator object has exactly one key');
  }
  const operand: unknown = element[operator];
  const at = `${pointer}/${escapePointer(operator)}`;
  switch (operator) {
    case 'prefix':
    case 'suffix':
      return readAffix(operator, operand, at);
    case 'equals-ignore-case':
      return { type: 'equals-ignore-case', value: readString(operand, at) };
    case 'wildcard':
      return { type: 'wildcard', wildcard: parseWildcard(readString(operand, at), at) };
    case 'numeric':
      return { type: 'numeric', range: parseNumericRange(operand, at) };
    case 'exists':
      if (typeof operand !== 'boolean') throw new InvalidEventPatternError(at, 'exists takes true or false');
      return { type: 'exists', value: operand };
    case 'anything-but':
      return { type: 'anything-but', excluded: readAnythingBut(operand, at) };
    case 'cidr':
      throw new InvalidEventPatternError(at, 'cidr matching is not supported by the local bus');
    default:
      throw new InvalidEventPatternError(pointer, `unknown operator ${JSON.stringify(operator)}`);
  }
}

/** `{prefix: "a"}` or `{prefix: {"equals-ignore-case": "a"}}`, and the same for suffix. */
function readAffix(type: 'prefix' | 'suffix', operand: unknown, pointer: string): Alternative {
  if (typeof operand === 'string') return { type, value: operand, ignoreCase: false };
  const keys = isJsonObject(operand) ? Object.keys(operand) : [];
  if (isJsonObject(operand) && keys.length === 1 && keys[0] === 'equals-ignore-case') {
    const value = readString(operand['equals-ignore-case'], `${pointer}/equals-ignore-case`);
    return { type, value, ignoreCase: true };
  }
  throw new InvalidEventPatternError(pointer, `${type} takes a string or {"equals-ignore-case": string}`);
}

/**
 * anything-but takes a string or number, a non-empty list of only strings or only numbers,
 * or one of prefix, suffix, equals-ignore-case, wildcard (the last two also with a list).
 */
function readAnythingBut(operand: unknown, pointer: string): Alternative[] {
  if (typeof operand === 'string' || typeof operand === 'number')
    return [{ type: 'literal', value: operand }];
  if (Array.isArray(operand)) {
    const allStrings = operand.every((value) => typeof value === 'string');
    const allNumbers = operand.every((value) => typeof value === 'number');
    if (operand.length === 0 || !(allStrings || allNumbers)) {
      throw new InvalidEventPatternError(
        pointer,
        'anything-but takes a non-empty list of only strings or only numbers',
      );
    }
    return operand.map((value: string | number) => ({ type: 'literal', value }));
  }
  const keys = isJsonObject(operand) ? Object.keys(operand) : [];
  if (!isJsonObject(operand) || keys.length !== 1) {
    throw new InvalidEventPatternError(
      pointer,
      'anything-but takes a value, a list of values or one operator',
    );
  }
  const [key] = keys;
  const inner: unknown = operand[key];
  const at = `${pointer}/${escapePointer(key)}`;
  if (key === 'prefix' || key === 'suffix')
    return [{ type: key, value: readString(inner, at), ignoreCase: false }];
  if (key === 'equals-ignore-case') return readStrings(inner, at).map((value) => ({ type: key, value }));
  if (key === 'wildcard') {
    return readStrings(inner, at).map((text) => ({ type: key, wildcard: parseWildcard(text, at) }));
  }
  throw new InvalidEventPatternError(pointer, `anything-but does not take ${JSON.stringify(key)}`);
}

function readString(operand: unknown, pointer: string): string {
  if (typeof operand !== 'string') throw new InvalidEventPatternError(pointer, 'expected a string');
  return operand;
}

function readStrings(operand: unknown, pointer: string): string[] {
  if (typeof operand === 'string') return [operand];
  if (Array.isArray(operand) && operand.length > 0 && operand.every((value) => typeof value === 'string')) {
    return operand;
  }
  throw new InvalidEventPatternError(pointer, 'expected a string or a non-empty list of strings');
}

export function isLeaf(value: unknown): value is Leaf {
  if (typeof value === 'number') return Number.isFinite(value);
  return value === null || typeof value === 'string' || typeof value === 'boolean';
}

/** RFC 6901: `~` and `/` in a key are escaped in a JSON Pointer. */
export function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
