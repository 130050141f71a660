/**
 * `ErrorEquals` of a retrier or catcher: a non-empty array of error names. Names that start
 * with `States.` must be predefined ones; `States.ALL` must be alone in its array, and its
 * retrier or catcher must be the last of the array it belongs to.
 */
import { StatesErrorName, isPredefinedErrorName } from '../errors.js';
import { type JsonObject, getOwn } from '../json.js';
import { type Problems, pointer } from '../problems.js';

/** Reads and checks `entry.ErrorEquals`; undefined when it has a problem. */
export function readErrorEquals(entry: JsonObject, at: string, problems: Problems): string[] | undefined {
  const listAt = pointer(at, 'ErrorEquals');
  const list = getOwn(entry, 'ErrorEquals');
  if (list === undefined) {
    problems.add(listAt, 'MISSING_FIELD', 'A retrier or catcher requires the field ErrorEquals');
    return undefined;
  }
  if (!Array.isArray(list) || list.length === 0) {
    problems.add(listAt, 'SCHEMA_VALIDATION_FAILED', 'ErrorEquals must be a non-empty array of error names');
    return undefined;
  }
  const before = problems.count;
  const names: string[] = [];
  for (let index = 0; index < list.length; index++) {
    const name = checkName(list[index], pointer(listAt, index), list.length, problems);
    if (name !== undefined) names.push(name);
  }
  return problems.count > before ? undefined : names;
}

function checkName(name: unknown, at: string, count: number, problems: Problems): string | undefined {
  if (typeof name !== 'string') {
    problems.add(at, 'SCHEMA_VALIDATION_FAILED', 'An error name must be a string');
  } else if (name.startsWith('States.') && !isPredefinedErrorName(name)) {
    problems.add(
      at,
      'INVALID_ERROR_NAME',
      `"${name}" is not a predefined error; custom names cannot start with "States."`,
    );
  } else if (name === StatesErrorName.ALL && count > 1) {
    problems.add(at, 'STATES_ALL_NOT_LAST', 'States.ALL must appear alone in its ErrorEquals array');
  } else {
    return name;
  }
  return undefined;
}

/** Reports `States.ALL` in any retrier or catcher but the last of its array. */
export function checkStatesAllLast(
  lists: readonly (string[] | undefined)[],
  at: string,
  problems: Problems,
): void {
  for (let index = 0; index < lists.length - 1; index++) {
    const position = lists[index]?.indexOf(StatesErrorName.ALL) ?? -1;
    if (position < 0) continue;
    problems.add(
      pointer(at, index, 'ErrorEquals', position),
      'STATES_ALL_NOT_LAST',
      'A retrier or catcher with States.ALL must be the last one',
    );
  }
}
