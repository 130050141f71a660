/** Leaving a state normally: the StateExited event, then the next state or the end. */
import type { Json } from '../asl/json.js';
import type { State, Transition } from '../asl/types.js';
import { succeedExecution } from './finish.js';
import type { Turn } from './turn.js';

export function exitState(turn: Turn, state: State, output: Json, transition: Transition): void {
  turn.record(`${state.type}StateExited`, { name: state.name, output });
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
