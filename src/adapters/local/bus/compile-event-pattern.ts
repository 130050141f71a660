import { isJsonObject, parseJson } from '../../../asl/json.js';
import { type EventPattern, type FieldRule, InvalidEventPatternError } from './pattern-types.js';
import { escapePointer, readAlternative } from './read-alternative.js';

/**
 * Validates an EventBridge event pattern (an object, or its JSON text) and parses it into
 * the tree that match-event-pattern.ts walks. Throws InvalidEventPatternError, naming the
 * offending part with a JSON Pointer. `{}` matches every event: a local convenience for
 * subscribers that want everything.
 */
export function compileEventPattern(pattern: unknown): EventPattern {
  let value = pattern;
  if (typeof pattern === 'string') {
    try {
      value = parseJson(pattern);
    } catch (error) {
      throw new InvalidEventPatternError('', `not JSON: ${(error as Error).message}`);
    }
  }
  if (!isJsonObject(value)) throw new InvalidEventPatternError('', 'a pattern is a JSON object');
  return readPattern(value, '', true);
}

function readPattern(object: Record<string, unknown>, pointer: string, top: boolean): EventPattern {
  const entries = Object.entries(object);
  if (entries.length === 0 && !top)
    throw new InvalidEventPatternError(pointer, 'an empty object matches nothing');
  const pattern: EventPattern = { fields: [], anyOf: [] };
  for (const [key, value] of entries) {
    const at = `${pointer}/${escapePointer(key)}`;
    if (key === '$or') pattern.anyOf.push(readOr(value, at));
    else pattern.fields.push(readField(key, value, at));
  }
  return pattern;
}

function readField(key: string, value: unknown, pointer: string): FieldRule {
  if (Array.isArray(value)) {
    if (value.length === 0) throw new InvalidEventPatternError(pointer, 'an empty list matches nothing');
    const alternatives = value.map((element, i) => readAlternative(element, `${pointer}/${i}`));
    return { key, type: 'leaf', alternatives };
  }
  if (isJsonObject(value)) return { key, type: 'nested', pattern: readPattern(value, pointer, false) };
  throw new InvalidEventPatternError(pointer, 'a field is matched by a list of values or a nested object');
}

function readOr(value: unknown, pointer: string): EventPattern[] {
  if (!Array.isArray(value) || value.length < 2) {
    throw new InvalidEventPatternError(pointer, '$or takes a list of at least two patterns');
  }
  return value.map((element, i) => {
    const at = `${pointer}/${i}`;
    if (!isJsonObject(element)) throw new InvalidEventPatternError(at, 'each $or alternative is an object');
    return readPattern(element, at, false);
  });
}
