/** The interpreter benchmark's workloads, as ASL definitions built in code. */
import type { Json, JsonObject } from '../src/asl/json.js';

export interface Workload {
  name: string;
  definition: JsonObject;
  input: Json;
}

export function passChain(prefix: string, length: number, end: JsonObject): JsonObject {
  const states: JsonObject = {};
  for (let i = 0; i < length; i++) {
    states[`${prefix}${i}`] = {
      Type: 'Pass',
      Parameters: { 'step.$': '$.step', 'value.$': '$.value', index: i },
      ResultPath: '$.last',
      ...(i === length - 1 ? end : { Next: `${prefix}${i + 1}` }),
    };
  }
  return states;
}

/** A Choice–Pass loop counting to `limit`: about 2 × `limit` transitions. */
export function choiceLoop(limit: number): Workload {
  return {
    name: `Choice loop, ~${(2 * limit).toLocaleString('en')} transitions (States.MathAdd)`,
    definition: {
      StartAt: 'Check',
      States: {
        Check: {
          Type: 'Choice',
          Choices: [{ Variable: '$.count', NumericLessThan: limit, Next: 'Increment' }],
          Default: 'Done',
        },
        Increment: { Type: 'Pass', Parameters: { 'count.$': 'States.MathAdd($.count, 1)' }, Next: 'Check' },
        Done: { Type: 'Succeed' },
      },
    },
    input: { count: 0 },
  };
}

/** An inline Map over `count` items, each iteration three Pass states with intrinsics. */
export function mapOverItems(count: number): Workload {
  return {
    name: `inline Map over ${count.toLocaleString('en')} items × 3 Pass states with intrinsics`,
    definition: {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            StartAt: 'Label',
            States: {
              Label: {
                Type: 'Pass',
                Parameters: { 'label.$': "States.Format('item {}', $.id)", 'id.$': '$.id' },
                Next: 'Hash',
              },
              Hash: {
                Type: 'Pass',
                Parameters: { 'hash.$': "States.Hash($.label, 'SHA-256')", 'id.$': '$.id' },
                Next: 'Sum',
              },
              Sum: { Type: 'Pass', Parameters: { 'next.$': 'States.MathAdd($.id, 1)' }, End: true },
            },
          },
          End: true,
        },
      },
    },
    input: { items: Array.from({ length: count }, (_, id) => ({ id })) },
  };
}

export const workloads: Workload[] = [
  {
    name: 'chain of 1,000 Pass states (Parameters + ResultPath)',
    definition: { StartAt: 'P0', States: passChain('P', 1000, { End: true }) },
    input: { step: 1, value: 'x' },
  },
  choiceLoop(10_000),
  mapOverItems(1000),
  {
    name: 'Parallel of 10 branches × 100 Pass states',
    definition: {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          Branches: Array.from({ length: 10 }, (_, b) => ({
            StartAt: `B${b}S0`,
            States: passChain(`B${b}S`, 100, { End: true }),
          })),
          End: true,
        },
      },
    },
    input: { step: 1, value: 'y' },
  },
];
