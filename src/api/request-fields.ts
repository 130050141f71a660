/**
 * Reading a request's members with the checks Step Functions applies: a missing or ill-typed
 * member is a ValidationException naming it, never a crash further down.
 */
import { QuickstepError } from '../runtime/errors.js';

export type RequestBody = { readonly [member: string]: unknown };

export const validation = (message: string) => new QuickstepError('ValidationException', message);

interface Limits {
  min?: number;
  max?: number;
}

/** A member's value; only the body's own members count (never Object.prototype's). */
export function memberOf(body: RequestBody, member: string): unknown {
  return Object.hasOwn(body, member) ? body[member] : undefined;
}

export function optionalString(body: RequestBody, member: string, limits: Limits = {}): string | undefined {
  const value = memberOf(body, member);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validation(`${member} must be a string, got ${typeName(value)}`);
  const { min = 0, max } = limits;
  if (value.length < min)
    throw validation(`${member} must have at least ${min} character${min === 1 ? '' : 's'}`);
  if (max !== undefined && value.length > max)
    throw validation(`${member} must have at most ${max} characters, got ${value.length}`);
  return value;
}

export function requiredString(body: RequestBody, member: string, limits: Limits = {}): string {
  const value = optionalString(body, member, { min: 1, ...limits });
  if (value === undefined) throw validation(`${member} is required`);
  return value;
}

export function optionalInteger(body: RequestBody, member: string, limits: Limits = {}): number | undefined {
  const value = memberOf(body, member);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw validation(`${member} must be an integer, got ${typeName(value)}`);
  const { min, max } = limits;
  if ((min !== undefined && value < min) || (max !== undefined && value > max))
    throw validation(`${member} must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function optionalBoolean(body: RequestBody, member: string): boolean | undefined {
  const value = memberOf(body, member);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw validation(`${member} must be a boolean, got ${typeName(value)}`);
  return value;
}

export function optionalEnum<T extends string>(
  body: RequestBody,
  member: string,
  values: readonly T[],
): T | undefined {
  const value = optionalString(body, member);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value))
    throw validation(`${member} must be one of ${values.join(', ')}, got "${value}"`);
  return value as T;
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
