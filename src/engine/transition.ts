/** Leaving a state normally: the StateExited event, then the next state or the end. */
import type { Json } from '../asl/json.js';
import type { State, Transition } from '../asl/types.js';
import { succeedExecution } from './finish.js';
import type { Turn } from './turn.js';
import { applyAssigned, assignedVariablesDetail } from './variables.js';

export function exitedDetails(name: string, output: Json, assigned?: Record<string, Json>) {
  if (!assigned) return { name, output };
  return {
    name,
    output,
    assignedVariables: assignedVariablesDetail(assigned),
    assignedVariablesDetails: { truncated: false },
  };
}

/** `assigned`: the variables the state's Assign set, evaluated before; they apply from here on. */
export function exitState(
  turn: Turn,
  state: State,
  output: Json,
  transition: Transition,
  assigned?: Record<string, Json>,
): void {
  applyAssigned(turn, assigned);
  turn.record(`${state.type}StateExited`, exitedDetails(state.name, output, assigned));
  if ('next' in transition) goTo(turn, transition.next, output);
  else succeedExecution(turn, output);
}

/** Positions the execution before `stateName`; the next Advance message enters it. */
export function goTo(turn: Turn, stateName: string, input: Json): void {
  turn.setPosition({
    state: stateName,
    input,
    enteredTime: turn.now,
    retryCounts: [],
    phase: { kind: 'entering' },
  });
  turn.effect({ type: 'Continue' });
}
