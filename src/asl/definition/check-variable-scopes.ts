/**
 * The scope rules of workflow variables: a Parallel branch or a Map iteration reads the
 * variables of the scopes around it but may not assign (or so shadow) any name those scopes
 * assign. A state's catchers assign in the state's own scope, like the state itself.
 */
import { type Problems, pointer } from '../problems.js';
import type { Assign, State, StateMachine } from '../types.js';

export function checkVariableScopes(root: StateMachine, problems: Problems): void {
  checkMachine(root, new Set(), problems);
}

function checkMachine(machine: StateMachine, outer: ReadonlySet<string>, problems: Problems): void {
  const own = new Set<string>();
  for (const state of machine.states.values()) {
    for (const assign of assignsOf(state)) {
      assign.names.forEach((name, index) => {
        if (outer.has(name)) {
          problems.add(
            pointer(assign.pointer, assign.keys[index]),
            'INVALID_VARIABLE',
            `"${name}" is assigned by an enclosing scope; a Parallel branch or Map iteration cannot assign it`,
          );
        }
        own.add(name);
      });
    }
  }
  const visible = new Set([...outer, ...own]);
  for (const state of machine.states.values()) {
    if (state.type === 'Parallel')
      for (const branch of state.branches) checkMachine(branch, visible, problems);
    if (state.type === 'Map') checkMachine(state.processor, visible, problems);
  }
}

/** The Assign fields of a state: its own, its Choice rules' and its catchers'. */
function assignsOf(state: State): Assign[] {
  const found: (Assign | undefined)[] = [state.assign];
  if (state.type === 'Choice') {
    found.push(...state.choices.map((rule) => rule.assign), ...state.conditions.map((rule) => rule.assign));
  }
  if (state.type === 'Task' || state.type === 'Parallel' || state.type === 'Map') {
    found.push(...state.catch.map((catcher) => catcher.assign));
  }
  return found.filter((assign): assign is Assign => assign !== undefined);
}
