/**
 * Workflow variables: each execution (the top level, a Parallel branch, a Map iteration) has
 * its own scope and sees, read-only, the scopes around it as they were when it started.
 * A state's Assign is evaluated with the values as of the state's entry and applied when it
 * exits; the sizes are bounded as on Step Functions.
 */
import { StatesError, StatesErrorName } from '../asl/errors.js';
import type { Json } from '../asl/json.js';
import type { Scope } from '../asl/scope.js';
import type { Assign } from '../asl/types.js';
import type { JsonataInput } from '../asl/jsonata/expression.js';
import type { Turn } from './turn.js';
import type { Snapshot } from './types.js';

export type Variables = Readonly<Record<string, Json>>;

const EMPTY: Variables = Object.freeze({});
const MAX_ASSIGN_BYTES = 256 * 1024;
const MAX_EXECUTION_BYTES = 10 * 1024 * 1024;

export function visibleVariables(snapshot: Snapshot): Variables {
  const { outerVariables, variables } = snapshot;
  if (!outerVariables) return variables ?? EMPTY;
  if (!variables) return outerVariables;
  return { ...outerVariables, ...variables };
}

/**
 * The values an Assign sets. JSONPath reads `$` from `scope`; JSONata reads `$states` from
 * `input`. Built lazily: only the one the Assign's language needs.
 */
export async function evaluateAssign(
  assign: Assign | undefined,
  scope: () => Scope,
  input: () => JsonataInput,
): Promise<Record<string, Json> | undefined> {
  if (!assign) return undefined;
  const values =
    assign.language === 'JSONata'
      ? await assign.template.evaluate(input(), 'Assign')
      : assign.template.evaluate(scope());
  const assigned = values as Record<string, Json>;
  checkSizes(assigned);
  return assigned;
}

/** Sets the assigned variables in the execution's own scope. */
export function applyAssigned(turn: Turn, assigned: Record<string, Json> | undefined): void {
  if (!assigned || Object.keys(assigned).length === 0) return;
  const variables = { ...turn.snapshot.variables, ...assigned };
  const total = byteLength(variables);
  if (total > MAX_EXECUTION_BYTES) {
    throw new StatesError(
      StatesErrorName.Runtime,
      `The workflow variables of this execution would take ${total} bytes, over the limit of ${MAX_EXECUTION_BYTES}.`,
    );
  }
  turn.snapshot.variables = variables;
}

/** `assignedVariables` of a StateExited event: each value as JSON text, as Step Functions shows it. */
export function assignedVariablesDetail(assigned: Record<string, Json>): Record<string, string> {
  return Object.fromEntries(Object.entries(assigned).map(([name, value]) => [name, JSON.stringify(value)]));
}

function checkSizes(values: Record<string, Json>): void {
  const total = byteLength(values);
  if (total <= MAX_ASSIGN_BYTES) return;
  throw new StatesError(
    StatesErrorName.Runtime,
    `The assigned variables take ${total} bytes, over the limit of ${MAX_ASSIGN_BYTES} for one Assign.`,
  );
}

function byteLength(value: Json): number {
  return Buffer.byteLength(JSON.stringify(value));
}
