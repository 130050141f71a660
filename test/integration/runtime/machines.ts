/**
 * The definitions the invariant tests attack, with their Lambda handlers. Handlers are pure
 * functions of their payload (a retry's attempt number comes in through `$$.State.RetryCount`),
 * so running one again — as at-least-once delivery may — gives the same answer, and any run's
 * history can be compared with a clean run's.
 */
import type { LambdaHandler } from '../../../src/adapters/local/local-task-invoker.js';
import type { Json } from '../../../src/asl/json.js';

const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

class NamedError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export function pureHandlers(): Record<string, LambdaHandler> {
  return {
    /** Busy on attempts 0 and 1, fine from attempt 2. */
    flaky: (event) => {
      const { attempt, n } = event as { attempt: number; n: number };
      if (attempt < 2) throw new NamedError('Busy', `attempt ${attempt}: busy`);
      return { n: n * 2, attempt };
    },
    broken: () => {
      throw new NamedError('Boom', 'always broken');
    },
    square: (event) => {
      const { value } = event as { value: number };
      return { value: value * value };
    },
  };
}

export interface Scenario {
  name: string;
  definition: Record<string, unknown>;
  input: Json;
}

export const passChain: Scenario = {
  name: 'Pass chain',
  input: { n: 41 },
  definition: {
    StartAt: 'A',
    States: {
      A: { Type: 'Pass', Parameters: { 'n.$': '$.n', tag: 'a' }, Next: 'B' },
      B: { Type: 'Pass', Result: { x: 1 }, ResultPath: '$.b', Next: 'C' },
      C: {
        Type: 'Pass',
        Parameters: { 'sum.$': 'States.MathAdd($.n, $.b.x)', 'tag.$': '$.tag' },
        Next: 'D',
      },
      D: { Type: 'Pass', ResultPath: '$.copy', Next: 'E' },
      E: { Type: 'Succeed' },
    },
  },
};

export const choiceLoop: Scenario = {
  name: 'Choice loop',
  input: { limit: 4 },
  definition: {
    StartAt: 'Init',
    States: {
      Init: { Type: 'Pass', Parameters: { i: 0, 'limit.$': '$.limit' }, Next: 'Check' },
      Check: {
        Type: 'Choice',
        Choices: [{ Variable: '$.i', NumericLessThanPath: '$.limit', Next: 'Increment' }],
        Default: 'Done',
      },
      Increment: {
        Type: 'Pass',
        Parameters: { 'i.$': 'States.MathAdd($.i, 1)', 'limit.$': '$.limit' },
        Next: 'Check',
      },
      Done: { Type: 'Pass', Parameters: { 'final.$': '$.i' }, End: true },
    },
  },
};

export const taskRetryCatch: Scenario = {
  name: 'Task with Retry and Catch',
  input: { n: 21 },
  definition: {
    StartAt: 'Flaky',
    States: {
      Flaky: {
        Type: 'Task',
        Resource: fn('flaky'),
        Parameters: { 'attempt.$': '$$.State.RetryCount', 'n.$': '$.n' },
        Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
        ResultPath: '$.flaky',
        Next: 'Broken',
      },
      Broken: {
        Type: 'Task',
        Resource: fn('broken'),
        Retry: [{ ErrorEquals: ['Boom'], IntervalSeconds: 1, MaxAttempts: 1 }],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.caught', Next: 'Recover' }],
        Next: 'Unreached',
      },
      Recover: {
        Type: 'Pass',
        Parameters: { 'flaky.$': '$.flaky', 'error.$': '$.caught.Error' },
        End: true,
      },
      Unreached: { Type: 'Fail', Error: 'Unreached' },
    },
  },
};

/** Waits within SQS's 900 s maximum delay: each timer is one message. */
export const shortWaits: Scenario = {
  name: 'Wait (short)',
  input: { delay: 600, until: '2026-01-01T00:20:00Z' },
  definition: {
    StartAt: 'Short',
    States: {
      Short: { Type: 'Wait', Seconds: 30, Next: 'Middle' },
      Middle: { Type: 'Wait', SecondsPath: '$.delay', Next: 'Until' },
      Until: { Type: 'Wait', TimestampPath: '$.until', Next: 'Done' },
      Done: { Type: 'Pass', Parameters: { 'waitedUntil.$': '$.until' }, End: true },
    },
  },
};

/** Waits past SQS's 900 s maximum delay: each timer hops until it is due. */
export const waits: Scenario = {
  name: 'Wait (long, hopping timers)',
  input: { delay: 2000, until: '2026-01-04T00:00:00Z' },
  definition: {
    StartAt: 'Short',
    States: {
      Short: { Type: 'Wait', Seconds: 30, Next: 'Long' },
      // Longer than SQS's 900 s maximum delay: the timer hops.
      Long: { Type: 'Wait', SecondsPath: '$.delay', Next: 'Until' },
      Until: { Type: 'Wait', TimestampPath: '$.until', Next: 'Done' },
      Done: { Type: 'Pass', Parameters: { 'waitedUntil.$': '$.until' }, End: true },
    },
  },
};

export const parallel: Scenario = {
  name: 'Parallel',
  input: { n: 7 },
  definition: {
    StartAt: 'Fork',
    States: {
      Fork: {
        Type: 'Parallel',
        Branches: [
          {
            StartAt: 'Plain',
            States: { Plain: { Type: 'Pass', Parameters: { branch: 1, 'n.$': '$.n' }, End: true } },
          },
          {
            StartAt: 'Square',
            States: {
              Square: { Type: 'Task', Resource: fn('square'), Parameters: { 'value.$': '$.n' }, End: true },
            },
          },
          {
            StartAt: 'Pause',
            States: {
              Pause: { Type: 'Wait', Seconds: 10, Next: 'Late' },
              Late: { Type: 'Pass', Result: 'waited', End: true },
            },
          },
        ],
        ResultPath: '$.branches',
        Next: 'Join',
      },
      Join: { Type: 'Pass', Parameters: { 'results.$': '$.branches' }, End: true },
    },
  },
};

export const mapWithConcurrency: Scenario = {
  name: 'Map with MaxConcurrency',
  input: { items: [1, 2, 3, 4, 5, 6, 7, 8] },
  definition: {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemsPath: '$.items',
        MaxConcurrency: 3,
        ItemSelector: { 'value.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index' },
        ItemProcessor: {
          StartAt: 'Square',
          States: {
            Square: {
              Type: 'Task',
              Resource: fn('square'),
              Parameters: { 'value.$': '$.value' },
              ResultPath: '$.squared',
              Next: 'Pause',
            },
            Pause: { Type: 'Wait', Seconds: 5, Next: 'Emit' },
            Emit: { Type: 'Pass', Parameters: { 'i.$': '$.index', 'sq.$': '$.squared.value' }, End: true },
          },
        },
        ResultPath: '$.results',
        End: true,
      },
    },
  },
};

/** Map over Parallel over Map, with retries, waits and a caught failure in every iteration. */
export const mapParallelHeavy: Scenario = {
  name: 'Map/Parallel-heavy',
  input: { groups: [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }] },
  definition: {
    StartAt: 'Groups',
    States: {
      Groups: {
        Type: 'Map',
        ItemsPath: '$.groups',
        MaxConcurrency: 2,
        ItemProcessor: {
          StartAt: 'Fork',
          States: {
            Fork: {
              Type: 'Parallel',
              Branches: [
                {
                  StartAt: 'Flaky',
                  States: {
                    Flaky: {
                      Type: 'Task',
                      Resource: fn('flaky'),
                      Parameters: { 'attempt.$': '$$.State.RetryCount', 'n.$': '$.n' },
                      Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 1, MaxAttempts: 3 }],
                      End: true,
                    },
                  },
                },
                {
                  StartAt: 'Inner',
                  States: {
                    Inner: {
                      Type: 'Map',
                      ItemsPath: '$$.Execution.Input.groups',
                      ItemSelector: { 'value.$': '$$.Map.Item.Value.n' },
                      ItemProcessor: {
                        StartAt: 'Pause',
                        States: {
                          Pause: { Type: 'Wait', Seconds: 3, Next: 'Square' },
                          Square: { Type: 'Task', Resource: fn('square'), End: true },
                        },
                      },
                      End: true,
                    },
                  },
                },
                {
                  StartAt: 'Broken',
                  States: {
                    Broken: {
                      Type: 'Task',
                      Resource: fn('broken'),
                      Catch: [{ ErrorEquals: ['Boom'], ResultPath: '$.caught', Next: 'Recovered' }],
                      End: true,
                    },
                    Recovered: { Type: 'Pass', Parameters: { 'error.$': '$.caught.Error' }, End: true },
                  },
                },
              ],
              End: true,
            },
          },
        },
        ResultPath: '$.results',
        End: true,
      },
    },
  },
};

/** Touches every boundary the runtime crashes at: tasks, retries, timers, children, the finish. */
export const kitchenSink: Scenario = {
  name: 'kitchen sink',
  input: { n: 3, items: [1, 2, 3] },
  definition: {
    StartAt: 'Flaky',
    States: {
      Flaky: {
        Type: 'Task',
        Resource: fn('flaky'),
        Parameters: { 'attempt.$': '$$.State.RetryCount', 'n.$': '$.n' },
        Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 1, MaxAttempts: 3 }],
        ResultPath: '$.flaky',
        Next: 'Pause',
      },
      Pause: { Type: 'Wait', Seconds: 5, Next: 'Each' },
      Each: {
        Type: 'Map',
        ItemsPath: '$.items',
        MaxConcurrency: 2,
        ItemSelector: { 'value.$': '$$.Map.Item.Value' },
        ItemProcessor: {
          StartAt: 'Square',
          States: {
            Square: { Type: 'Task', Resource: fn('square'), Next: 'Rest' },
            Rest: { Type: 'Wait', Seconds: 2, End: true },
          },
        },
        ResultPath: '$.squares',
        Next: 'Fork',
      },
      Fork: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'Plain', States: { Plain: { Type: 'Pass', Result: 'plain', End: true } } },
          {
            StartAt: 'Broken',
            States: {
              Broken: {
                Type: 'Task',
                Resource: fn('broken'),
                Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.caught', Next: 'Caught' }],
                End: true,
              },
              Caught: { Type: 'Pass', Parameters: { 'error.$': '$.caught.Error' }, End: true },
            },
          },
        ],
        ResultPath: '$.forked',
        Next: 'Done',
      },
      Done: { Type: 'Succeed' },
    },
  },
};

export const I1_SCENARIOS = [
  passChain,
  choiceLoop,
  taskRetryCatch,
  shortWaits,
  waits,
  parallel,
  mapWithConcurrency,
];
