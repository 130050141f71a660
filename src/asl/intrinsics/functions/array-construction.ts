/** States.Array, States.ArrayPartition and States.ArrayRange: functions that build arrays. */
import type { Json } from '../../json.js';
import { ANY, type IntrinsicFunction } from '../function-types.js';
import { truncateToInteger } from '../integer-argument.js';
import { invalidArguments } from '../intrinsic-failure.js';

/** ArrayRange's documented limit on the size of the array it builds. */
export const MAX_RANGE_ITEMS = 1000;

export const statesArray: IntrinsicFunction = {
  name: 'States.Array',
  minArgs: 0,
  maxArgs: Number.POSITIVE_INFINITY,
  argTypes: [ANY],
  run: (args) => args.slice(),
};

export const statesArrayPartition: IntrinsicFunction = {
  name: 'States.ArrayPartition',
  minArgs: 2,
  maxArgs: 2,
  argTypes: [['array'], ['number']],
  run: ([array, size], _scope, site) => {
    const chunk = truncateToInteger(size as number);
    if (chunk < 1)
      throw invalidArguments(site, `the chunk size must be a positive integer, but it is ${size}`);
    const items = array as readonly Json[];
    const chunks: Json[] = [];
    for (let i = 0; i < items.length; i += chunk) chunks.push(items.slice(i, i + chunk));
    return chunks;
  },
};

export const statesArrayRange: IntrinsicFunction = {
  name: 'States.ArrayRange',
  minArgs: 3,
  maxArgs: 3,
  argTypes: [['number'], ['number'], ['number']],
  run: (args, _scope, site) => {
    const [start, end, step] = (args as readonly number[]).map(truncateToInteger);
    if (step === 0) throw invalidArguments(site, 'the step must not be 0');
    const span = (end - start) / step;
    const count = span < 0 ? 0 : Math.floor(span) + 1;
    if (count > MAX_RANGE_ITEMS) {
      throw invalidArguments(
        site,
        `the range has ${count} items, but at most ${MAX_RANGE_ITEMS} are allowed`,
      );
    }
    const range: number[] = new Array(count);
    for (let i = 0; i < count; i++) range[i] = start + i * step;
    return range;
  },
};
