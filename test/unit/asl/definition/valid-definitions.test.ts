/**
 * Definitions taken from the AWS Step Functions Developer Guide parse with no problem and
 * give the typed form the engine runs.
 */
import { describe, expect, it } from 'vitest';
import {
  type Definition,
  type MapState,
  type ParallelState,
  type State,
  type TaskState,
  parseDefinition,
} from '../../../../src/asl/index.js';

const scope = { input: { Error: 'E1', Cause: 'C1', a: 1 }, context: {}, random: () => 0.5 };

function parsed(raw: unknown): Definition {
  const result = parseDefinition(raw);
  expect(result.problems).toEqual([]);
  if (!result.definition) throw new Error('expected a definition');
  return result.definition;
}

function stateOf<T extends State>(definition: Definition, machineId: string, name: string): T {
  const state = definition.machines.get(machineId)?.states.get(name);
  if (!state) throw new Error(`no state ${name} in machine "${machineId}"`);
  return state as T;
}

describe('parseDefinition on AWS documentation examples', () => {
  it('reads the Hello World Pass machine with the default paths', () => {
    const raw = {
      Comment: 'A Hello World example of the Amazon States Language using a Pass state',
      StartAt: 'HelloWorld',
      States: { HelloWorld: { Type: 'Pass', Result: 'Hello World!', End: true } },
    };
    const definition = parsed(raw);
    expect(definition.source).toBe(raw);
    expect(definition.root.id).toBe('');
    expect(definition.root.startAt).toBe('HelloWorld');
    expect(definition.root.comment).toBe(raw.Comment);
    expect(definition.root.queryLanguage).toBe('JSONPath');
    expect([...definition.machines.keys()]).toEqual(['']);
    expect(definition.timeoutSeconds).toBeUndefined();
    const state = stateOf(definition, '', 'HelloWorld');
    expect(state).toMatchObject({ type: 'Pass', name: 'HelloWorld', pointer: '/States/HelloWorld' });
    if (state.type !== 'Pass') throw new Error('Pass expected');
    expect(state.transition).toEqual({ end: true });
    expect(state.result).toBe('Hello World!');
    // Defaults are `$`: the whole input in, the result replaces the input.
    expect(state.inputPath?.text).toBe('$');
    expect(state.outputPath?.text).toBe('$');
    expect(state.resultPath?.apply({ a: 1 }, 'r')).toBe('r');
  });

  it('reads a Choice state with Not, And and a Default (state-choice example)', () => {
    const definition = parsed({
      StartAt: 'ChoiceStateX',
      States: {
        ChoiceStateX: {
          Type: 'Choice',
          Choices: [
            { Not: { Variable: '$.type', StringEquals: 'Private' }, Next: 'Public' },
            { Variable: '$.value', NumericEquals: 0, Next: 'ValueIsZero' },
            {
              And: [
                { Variable: '$.value', NumericGreaterThanEquals: 20 },
                { Variable: '$.value', NumericLessThan: 30 },
              ],
              Next: 'ValueInTwenties',
            },
          ],
          Default: 'DefaultState',
        },
        Public: { Type: 'Pass', End: true },
        ValueIsZero: { Type: 'Pass', End: true },
        ValueInTwenties: { Type: 'Pass', End: true },
        DefaultState: { Type: 'Fail', Error: 'DefaultStateError', Cause: 'No Matches!' },
      },
    });
    const choice = stateOf(definition, '', 'ChoiceStateX');
    if (choice.type !== 'Choice') throw new Error('Choice expected');
    expect(choice.choices.map((rule) => rule.next)).toEqual(['Public', 'ValueIsZero', 'ValueInTwenties']);
    expect(choice.default).toBe('DefaultState');
    const twenties = { ...scope, input: { type: 'Private', value: 25 } };
    expect(choice.choices.map((rule) => rule.test(twenties))).toEqual([false, false, true]);
    expect(stateOf(definition, '', 'DefaultState')).toMatchObject({
      type: 'Fail',
      error: 'DefaultStateError',
      cause: 'No Matches!',
    });
  });

  it('reads a Parallel state: each branch is a machine keyed by its pointer', () => {
    const definition = parsed({
      Comment: 'Parallel Example.',
      StartAt: 'LookupCustomerInfo',
      States: {
        LookupCustomerInfo: {
          Type: 'Parallel',
          End: true,
          Branches: [
            {
              StartAt: 'LookupAddress',
              States: {
                LookupAddress: {
                  Type: 'Task',
                  Resource: 'arn:aws:lambda:us-east-1:123456789012:function:AddressFinder',
                  End: true,
                },
              },
            },
            {
              StartAt: 'LookupPhone',
              States: {
                LookupPhone: {
                  Type: 'Task',
                  Resource: 'arn:aws:lambda:us-east-1:123456789012:function:PhoneFinder',
                  End: true,
                },
              },
            },
          ],
        },
      },
    });
    const ids = ['', '/States/LookupCustomerInfo/Branches/0', '/States/LookupCustomerInfo/Branches/1'];
    expect([...definition.machines.keys()].sort()).toEqual(ids);
    const parallel = stateOf<ParallelState>(definition, '', 'LookupCustomerInfo');
    expect(parallel.branches.map((branch) => branch.id)).toEqual(ids.slice(1));
    expect(parallel.branches[1]).toBe(definition.machines.get(ids[2]));
    expect(parallel.retry).toEqual([]);
    expect(parallel.catch).toEqual([]);
    const phone = stateOf<TaskState>(definition, ids[2], 'LookupPhone');
    expect(phone.pointer).toBe('/States/LookupCustomerInfo/Branches/1/States/LookupPhone');
    expect(phone.resource).toBe('arn:aws:lambda:us-east-1:123456789012:function:PhoneFinder');
  });

  it('reads an inline Map with ItemProcessor, ItemsPath and MaxConcurrency', () => {
    const definition = parsed({
      Comment: 'Using Map state in Inline mode',
      StartAt: 'Pass',
      States: {
        Pass: { Type: 'Pass', Next: 'Map demo', Result: { foo: 'bar', colors: ['red', 'green', 'blue'] } },
        'Map demo': {
          Type: 'Map',
          ItemsPath: '$.colors',
          MaxConcurrency: 2,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'Generate UUID',
            States: {
              'Generate UUID': { Type: 'Pass', Parameters: { 'uuid.$': 'States.UUID()' }, End: true },
            },
          },
          End: true,
        },
      },
    });
    expect(stateOf(definition, '', 'Pass').type).toBe('Pass');
    const map = stateOf<MapState>(definition, '', 'Map demo');
    expect(map.transition).toEqual({ end: true });
    expect(map.mode).toBe('INLINE');
    expect(map.maxConcurrency).toEqual({ value: 2 });
    expect(map.itemsPath.read({ ...scope, input: { colors: ['red'] } })).toEqual(['red']);
    expect(map.processor.id).toBe('/States/Map demo/ItemProcessor');
    expect(definition.machines.get('/States/Map demo/ItemProcessor')).toBe(map.processor);
    expect(map.processor.states.get('Generate UUID')?.pointer).toBe(
      '/States/Map demo/ItemProcessor/States/Generate UUID',
    );
  });

  it('reads the legacy Map form: Iterator, Parameters, MaxConcurrency 0', () => {
    const definition = parsed({
      StartAt: 'Validate-All',
      States: {
        'Validate-All': {
          Type: 'Map',
          InputPath: '$.detail',
          ItemsPath: '$.shipped',
          MaxConcurrency: 0,
          Parameters: { 'parcel.$': '$$.Map.Item.Value', 'courier.$': '$.delivery-partner' },
          Iterator: {
            StartAt: 'Validate',
            States: {
              Validate: {
                Type: 'Task',
                Resource: 'arn:aws:lambda:us-east-1:123456789012:function:ship-val',
                End: true,
              },
            },
          },
          ResultPath: '$.detail.shipped',
          End: true,
        },
      },
    });
    const map = stateOf<MapState>(definition, '', 'Validate-All');
    expect(map.processor.id).toBe('/States/Validate-All/Iterator');
    expect([...definition.machines.keys()].sort()).toEqual(['', '/States/Validate-All/Iterator']);
    expect(map.maxConcurrency).toEqual({ value: 0 });
    expect(map.itemSelector).toBeDefined();
    expect(map.inputPath?.text).toBe('$.detail');
    expect(map.resultPath?.text).toBe('$.detail.shipped');
  });

  it('reads a Distributed Map with its tolerated failures and label', () => {
    const definition = parsed({
      StartAt: 'Process',
      States: {
        Process: {
          Type: 'Map',
          Label: 'Process',
          ToleratedFailurePercentage: 5,
          ToleratedFailureCountPath: '$.maxFailures',
          MaxConcurrencyPath: '$.concurrency',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
            StartAt: 'Work',
            States: { Work: { Type: 'Pass', End: true } },
          },
          End: true,
        },
      },
    });
    const map = stateOf<MapState>(definition, '', 'Process');
    expect(map.mode).toBe('DISTRIBUTED');
    expect(map.label).toBe('Process');
    expect(map.toleratedFailurePercentage).toEqual({ value: 5 });
    expect(map.toleratedFailureCount && 'path' in map.toleratedFailureCount).toBe(true);
    expect(map.maxConcurrency && 'path' in map.maxConcurrency && map.maxConcurrency.path.text).toBe(
      '$.concurrency',
    );
    // ItemsPath defaults to the whole input.
    expect(map.itemsPath.read({ ...scope, input: [1, 2] })).toEqual([1, 2]);
  });

  it('reads the Catch example: fallbacks reached only through Catch are reachable', () => {
    const definition = parsed({
      Comment: 'A Catch example of the Amazon States Language using an AWS Lambda function',
      StartAt: 'CreateAccount',
      States: {
        CreateAccount: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:FUNCTION_NAME',
          Retry: [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 3, MaxAttempts: 2, BackoffRate: 1.5 }],
          Catch: [
            { ErrorEquals: ['CustomError'], Next: 'CustomErrorFallback' },
            { ErrorEquals: ['States.TaskFailed'], Next: 'ReservedTypeFallback' },
            { ErrorEquals: ['States.ALL'], Next: 'CatchAllFallback' },
          ],
          End: true,
        },
        CustomErrorFallback: { Type: 'Pass', Result: 'From a custom Lambda function exception', End: true },
        ReservedTypeFallback: { Type: 'Pass', Result: 'From a reserved error code', End: true },
        CatchAllFallback: { Type: 'Pass', Result: 'From any error code', End: true },
      },
    });
    const task = stateOf<TaskState>(definition, '', 'CreateAccount');
    expect(task.catch.map((catcher) => catcher.next)).toEqual([
      'CustomErrorFallback',
      'ReservedTypeFallback',
      'CatchAllFallback',
    ]);
    expect(task.retry).toHaveLength(1);
    expect(task.retry[0]).toMatchObject({
      errorEquals: ['States.Timeout'],
      maxAttempts: 2,
      backoffRate: 1.5,
    });
  });

  it('reads an activity Task with TimeoutSeconds and HeartbeatSeconds, and the top-level TimeoutSeconds', () => {
    const definition = parsed({
      StartAt: 'ActivityState',
      TimeoutSeconds: 3600,
      Version: '1.0',
      States: {
        ActivityState: {
          Type: 'Task',
          Resource: 'arn:aws:states:us-east-1:123456789012:activity:HelloWorld',
          TimeoutSeconds: 300,
          HeartbeatSeconds: 60,
          Next: 'NextState',
        },
        NextState: { Type: 'Succeed' },
      },
    });
    expect(definition.timeoutSeconds).toBe(3600);
    const task = stateOf<TaskState>(definition, '', 'ActivityState');
    expect(task.timeout).toEqual({ seconds: 300 });
    expect(task.heartbeat).toEqual({ seconds: 60 });
    expect(task.transition).toEqual({ next: 'NextState' });
    expect(stateOf(definition, '', 'NextState').type).toBe('Succeed');
  });

  it('reads the four forms of a Wait state', () => {
    const definition = parsed({
      StartAt: 'wait_ten_seconds',
      States: {
        wait_ten_seconds: { Type: 'Wait', Seconds: 10, Next: 'wait_until' },
        wait_until: { Type: 'Wait', Timestamp: '2016-03-14T01:59:00Z', Next: 'wait_seconds_path' },
        wait_seconds_path: { Type: 'Wait', SecondsPath: '$.expiryseconds', Next: 'wait_timestamp_path' },
        wait_timestamp_path: { Type: 'Wait', TimestampPath: '$.expirydate', End: true },
      },
    });
    const duration = (name: string) => {
      const state = stateOf(definition, '', name);
      if (state.type !== 'Wait') throw new Error('Wait expected');
      return state.duration;
    };
    expect(duration('wait_ten_seconds')).toEqual({ kind: 'Seconds', seconds: 10 });
    expect(duration('wait_until')).toEqual({ kind: 'Timestamp', epochMs: Date.UTC(2016, 2, 14, 1, 59, 0) });
    expect(duration('wait_seconds_path')).toMatchObject({
      kind: 'SecondsPath',
      path: { text: '$.expiryseconds' },
    });
    expect(duration('wait_timestamp_path')).toMatchObject({
      kind: 'TimestampPath',
      path: { text: '$.expirydate' },
    });
  });

  it('reads a Fail state whose ErrorPath is a reference path and CausePath an allowed intrinsic', () => {
    const definition = parsed({
      StartAt: 'FailState',
      States: {
        FailState: {
          Type: 'Fail',
          Comment: 'my error comment',
          ErrorPath: '$.Error',
          CausePath:
            "States.Format('This is a custom error message for {}, caused by {}.', $.Error, $.Cause)",
        },
      },
    });
    const fail = stateOf(definition, '', 'FailState');
    if (fail.type !== 'Fail') throw new Error('Fail expected');
    expect(fail.comment).toBe('my error comment');
    expect(fail.errorPath?.(scope)).toBe('E1');
    expect(fail.causePath?.(scope)).toBe('This is a custom error message for E1, caused by C1.');
    expect(fail.error).toBeUndefined();
  });

  it('keeps InputPath, OutputPath and ResultPath null as null', () => {
    const definition = parsed({
      StartAt: 'P',
      States: { P: { Type: 'Pass', InputPath: null, OutputPath: null, ResultPath: null, End: true } },
    });
    expect(stateOf(definition, '', 'P')).toMatchObject({
      inputPath: null,
      outputPath: null,
      resultPath: null,
    });
  });

  it('reads nested machines at any depth: a Map inside a Parallel branch inside a Map', () => {
    const inner = { StartAt: 'Leaf', States: { Leaf: { Type: 'Succeed' } } };
    const branch = {
      StartAt: 'InnerMap',
      States: { InnerMap: { Type: 'Map', ItemProcessor: inner, End: true } },
    };
    const definition = parsed({
      StartAt: 'Outer',
      States: {
        Outer: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'Par',
            States: { Par: { Type: 'Parallel', Branches: [branch], End: true } },
          },
          End: true,
        },
      },
    });
    expect([...definition.machines.keys()].sort()).toEqual([
      '',
      '/States/Outer/ItemProcessor',
      '/States/Outer/ItemProcessor/States/Par/Branches/0',
      '/States/Outer/ItemProcessor/States/Par/Branches/0/States/InnerMap/ItemProcessor',
    ]);
    for (const [id, machine] of definition.machines) expect(machine.id).toBe(id);
  });

  it('treats __proto__ and constructor as plain state names', () => {
    const definition = parsed(
      JSON.parse(
        '{"StartAt":"__proto__","States":{"__proto__":{"Type":"Pass","Next":"constructor"},"constructor":{"Type":"Succeed"}}}',
      ),
    );
    expect([...definition.root.states.keys()]).toEqual(['__proto__', 'constructor']);
    expect(stateOf(definition, '', '__proto__').type).toBe('Pass');
  });
});
