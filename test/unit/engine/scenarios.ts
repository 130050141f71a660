/**
 * Small machines that between them visit every phase (entering, task, retrying, waiting,
 * children) and every way to end, with the result each must give. Expected values follow
 * the States Language: ResultPath placement, Parallel results in branch order, Map results
 * in item order, Catch's `{Error, Cause}`, TimeoutSeconds → States.Timeout.
 */
import type { Json } from '../../../src/asl/index.js';
import type { TaskHandler } from './harness.js';

export interface Scenario {
  name: string;
  definition: unknown;
  input: Json;
  tasks: () => Record<string, TaskHandler>;
  expected: { status: string; output?: Json; error?: string; cause?: string };
}

const lambda = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

export const scenarios: Scenario[] = [
  {
    name: 'pipeline: Pass, a Task retried once, Wait, Choice, Succeed',
    definition: {
      StartAt: 'Prepare',
      States: {
        Prepare: { Type: 'Pass', Parameters: { 'order.$': '$.order', step: 'prepared' }, Next: 'Charge' },
        Charge: {
          Type: 'Task',
          Resource: lambda('charge'),
          ResultPath: '$.payment',
          Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 2, MaxAttempts: 2 }],
          Next: 'Cool',
        },
        Cool: { Type: 'Wait', Seconds: 5, Next: 'Route' },
        Route: {
          Type: 'Choice',
          Choices: [{ Variable: '$.payment.charged', BooleanEquals: true, Next: 'Done' }],
          Default: 'Rejected',
        },
        Done: { Type: 'Succeed' },
        Rejected: { Type: 'Fail', Error: 'Rejected', Cause: 'not charged' },
      },
    },
    input: { order: 42 },
    tasks: () => {
      let calls = 0;
      return {
        Charge: (call) => {
          calls += 1;
          if (calls === 1) return { ok: false, error: 'Busy', cause: 'try again' };
          const order = (call.parameters as { order: number }).order;
          return { ok: true, output: { charged: true, amount: order } };
        },
      };
    },
    expected: {
      status: 'SUCCEEDED',
      output: { order: 42, step: 'prepared', payment: { charged: true, amount: 42 } },
    },
  },
  {
    name: 'callback: a .waitForTaskToken task answered through its token',
    definition: {
      StartAt: 'Approve',
      States: {
        Approve: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: {
            FunctionName: 'approver',
            Payload: { 'token.$': '$$.Task.Token', 'amount.$': '$.amount' },
          },
          HeartbeatSeconds: 30,
          TimeoutSeconds: 300,
          ResultPath: '$.approval',
          End: true,
        },
      },
    },
    input: { amount: 10 },
    tasks: () => ({ Approve: () => ({ ok: true, output: { approved: true } }) }),
    expected: { status: 'SUCCEEDED', output: { amount: 10, approval: { approved: true } } },
  },
  {
    name: 'joins: a Parallel, then a Map with MaxConcurrency 2 whose iterations wait',
    definition: {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Left', States: { Left: { Type: 'Pass', Result: 'L', End: true } } },
            { StartAt: 'Right', States: { Right: { Type: 'Task', Resource: lambda('right'), End: true } } },
          ],
          ResultPath: '$.both',
          Next: 'Each',
        },
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 2,
          ItemProcessor: {
            StartAt: 'Pause',
            States: {
              Pause: { Type: 'Wait', SecondsPath: '$.delay', Next: 'Mark' },
              Mark: { Type: 'Pass', Result: true, ResultPath: '$.seen', End: true },
            },
          },
          ResultPath: '$.results',
          End: true,
        },
      },
    },
    input: { items: [{ delay: 3 }, { delay: 1 }, { delay: 2 }] },
    tasks: () => ({ Right: () => ({ ok: true, output: 'R' }) }),
    expected: {
      status: 'SUCCEEDED',
      output: {
        items: [{ delay: 3 }, { delay: 1 }, { delay: 2 }],
        both: ['L', 'R'],
        results: [
          { delay: 3, seen: true },
          { delay: 1, seen: true },
          { delay: 2, seen: true },
        ],
      },
    },
  },
  {
    name: 'catch: a failed Task caught, then a Fail state reading the error',
    definition: {
      StartAt: 'Risky',
      States: {
        Risky: {
          Type: 'Task',
          Resource: lambda('risky'),
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Report' }],
          End: true,
        },
        Report: { Type: 'Fail', ErrorPath: '$.error.Error', CausePath: '$.error.Cause' },
      },
    },
    input: {},
    tasks: () => ({ Risky: () => ({ ok: false, error: 'Exploded', cause: 'boom' }) }),
    expected: { status: 'FAILED', error: 'Exploded', cause: 'boom' },
  },
  {
    name: 'timeout: the execution TimeoutSeconds ends a Map of long waits',
    definition: {
      TimeoutSeconds: 10,
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'Long', States: { Long: { Type: 'Wait', Seconds: 60, End: true } } },
          End: true,
        },
      },
    },
    input: [1, 2],
    tasks: () => ({}),
    expected: { status: 'TIMED_OUT', error: 'States.Timeout' },
  },
  {
    name: 'map: five pure iterations completing together, with ItemSelector and $$.Map.Item',
    definition: {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.xs',
          ItemSelector: { 'x.$': '$$.Map.Item.Value', 'at.$': '$$.Map.Item.Index' },
          ItemProcessor: {
            StartAt: 'Double',
            States: {
              Double: {
                Type: 'Pass',
                Parameters: { 'v.$': 'States.MathAdd($.x, $.x)', 'at.$': '$.at' },
                End: true,
              },
            },
          },
          ResultPath: '$.ys',
          End: true,
        },
      },
    },
    input: { xs: [1, 2, 3, 4, 5] },
    tasks: () => ({}),
    expected: {
      status: 'SUCCEEDED',
      output: {
        xs: [1, 2, 3, 4, 5],
        ys: [
          { v: 2, at: 0 },
          { v: 4, at: 1 },
          { v: 6, at: 2 },
          { v: 8, at: 3 },
          { v: 10, at: 4 },
        ],
      },
    },
  },
  {
    name: 'failing map: one iteration fails, its waiting siblings are stopped, Catch takes over',
    definition: {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            StartAt: 'Check',
            States: {
              Check: {
                Type: 'Choice',
                Choices: [{ Variable: '$.bad', BooleanEquals: true, Next: 'Broken' }],
                Default: 'Slow',
              },
              Broken: { Type: 'Fail', Error: 'Item.Bad', Cause: 'bad item' },
              Slow: { Type: 'Wait', Seconds: 10, End: true },
            },
          },
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'Report' }],
          End: true,
        },
        Report: { Type: 'Pass', End: true },
      },
    },
    input: { items: [{ bad: false }, { bad: true }, { bad: false }] },
    tasks: () => ({}),
    expected: {
      status: 'SUCCEEDED',
      output: {
        items: [{ bad: false }, { bad: true }, { bad: false }],
        failure: { Error: 'Item.Bad', Cause: 'bad item' },
      },
    },
  },
  {
    name: 'nested: a Map (MaxConcurrency 2) whose iterations run a Parallel with a Task',
    definition: {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          MaxConcurrency: 2,
          ItemProcessor: {
            StartAt: 'Fork',
            States: {
              Fork: {
                Type: 'Parallel',
                Branches: [
                  { StartAt: 'T', States: { T: { Type: 'Task', Resource: lambda('t'), End: true } } },
                  { StartAt: 'P', States: { P: { Type: 'Pass', Result: 'p', End: true } } },
                ],
                End: true,
              },
            },
          },
          End: true,
        },
      },
    },
    input: [1, 2, 3],
    tasks: () => ({ T: (call) => ({ ok: true, output: (call.parameters as number) * 10 }) }),
    expected: {
      status: 'SUCCEEDED',
      output: [
        [10, 'p'],
        [20, 'p'],
        [30, 'p'],
      ],
    },
  },
];
