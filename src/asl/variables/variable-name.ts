/**
 * Workflow variable names: an identifier (a letter or `_`, then letters, digits or `_`, in
 * any script), at most 80 characters; `states` is reserved for JSONata's `$states`.
 */
export const MAX_VARIABLE_NAME_LENGTH = 80;

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** Why `name` cannot be a variable name, or undefined when it can. */
export function variableNameProblem(name: string): string | undefined {
  if (name === 'states') return 'the variable name "states" is reserved for $states';
  if (name.length > MAX_VARIABLE_NAME_LENGTH) {
    return `the variable name "${name.slice(0, 20)}…" is longer than ${MAX_VARIABLE_NAME_LENGTH} characters`;
  }
  if (!IDENTIFIER.test(name)) {
    return `"${name}" is not a valid variable name (a letter or _ first, then letters, digits or _)`;
  }
  return undefined;
}
