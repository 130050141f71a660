import { StatesError } from '../../asl/errors.js';
import { type Json, isJsonObject } from '../../asl/json.js';
import type { Scope } from '../../asl/scope.js';
import type { Count, MapState } from '../../asl/types.js';
import { applyInputPath } from '../data-flow.js';
import { QueryEvaluationError } from '../../asl/jsonata/query-error.js';
import { newJoin, startJoin } from '../join.js';
import { evaluateJsonata } from '../jsonata-input.js';
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
  const jsonata = state.queryLanguage === 'JSONata';
  const effective = jsonata ? turn.position.input : applyInputPath(state.inputPath, scope);
  const itemScope = withInput(scope, effective);
  const items = await itemsOf(turn, state, itemScope);
  turn.record('MapStateStarted', { length: items.length });
  if (items.length === 0) {
    turn.record('MapStateSucceeded');
    await completeWithResult(turn, state, []);
    return;
  }
  const join = newJoin(items.length, await count(turn, state.maxConcurrency, itemScope, 'MaxConcurrency'), {
    toleratedFailureCount:
      state.toleratedFailureCount &&
      (await count(turn, state.toleratedFailureCount, itemScope, 'ToleratedFailureCount')),
    toleratedFailurePercentage:
      state.toleratedFailurePercentage &&
      (await count(turn, state.toleratedFailurePercentage, itemScope, 'ToleratedFailurePercentage')),
  });
  await startJoin(turn, state, join, itemInputs(turn, state, items));
}

/** Inputs of the Map's iterations, from the state's input (items are recomputed, not stored). */
export async function mapChildInputs(turn: Turn, state: MapState) {
  const scope = stateScope(turn, turn.position.input);
  const effective =
    state.queryLanguage === 'JSONata' ? turn.position.input : applyInputPath(state.inputPath, scope);
  return itemInputs(turn, state, await itemsOf(turn, state, withInput(scope, effective)));
}

function itemInputs(turn: Turn, state: MapState, items: Item[]) {
  return async (index: number) => {
    const item = items[index];
    let input = item.value;
    const mapItem = { index, value: item.value, key: item.key };
    if (state.itemSelectorExpression) {
      input = await evaluateJsonata(turn, state.itemSelectorExpression, 'ItemSelector', turn.position.input, {
        mapItem,
      });
    } else if (state.itemSelector) {
      const scope = stateScope(turn, turn.position.input, {
        mapItem: { index, value: item.value, key: item.key },
      });
      const effective = applyInputPath(state.inputPath, scope);
      input = state.itemSelector.evaluate(withInput(scope, effective));
    }
    return { machineId: state.processor.id, input };
  };
}

async function itemsOf(turn: Turn, state: MapState, scope: Scope): Promise<Item[]> {
  if (state.queryLanguage === 'JSONata') return jsonataItems(turn, state);
  const selected = state.itemsPath.read(scope);
  if (Array.isArray(selected)) return selected.map((value) => ({ value }));
  if (isJsonObject(selected)) return Object.keys(selected).map((key) => ({ key, value: selected[key] }));
  throw new StatesError(
    'States.Runtime',
    `Invalid path '${state.itemsPath.text}' : the ItemsPath must select an array or an object, got ${JSON.stringify(selected) ?? 'nothing'}`,
  );
}

/** JSONata: Items (absent: the state input) must give an array. */
async function jsonataItems(turn: Turn, state: MapState): Promise<Item[]> {
  const input = turn.position.input;
  const items = state.items ? await evaluateJsonata(turn, state.items, 'Items', input) : input;
  if (Array.isArray(items)) return items.map((value) => ({ value }));
  throw new QueryEvaluationError(
    `The Items of a Map state must be an array, got ${JSON.stringify(items)}`,
    'Items',
  );
}

async function count(turn: Turn, spec: Count, scope: Scope, field: string): Promise<number> {
  if ('value' in spec) return spec.value;
  if ('expression' in spec) {
    const value = await evaluateJsonata(turn, spec.expression, field, turn.position.input);
    if (typeof value === 'number' && value >= 0) return value;
    throw new QueryEvaluationError(
      `The JSONata expression specified for the field '${field}' must return a non-negative number, got ${JSON.stringify(value)}`,
      field,
    );
  }
  const value = spec.path.read(scope);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new StatesError(
      'States.Runtime',
      `The ${field}Path '${spec.path.text}' must reference a non-negative integer, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}
