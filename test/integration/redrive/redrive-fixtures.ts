/** Definitions and handlers for redrive tests: a switch decides whether a step fails. */
import type { LambdaHandler } from '../../../src/adapters/local/local-task-invoker.js';
import type { Json, JsonObject } from '../../../src/asl/json.js';

const lambda = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

export class Switchboard {
  broken = new Set<string>();
  calls = new Map<string, number>();

  handlers(): Map<string, LambdaHandler> {
    return new Map<string, LambdaHandler>([
      [
        'work',
        (event: Json) => {
          const key = String((event as JsonObject).key);
          this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
          if (this.broken.has(key)) {
            const error = new Error(`${key} is broken`);
            error.name = 'Broken';
            throw error;
          }
          return { done: key };
        },
      ],
    ]);
  }
}

export const taskMachine = {
  StartAt: 'First',
  States: {
    First: {
      Type: 'Task',
      Resource: lambda('work'),
      Parameters: { key: 'first' },
      ResultPath: '$.first',
      Next: 'Second',
    },
    Second: {
      Type: 'Task',
      Resource: lambda('work'),
      Parameters: { key: 'second', 'redrives.$': '$$.Execution.RedriveCount' },
      ResultPath: '$.second',
      End: true,
    },
  },
};

export const mapMachine = {
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      MaxConcurrency: 1,
      ItemProcessor: {
        StartAt: 'Do',
        States: { Do: { Type: 'Task', Resource: lambda('work'), Parameters: { 'key.$': '$' }, End: true } },
      },
      End: true,
    },
  },
};

export const parallelMachine = {
  StartAt: 'Both',
  States: {
    Both: {
      Type: 'Parallel',
      Branches: ['left', 'right'].map((key) => ({
        StartAt: key,
        States: { [key]: { Type: 'Task', Resource: lambda('work'), Parameters: { key }, End: true } },
      })),
      End: true,
    },
  },
};
