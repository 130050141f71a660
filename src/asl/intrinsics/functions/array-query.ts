/** States.ArrayContains, ArrayGetItem, ArrayLength and ArrayUnique: functions that read arrays. */
import type { Json } from '../../json.js';
import { deepEqual } from '../deep-equal.js';
import { ANY, type IntrinsicFunction } from '../function-types.js';
import { truncateToInteger } from '../integer-argument.js';
import { invalidArguments } from '../intrinsic-failure.js';

export const statesArrayContains: IntrinsicFunction = {
  name: 'States.ArrayContains',
  minArgs: 2,
  maxArgs: 2,
  argTypes: [['array'], ANY],
  run: ([array, value]) => (array as readonly Json[]).some((item) => deepEqual(item, value)),
};

export const statesArrayGetItem: IntrinsicFunction = {
  name: 'States.ArrayGetItem',
  minArgs: 2,
  maxArgs: 2,
  argTypes: [['array'], ['number']],
  run: ([array, index], _scope, site) => {
    const items = array as readonly Json[];
    const i = truncateToInteger(index as number);
    if (i < 0 || i >= items.length) {
      throw invalidArguments(site, `index ${index} is out of range for an array of length ${items.length}`);
    }
    return items[i];
  },
};

export const statesArrayLength: IntrinsicFunction = {
  name: 'States.ArrayLength',
  minArgs: 1,
  maxArgs: 1,
  argTypes: [['array']],
  run: ([array]) => (array as readonly Json[]).length,
};

export const statesArrayUnique: IntrinsicFunction = {
  name: 'States.ArrayUnique',
  minArgs: 1,
  maxArgs: 1,
  argTypes: [['array']],
  run: ([array]) => unique(array as readonly Json[]),
};

/** Keeps the first of equal items; scalars are found in a Set, objects and arrays by comparison. */
function unique(items: readonly Json[]): Json[] {
  const seenScalars = new Set<string | number | boolean | null>();
  const keptStructures: Json[] = [];
  const result: Json[] = [];
  for (const item of items) {
    if (item === null || typeof item !== 'object') {
      if (seenScalars.has(item)) continue;
      seenScalars.add(item);
    } else {
      if (keptStructures.some((kept) => deepEqual(kept, item))) continue;
      keptStructures.push(item);
    }
    result.push(item);
  }
  return result;
}
