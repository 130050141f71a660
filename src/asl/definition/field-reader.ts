/**
 * Reads typed fields of one JSON object of the definition (a state, a machine, a config)
 * and records a problem, at the field's pointer, for each value of the wrong type or range.
 * Every read returns `undefined` when the field is absent or invalid; nothing throws.
 */
import { type Json, type JsonObject, getOwn, isJsonObject } from '../json.js';
import { type Problems, pointer } from '../problems.js';

export interface IntegerRange {
  min: number;
  max?: number;
}

export class FieldReader {
  constructor(
    readonly json: JsonObject,
    readonly at: string,
    readonly problems: Problems,
  ) {}

  has(key: string): boolean {
    return Object.hasOwn(this.json, key);
  }

  raw(key: string): Json | undefined {
    return getOwn(this.json, key);
  }

  pointer(key: string): string {
    return pointer(this.at, key);
  }

  /** Records SCHEMA_VALIDATION_FAILED at `key`, naming what was expected. */
  invalid(key: string, expected: string): undefined {
    this.problems.add(this.pointer(key), 'SCHEMA_VALIDATION_FAILED', `${key} must be ${expected}`);
    return undefined;
  }

  /** Records MISSING_FIELD when `key` is absent; true when it is present. */
  require(key: string, where: string): boolean {
    if (this.has(key)) return true;
    this.problems.add(this.pointer(key), 'MISSING_FIELD', `${where} requires the field ${key}`);
    return false;
  }

  string(key: string, options: { nonEmpty?: boolean } = {}): string | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return this.invalid(key, 'a string');
    if (options.nonEmpty && value.length === 0) return this.invalid(key, 'a non-empty string');
    return value;
  }

  boolean(key: string): boolean | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    return typeof value === 'boolean' ? value : this.invalid(key, 'a boolean');
  }

  integer(key: string, range: IntegerRange): number | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    const bounds = range.max === undefined ? `at least ${range.min}` : `from ${range.min} to ${range.max}`;
    if (typeof value !== 'number' || !Number.isInteger(value))
      return this.invalid(key, `an integer ${bounds}`);
    if (value < range.min || (range.max !== undefined && value > range.max)) {
      return this.invalid(key, `an integer ${bounds}`);
    }
    return value;
  }

  number(key: string, min: number, max: number): number | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || value < min || value > max) {
      return this.invalid(key, `a number from ${min} to ${max}`);
    }
    return value;
  }

  object(key: string): JsonObject | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    return isJsonObject(value) ? value : this.invalid(key, 'an object');
  }

  /** A non-empty array. */
  array(key: string): Json[] | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return this.invalid(key, 'an array');
    return value.length > 0 ? value : this.invalid(key, 'a non-empty array');
  }

  /** One of a fixed set of strings. */
  oneOf<T extends string>(key: string, values: readonly T[]): T | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    const found = values.find((candidate) => candidate === value);
    return found ?? this.invalid(key, `one of ${values.join(', ')}`);
  }

  /** True (and SCHEMA_VALIDATION_FAILED at `second`) when both fields of a pair are present. */
  conflict(first: string, second: string): boolean {
    if (!this.has(first) || !this.has(second)) return false;
    this.problems.add(
      this.pointer(second),
      'SCHEMA_VALIDATION_FAILED',
      `${first} and ${second} cannot both be set`,
    );
    return true;
  }
}
