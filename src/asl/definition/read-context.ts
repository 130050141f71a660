/** What every reader of one definition shares. */
import type { Json } from '../json.js';
import type { Problems } from '../problems.js';
import type { QueryLanguage, StateMachine } from '../types.js';
import type { MachineKind } from './state-fields.js';

export interface ReadContext {
  readonly problems: Problems;
  /** Every state name read so far, anywhere in the definition, with its pointer. */
  readonly stateNames: Map<string, string>;
  /** Nested machines (branches, item processors) in the order they were read. */
  readonly nestedMachines: StateMachine[];
  /**
   * Reads a nested machine. Passed in rather than imported so that the Parallel and Map
   * readers do not import the machine reader that imports them (no import cycle).
   */
  readMachine(raw: Json, at: string, kind: MachineKind, inherited: QueryLanguage): StateMachine;
}

/** Stands in for a machine that could not be read; only ever seen alongside a problem. */
export function emptyMachine(id: string, queryLanguage: QueryLanguage): StateMachine {
  return { id, startAt: '', states: new Map(), queryLanguage };
}
