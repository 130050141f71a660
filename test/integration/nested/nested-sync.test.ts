/**
 * Nested executions on the embedded default: `states:startExecution.sync:2` starts a child
 * with the waiting task as its caller, and the child's end resumes the parent — no polling.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LocalStack } from '../../../src/adapters/local/local-stack.js';

const machine = (name: string) => `arn:aws:states:us-east-1:123456789012:stateMachine:${name}`;

const recursive = {
  StartAt: 'Decide',
  States: {
    Decide: {
      Type: 'Choice',
      Choices: [{ Variable: '$.depth', NumericGreaterThan: 0, Next: 'Recurse' }],
      Default: 'Leaf',
    },
    Recurse: {
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution.sync:2',
      Parameters: {
        StateMachineArn: machine('recursive'),
        Input: { 'depth.$': 'States.MathAdd($.depth, -1)' },
      },
      ResultSelector: { 'child.$': '$.Output' },
      Catch: [{ ErrorEquals: ['States.TaskFailed'], ResultPath: '$.failure', Next: 'ChildFailed' }],
      End: true,
    },
    Leaf: {
      Type: 'Choice',
      Choices: [{ Variable: '$.fail', IsPresent: true, Next: 'Boom' }],
      Default: 'Done',
    },
    Done: { Type: 'Pass', Result: { leaf: true }, End: true },
    Boom: { Type: 'Fail', Error: 'LeafFailed', Cause: 'asked to fail' },
    ChildFailed: { Type: 'Pass', End: true },
  },
};

let stack: LocalStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/** Starts a child that fails, and catches the failure. */
const parentOfFailing = {
  StartAt: 'Run',
  States: {
    Run: {
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution.sync',
      Parameters: { StateMachineArn: machine('recursive'), Input: { depth: 0, fail: true } },
      Catch: [{ ErrorEquals: ['States.TaskFailed'], ResultPath: '$.failure', Next: 'Caught' }],
      End: true,
    },
    Caught: { Type: 'Pass', End: true },
  },
};

async function run(input: object, stateMachine = 'recursive') {
  stack = await LocalStack.start({ fastTime: true });
  await stack.runtime.createStateMachine({ name: 'recursive', definition: JSON.stringify(recursive) });
  await stack.runtime.createStateMachine({ name: 'parent', definition: JSON.stringify(parentOfFailing) });
  const { executionArn } = await stack.runtime.startExecution({ stateMachine, input: JSON.stringify(input) });
  await stack.settle();
  return stack.runtime.describeExecution(executionArn);
}

describe('states:startExecution.sync:2 on the durable runtime', () => {
  it('resumes each parent when its child ends, two levels deep', async () => {
    const parent = await run({ depth: 2 });
    expect(parent.status).toBe('SUCCEEDED');
    expect(parent.snapshot.output).toEqual({ child: { child: { leaf: true } } });
  });

  it('a failed child fails the waiting task with States.TaskFailed and its description as cause', async () => {
    const parent = await run({}, 'parent');
    expect(parent.status).toBe('SUCCEEDED');
    const failure = (parent.snapshot.output as { failure: { Error: string; Cause: string } }).failure;
    expect(failure.Error).toBe('States.TaskFailed');
    expect(JSON.parse(failure.Cause)).toMatchObject({
      Status: 'FAILED',
      Error: 'LeafFailed',
      Cause: 'asked to fail',
    });
  });
});
