/** States.MathRandom and States.MathAdd. */
import type { IntrinsicFunction } from '../function-types.js';
import { roundHalfUp, truncateToInteger } from '../integer-argument.js';
import { invalidArguments } from '../intrinsic-failure.js';
import { JavaRandom } from '../java-random.js';

const MAX_INT_BOUND = 0x7fffffff;

/** An integer n with start ≤ n < end; a seed makes the draw reproducible. */
export const statesMathRandom: IntrinsicFunction = {
  name: 'States.MathRandom',
  minArgs: 2,
  maxArgs: 3,
  argTypes: [['number'], ['number'], ['number']],
  run: (args, scope, site) => {
    const start = truncateToInteger(args[0] as number);
    const end = truncateToInteger(args[1] as number);
    if (start >= end) {
      throw invalidArguments(site, `the start (${start}) must be less than the end (${end})`);
    }
    const span = end - start;
    if (args.length < 3) return start + Math.floor(scope.random() * span);
    const generator = new JavaRandom(args[2] as number);
    const offset =
      span <= MAX_INT_BOUND ? generator.nextIntBelow(span) : Math.floor(generator.nextDouble() * span);
    return start + offset;
  },
};

export const statesMathAdd: IntrinsicFunction = {
  name: 'States.MathAdd',
  minArgs: 2,
  maxArgs: 2,
  argTypes: [['number'], ['number']],
  run: ([a, b]) => roundHalfUp(a as number) + roundHalfUp(b as number),
};
