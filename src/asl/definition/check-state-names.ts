/** State names: at most 80 characters, not empty, unique across the whole definition. */
import type { JsonObject } from '../json.js';
import { pointer } from '../problems.js';
import type { ReadContext } from './read-context.js';

export const MAX_STATE_NAME_LENGTH = 80;

export function checkStateNames(states: JsonObject, statesAt: string, context: ReadContext): void {
  const { problems, stateNames } = context;
  for (const name of Object.keys(states)) {
    const at = pointer(statesAt, name);
    // Unicode characters, as the limit is stated, not UTF-16 code units.
    const length = [...name].length;
    if (length === 0) problems.add(at, 'SCHEMA_VALIDATION_FAILED', 'A state name must not be empty');
    if (length > MAX_STATE_NAME_LENGTH) {
      problems.add(
        at,
        'STATE_NAME_TOO_LONG',
        `State name has ${length} characters; the limit is ${MAX_STATE_NAME_LENGTH}`,
      );
    }
    const first = stateNames.get(name);
    if (first === undefined) stateNames.set(name, at);
    else problems.add(at, 'DUPLICATE_STATE_NAME', `State name "${name}" is already used at ${first}`);
  }
}
