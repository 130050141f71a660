import { StatesError } from '../../asl/errors.js';
import { type Json, isJsonObject } from '../../asl/json.js';
import type { Scope } from '../../asl/scope.js';
import type { Count, MapState } from '../../asl/types.js';
import { applyInputPath } from '../data-flow.js';
import { newJoin, startJoin } from '../join.js';
import { stateScope, withInput } from '../scope.js';
import type { Turn } from '../turn.js';
import { completeWithResult } from './complete-with-result.js';

interface Item {
  value: Json;
  key?: string;
}

/** Map: one child execution per item, at most MaxConcurrency at a time. */
export async function runMap(turn: Turn, state: MapState): Promise<void> {
  const scope = stateScope(turn, turn.position.input);
  const effective = applyInputPath(state.inputPath, scope);
  const itemScope = withInput(scope, effective);
  const items = itemsOf(state, itemScope);
  turn.record('MapStateStarted', { length: items.length });
  if (items.length === 0) {
    turn.record('MapStateSucceeded');
    await completeWithResult(turn, state, []);
    return;
  }
  const join = newJoin(items.length, count(state.maxConcurrency, itemScope, 'MaxConcurrencyPath'), {
    toleratedFailureCount:
      state.toleratedFailureCount &&
      count(state.toleratedFailureCount, itemScope, 'ToleratedFailureCountPath'),
    toleratedFailurePercentage:
      state.toleratedFailurePercentage &&
      count(state.toleratedFailurePercentage, itemScope, 'ToleratedFailurePercentagePath'),
  });
  await startJoin(turn, state, join, itemInputs(turn, state, items));
}

/** Inputs of the Map's iterations, from the state's input (items are recomputed, not stored). */
export function mapChildInputs(turn: Turn, state: MapState) {
  const scope = stateScope(turn, turn.position.input);
  return itemInputs(turn, state, itemsOf(state, withInput(scope, applyInputPath(state.inputPath, scope))));
}

function itemInputs(turn: Turn, state: MapState, items: Item[]) {
  return (index: number) => {
    const item = items[index];
    let input = item.value;
    if (state.itemSelector) {
      const scope = stateScope(turn, turn.position.input, {
        mapItem: { index, value: item.value, key: item.key },
      });
      const effective = applyInputPath(state.inputPath, scope);
      input = state.itemSelector.evaluate(withInput(scope, effective));
    }
    return { machineId: state.processor.id, input };
  };
}

function itemsOf(state: MapState, scope: Scope): Item[] {
  const selected = state.itemsPath.read(scope);
  if (Array.isArray(selected)) return selected.map((value) => ({ value }));
  if (isJsonObject(selected)) return Object.keys(selected).map((key) => ({ key, value: selected[key] }));
  throw new StatesError(
    'States.Runtime',
    `Invalid path '${state.itemsPath.text}' : the ItemsPath must select an array or an object, got ${JSON.stringify(selected) ?? 'nothing'}`,
  );
}

function count(spec: Count, scope: Scope, field: string): number {
  if ('value' in spec) return spec.value;
  const value = spec.path.read(scope);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new StatesError(
      'States.Runtime',
      `The ${field} '${spec.path.text}' must reference a non-negative integer, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}
