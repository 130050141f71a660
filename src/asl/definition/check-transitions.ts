/**
 * Transitions of one machine: every Next, Default, Choice-rule Next and Catch Next must name
 * a state of the same machine (a branch or item processor is a machine of its own, so a
 * transition cannot leave it), StartAt must name a state, and every state must be reachable.
 */
import { type Json, type JsonObject, getOwn, isJsonObject } from '../json.js';
import { type Problems, pointer } from '../problems.js';
import type { StateType } from '../types.js';
import { ALLOWED_FIELDS, STATE_TYPES } from './state-fields.js';

interface Edge {
  target: string;
  pointer: string;
  /** False for a state whose Type is unknown: its edges count for reachability only. */
  checked: boolean;
}

export function checkTransitions(
  states: JsonObject,
  machineAt: string,
  startAt: string | undefined,
  problems: Problems,
): void {
  const statesAt = pointer(machineAt, 'States');
  const graph = new Map<string, string[]>();
  for (const name of Object.keys(states)) {
    const state = getOwn(states, name);
    const edges = isJsonObject(state) ? edgesOf(state, pointer(statesAt, name)) : [];
    for (const edge of edges) {
      if (edge.checked && !Object.hasOwn(states, edge.target)) {
        problems.add(
          edge.pointer,
          'MISSING_TRANSITION_TARGET',
          `No state named "${edge.target}" in this machine (a transition cannot leave its branch or item processor)`,
        );
      }
    }
    graph.set(
      name,
      edges.map((edge) => edge.target),
    );
  }
  if (startAt === undefined) return;
  if (!graph.has(startAt)) {
    problems.add(
      pointer(machineAt, 'StartAt'),
      'MISSING_TRANSITION_TARGET',
      `No state named "${startAt}" in this machine`,
    );
    return;
  }
  const reached = reachableFrom(startAt, graph);
  for (const name of graph.keys()) {
    if (!reached.has(name)) {
      problems.add(
        pointer(statesAt, name),
        'UNREACHABLE_STATE',
        `No transition leads to state "${name}" from StartAt`,
      );
    }
  }
}

function reachableFrom(start: string, graph: ReadonlyMap<string, string[]>): Set<string> {
  const reached = new Set([start]);
  const queue = [start];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const target of graph.get(next) ?? []) {
      if (graph.has(target) && !reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  return reached;
}

function edgesOf(state: JsonObject, at: string): Edge[] {
  const typeValue = getOwn(state, 'Type');
  const type = STATE_TYPES.find((candidate) => candidate === typeValue);
  const edges: Edge[] = [];
  const add = (value: Json | undefined, where: string) => {
    // An empty name is already reported as the wrong value by the field's own reader.
    if (typeof value === 'string' && value !== '')
      edges.push({ target: value, pointer: where, checked: type !== undefined });
  };
  if (allows(type, 'Next')) add(getOwn(state, 'Next'), pointer(at, 'Next'));
  if (allows(type, 'Default')) add(getOwn(state, 'Default'), pointer(at, 'Default'));
  for (const list of ['Choices', 'Catch']) {
    const entries = allows(type, list) ? getOwn(state, list) : undefined;
    if (!Array.isArray(entries)) continue;
    for (const [index, entry] of entries.entries()) {
      if (isJsonObject(entry)) add(getOwn(entry, 'Next'), pointer(at, list, index, 'Next'));
    }
  }
  return edges;
}

/** A state of unknown Type may have any of them; that is reported elsewhere. */
function allows(type: StateType | undefined, field: string): boolean {
  return type === undefined || (ALLOWED_FIELDS.get(type)?.has(field) ?? false);
}
