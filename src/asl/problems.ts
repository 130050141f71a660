/**
 * Validation problems, reported the way ValidateStateMachineDefinition does: every problem at
 * once, each with a JSON Pointer (RFC 6901) to the offending field and a stable code.
 */
export type ProblemCode =
  | 'INVALID_JSON' // the text is neither JSON nor YAML, or not an object
  | 'SCHEMA_VALIDATION_FAILED' // a value of the wrong type or out of range
  | 'MISSING_FIELD' // a required field is absent
  | 'UNKNOWN_FIELD' // not a field of the States Language at all
  | 'FORBIDDEN_FIELD' // a States Language field that this state type or query language does not allow
  | 'MISSING_TRANSITION_TARGET' // Next, Default, StartAt or a Catch target names no state
  | 'UNREACHABLE_STATE' // no transition leads to the state
  | 'DUPLICATE_STATE_NAME' // a state name used twice in the machine, branches included
  | 'STATE_NAME_TOO_LONG' // over 80 characters
  | 'NEXT_AND_END' // both Next and End
  | 'NO_TRANSITION' // neither Next nor End on a state that needs one
  | 'STATES_ALL_NOT_LAST' // States.ALL not alone in its ErrorEquals, or its retrier/catcher not last
  | 'INVALID_ERROR_NAME' // a custom error name that starts with "States." but is not one
  | 'INVALID_PATH' // a JSONPath that does not parse
  | 'INVALID_REFERENCE_PATH' // a path that must be a Reference Path and is not
  | 'INVALID_INTRINSIC' // an intrinsic function call that does not parse or misuses a signature
  | 'INVALID_TIMESTAMP' // not an RFC 3339 timestamp
  | 'INVALID_CHOICE_RULE' // a Choice rule with no or several comparison operators, or a misplaced Next
  | 'WAIT_DURATION' // a Wait state with other than exactly one of Seconds, Timestamp, SecondsPath, TimestampPath
  | 'INVALID_JSONATA' // a JSONata expression that does not parse, or uses $eval
  | 'INVALID_VARIABLE' // a variable name that is not allowed, or an assignment to an outer scope's variable
  | 'UNSUPPORTED_FEATURE'; // valid ASL that Quickstep does not run yet (for example QueryLanguage JSONata)

export interface Problem {
  /** JSON Pointer to the offending field, e.g. `/States/Check/Choices/0/Next`. */
  path: string;
  code: ProblemCode;
  message: string;
}

/** Collects problems while a definition is read; nothing throws. */
export class Problems {
  readonly list: Problem[] = [];

  add(path: string, code: ProblemCode, message: string): void {
    this.list.push({ path, code, message });
  }

  get count(): number {
    return this.list.length;
  }
}

/** Appends segments to a JSON Pointer, escaping `~` and `/` as RFC 6901 requires. */
export function pointer(base: string, ...segments: (string | number)[]): string {
  let out = base;
  for (const segment of segments) out += `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return out;
}
