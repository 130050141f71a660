/**
 * `parseDefinition`: raw ASL (an already parsed value) → the typed Definition, with every
 * problem at once, in the manner of Step Functions' ValidateStateMachineDefinition.
 * Never throws, whatever the input.
 */
import { type Json, isJsonObject } from '../json.js';
import { type Problem, Problems } from '../problems.js';
import type { Definition, StateMachine } from '../types.js';
import { checkVariableScopes } from './check-variable-scopes.js';
import { FieldReader } from './field-reader.js';
import { findNonJson } from './json-value.js';
import type { ReadContext } from './read-context.js';
import { readMachine } from './read-machine.js';
import { MAX_SECONDS } from './state-fields.js';

export interface ParseResult {
  /** Present only when there are no problems. */
  definition?: Definition;
  problems: Problem[];
}

export function parseDefinition(raw: unknown): ParseResult {
  const problems = new Problems();
  const notJson = findNonJson(raw);
  if (notJson !== undefined) {
    problems.add(notJson.path, 'INVALID_JSON', notJson.message);
    return { problems: problems.list };
  }
  const source = raw as Json;
  if (!isJsonObject(source)) {
    problems.add('', 'INVALID_JSON', 'A definition must be a JSON object');
    return { problems: problems.list };
  }
  const context = createContext(problems);
  const root = context.readMachine(source, '', 'root', 'JSONPath');
  const fields = new FieldReader(source, '', problems);
  fields.string('Version');
  const timeoutSeconds = fields.integer('TimeoutSeconds', { min: 1, max: MAX_SECONDS });
  checkVariableScopes(root, problems);
  if (problems.count > 0) return { problems: problems.list };
  const machines = new Map<string, StateMachine>([['', root]]);
  for (const machine of context.nestedMachines) machines.set(machine.id, machine);
  const definition: Definition = { root, machines, source };
  if (timeoutSeconds !== undefined) definition.timeoutSeconds = timeoutSeconds;
  return { definition, problems: [] };
}

function createContext(problems: Problems): ReadContext {
  const context: ReadContext = {
    problems,
    stateNames: new Map(),
    nestedMachines: [],
    readMachine: (raw, at, kind, inherited) => readMachine(raw, at, kind, inherited, context),
  };
  return context;
}
