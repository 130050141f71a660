/**
 * Problems of each state type: one invalid state per row, with the exact code and JSON
 * Pointer of every problem it has. The state under test is `S`; `Done` is a Succeed state.
 */
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../../../src/asl/index.js';
import { summary, withState } from './helpers.js';

type Row = [string, unknown, string[]];

const S = '/States/S';
const TASK = { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', Next: 'Done' };
const PROCESSOR = { StartAt: 'I', States: { I: { Type: 'Succeed' } } };
const MAP = { Type: 'Map', ItemProcessor: PROCESSOR, Next: 'Done' };
const BRANCH = { StartAt: 'B', States: { B: { Type: 'Succeed' } } };

function check(rows: Row[]) {
  it.each(rows)('%s', (_name, state, expected) => {
    const result = parseDefinition(withState(state));
    expect(summary(result)).toEqual([...expected].sort());
    expect(result.definition).toBeUndefined();
  });
}

describe('problems common to all states', () => {
  check([
    [
      'a state that is not an object',
      'Pass',
      [`SCHEMA_VALIDATION_FAILED ${S}`, 'UNREACHABLE_STATE /States/Done'],
    ],
    ['Type missing', { Next: 'Done' }, [`MISSING_FIELD ${S}/Type`]],
    ['Type unknown', { Type: 'Lambda', Next: 'Done' }, [`SCHEMA_VALIDATION_FAILED ${S}/Type`]],
    ['Type not a string', { Type: 3, Next: 'Done' }, [`SCHEMA_VALIDATION_FAILED ${S}/Type`]],
    [
      'Type an Object.prototype key',
      { Type: 'constructor', Next: 'Done' },
      [`SCHEMA_VALIDATION_FAILED ${S}/Type`],
    ],
    ['an unknown field', { Type: 'Pass', Next: 'Done', Foo: 1 }, [`UNKNOWN_FIELD ${S}/Foo`]],
    [
      'an unknown field with an unknown Type',
      { Type: 'X', Next: 'Done', Foo: 1 },
      [`SCHEMA_VALIDATION_FAILED ${S}/Type`, `UNKNOWN_FIELD ${S}/Foo`],
    ],
    ['toString as a field', { Type: 'Pass', Next: 'Done', toString: 1 }, [`UNKNOWN_FIELD ${S}/toString`]],
    [
      'Comment not a string',
      { Type: 'Pass', Next: 'Done', Comment: [] },
      [`SCHEMA_VALIDATION_FAILED ${S}/Comment`],
    ],
    [
      'a JSONPath field in a JSONata state',
      { Type: 'Pass', Next: 'Done', QueryLanguage: 'JSONata', InputPath: '$' },
      [`FORBIDDEN_FIELD ${S}/InputPath`],
    ],
    [
      'QueryLanguage not a language',
      { Type: 'Pass', Next: 'Done', QueryLanguage: 1 },
      [`SCHEMA_VALIDATION_FAILED ${S}/QueryLanguage`],
    ],
    [
      'InputPath not a string',
      { Type: 'Pass', Next: 'Done', InputPath: 5 },
      [`SCHEMA_VALIDATION_FAILED ${S}/InputPath`],
    ],
    [
      'InputPath not a path',
      { Type: 'Pass', Next: 'Done', InputPath: 'input' },
      [`INVALID_PATH ${S}/InputPath`],
    ],
    [
      'OutputPath not a path',
      { Type: 'Pass', Next: 'Done', OutputPath: '$.a[' },
      [`INVALID_PATH ${S}/OutputPath`],
    ],
    [
      'Next not a string',
      { Type: 'Pass', Next: 7 },
      [`SCHEMA_VALIDATION_FAILED ${S}/Next`, 'UNREACHABLE_STATE /States/Done'],
    ],
    [
      'Next empty',
      { Type: 'Pass', Next: '' },
      [`SCHEMA_VALIDATION_FAILED ${S}/Next`, 'UNREACHABLE_STATE /States/Done'],
    ],
    [
      'End false',
      { Type: 'Pass', End: false },
      [`SCHEMA_VALIDATION_FAILED ${S}/End`, 'UNREACHABLE_STATE /States/Done'],
    ],
    [
      'End not a boolean',
      { Type: 'Pass', End: 'yes' },
      [`SCHEMA_VALIDATION_FAILED ${S}/End`, 'UNREACHABLE_STATE /States/Done'],
    ],
    ['both Next and End', { Type: 'Pass', Next: 'Done', End: true }, [`NEXT_AND_END ${S}`]],
    [
      'neither Next nor End',
      { Type: 'Task', Resource: TASK.Resource },
      [`NO_TRANSITION ${S}`, 'UNREACHABLE_STATE /States/Done'],
    ],
    [
      'Next naming no state',
      { Type: 'Pass', Next: 'Nowhere' },
      [`MISSING_TRANSITION_TARGET ${S}/Next`, 'UNREACHABLE_STATE /States/Done'],
    ],
    [
      'Next naming a state in another case',
      { Type: 'Pass', Next: 'done' },
      [`MISSING_TRANSITION_TARGET ${S}/Next`, 'UNREACHABLE_STATE /States/Done'],
    ],
    [
      'Arguments on a Pass state',
      { Type: 'Pass', Next: 'Done', QueryLanguage: 'JSONata', Arguments: {} },
      [`FORBIDDEN_FIELD ${S}/Arguments`],
    ],
    [
      'Output in a JSONPath state',
      { Type: 'Succeed', Output: {} },
      [`FORBIDDEN_FIELD ${S}/Output`, 'UNREACHABLE_STATE /States/Done'],
    ],
    [
      'Assign with an invalid variable name',
      { Type: 'Pass', Next: 'Done', Assign: { '1x': 1 } },
      [`INVALID_VARIABLE ${S}/Assign/1x`],
    ],
    ['Items in a JSONPath Map', { ...MAP, Items: [1] }, [`FORBIDDEN_FIELD ${S}/Items`]],
  ]);

  it('names the query language that forbids a field', () => {
    const [problem] = parseDefinition(withState({ Type: 'Pass', Next: 'Done', Output: {} })).problems;
    expect(problem.message).toBe('Output is not allowed in a JSONPath state');
  });

  it('names the state type when a field is forbidden', () => {
    const [problem] = parseDefinition(withState({ Type: 'Pass', Next: 'Done', Resource: 'arn:x' })).problems;
    expect(problem).toMatchObject({ code: 'FORBIDDEN_FIELD', path: `${S}/Resource` });
    expect(problem.message).toContain('Pass');
  });
});

describe('Pass', () => {
  check([
    ['Retry', { Type: 'Pass', Next: 'Done', Retry: [] }, [`FORBIDDEN_FIELD ${S}/Retry`]],
    ['Catch', { Type: 'Pass', Next: 'Done', Catch: [] }, [`FORBIDDEN_FIELD ${S}/Catch`]],
    [
      'ResultSelector',
      { Type: 'Pass', Next: 'Done', ResultSelector: {} },
      [`FORBIDDEN_FIELD ${S}/ResultSelector`],
    ],
    ['Resource', { Type: 'Pass', Next: 'Done', Resource: 'arn:x' }, [`FORBIDDEN_FIELD ${S}/Resource`]],
    ['ItemReader', { Type: 'Pass', Next: 'Done', ItemReader: {} }, [`FORBIDDEN_FIELD ${S}/ItemReader`]],
    [
      'Parameters not an object',
      { Type: 'Pass', Next: 'Done', Parameters: 'x' },
      [`SCHEMA_VALIDATION_FAILED ${S}/Parameters`],
    ],
    [
      'ResultPath not a string',
      { Type: 'Pass', Next: 'Done', ResultPath: 1 },
      [`SCHEMA_VALIDATION_FAILED ${S}/ResultPath`],
    ],
    [
      'ResultPath not a reference path',
      { Type: 'Pass', Next: 'Done', ResultPath: '$.a[*]' },
      [`INVALID_REFERENCE_PATH ${S}/ResultPath`],
    ],
    [
      'ResultPath into the context object',
      { Type: 'Pass', Next: 'Done', ResultPath: '$$.x' },
      [`INVALID_REFERENCE_PATH ${S}/ResultPath`],
    ],
  ]);

  it('reports a payload template problem under Parameters', () => {
    const result = parseDefinition(
      withState({ Type: 'Pass', Next: 'Done', Parameters: { 'a.$': 'not a path' } }),
    );
    expect(result.problems.map((problem) => problem.path)).toEqual([`${S}/Parameters/a.$`]);
  });
});

describe('Task', () => {
  check([
    ['Resource missing', { Type: 'Task', Next: 'Done' }, [`MISSING_FIELD ${S}/Resource`]],
    ['Resource not a string', { ...TASK, Resource: 1 }, [`SCHEMA_VALIDATION_FAILED ${S}/Resource`]],
    ['Resource not an ARN', { ...TASK, Resource: 'my-function' }, [`SCHEMA_VALIDATION_FAILED ${S}/Resource`]],
    ['TimeoutSeconds zero', { ...TASK, TimeoutSeconds: 0 }, [`SCHEMA_VALIDATION_FAILED ${S}/TimeoutSeconds`]],
    [
      'TimeoutSeconds over the maximum',
      { ...TASK, TimeoutSeconds: 100_000_000 },
      [`SCHEMA_VALIDATION_FAILED ${S}/TimeoutSeconds`],
    ],
    [
      'TimeoutSeconds and its Path',
      { ...TASK, TimeoutSeconds: 5, TimeoutSecondsPath: '$.t' },
      [`SCHEMA_VALIDATION_FAILED ${S}/TimeoutSecondsPath`],
    ],
    [
      'TimeoutSecondsPath not a reference path',
      { ...TASK, TimeoutSecondsPath: '$..t' },
      [`INVALID_REFERENCE_PATH ${S}/TimeoutSecondsPath`],
    ],
    [
      'HeartbeatSeconds not below TimeoutSeconds',
      { ...TASK, TimeoutSeconds: 60, HeartbeatSeconds: 60 },
      [`SCHEMA_VALIDATION_FAILED ${S}/HeartbeatSeconds`],
    ],
    [
      'HeartbeatSeconds fractional',
      { ...TASK, HeartbeatSeconds: 1.5 },
      [`SCHEMA_VALIDATION_FAILED ${S}/HeartbeatSeconds`],
    ],
    [
      'HeartbeatSeconds and its Path',
      { ...TASK, HeartbeatSeconds: 5, HeartbeatSecondsPath: '$.h' },
      [`SCHEMA_VALIDATION_FAILED ${S}/HeartbeatSecondsPath`],
    ],
    [
      'HeartbeatSecondsPath not a string',
      { ...TASK, HeartbeatSecondsPath: 5 },
      [`SCHEMA_VALIDATION_FAILED ${S}/HeartbeatSecondsPath`],
    ],
    ['Retry not an array', { ...TASK, Retry: 'x' }, [`SCHEMA_VALIDATION_FAILED ${S}/Retry`]],
    [
      'Catch naming no state',
      { ...TASK, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Nowhere' }] },
      [`MISSING_TRANSITION_TARGET ${S}/Catch/0/Next`],
    ],
    [
      'Credentials not an object',
      { ...TASK, Credentials: 'role' },
      [`SCHEMA_VALIDATION_FAILED ${S}/Credentials`],
    ],
    [
      'ResultSelector not an object',
      { ...TASK, ResultSelector: [] },
      [`SCHEMA_VALIDATION_FAILED ${S}/ResultSelector`],
    ],
    ['Choices', { ...TASK, Choices: [] }, [`FORBIDDEN_FIELD ${S}/Choices`]],
    ['ItemsPath', { ...TASK, ItemsPath: '$' }, [`FORBIDDEN_FIELD ${S}/ItemsPath`]],
  ]);

  it('accepts HeartbeatSeconds below TimeoutSeconds, and each given by a path', () => {
    for (const extra of [
      { TimeoutSeconds: 60, HeartbeatSeconds: 59 },
      { TimeoutSecondsPath: '$.t', HeartbeatSecondsPath: '$$.Execution.Input.h' },
    ]) {
      expect(parseDefinition(withState({ ...TASK, ...extra })).problems).toEqual([]);
    }
  });
});

describe('Choice', () => {
  const rule = { Variable: '$.x', IsNull: true, Next: 'Done' };
  check([
    ['Choices missing', { Type: 'Choice', Default: 'Done' }, [`MISSING_FIELD ${S}/Choices`]],
    [
      'Choices empty',
      { Type: 'Choice', Choices: [], Default: 'Done' },
      [`SCHEMA_VALIDATION_FAILED ${S}/Choices`],
    ],
    [
      'Choices not an array',
      { Type: 'Choice', Choices: rule },
      [`SCHEMA_VALIDATION_FAILED ${S}/Choices`, 'UNREACHABLE_STATE /States/Done'],
    ],
    [
      'a rule naming no state',
      { Type: 'Choice', Choices: [rule, { ...rule, Next: 'Nowhere' }] },
      [`MISSING_TRANSITION_TARGET ${S}/Choices/1/Next`],
    ],
    [
      'a rule without an operator',
      { Type: 'Choice', Choices: [{ Variable: '$.x', Next: 'Done' }] },
      [`INVALID_CHOICE_RULE ${S}/Choices/0`],
    ],
    [
      'Default naming no state',
      { Type: 'Choice', Choices: [rule], Default: 'Nowhere' },
      [`MISSING_TRANSITION_TARGET ${S}/Default`],
    ],
    [
      'Default not a string',
      { Type: 'Choice', Choices: [rule], Default: 1 },
      [`SCHEMA_VALIDATION_FAILED ${S}/Default`],
    ],
    [
      'Next (a Choice is never terminal)',
      { Type: 'Choice', Choices: [rule], Next: 'Done' },
      [`FORBIDDEN_FIELD ${S}/Next`],
    ],
    [
      'End (a Choice is never terminal)',
      { Type: 'Choice', Choices: [rule], End: true },
      [`FORBIDDEN_FIELD ${S}/End`],
    ],
    ['ResultPath', { Type: 'Choice', Choices: [rule], ResultPath: '$' }, [`FORBIDDEN_FIELD ${S}/ResultPath`]],
  ]);
});

describe('Wait', () => {
  check([
    ['no duration', { Type: 'Wait', Next: 'Done' }, [`WAIT_DURATION ${S}`]],
    ['two durations', { Type: 'Wait', Seconds: 1, SecondsPath: '$.s', Next: 'Done' }, [`WAIT_DURATION ${S}`]],
    [
      'Seconds negative',
      { Type: 'Wait', Seconds: -1, Next: 'Done' },
      [`SCHEMA_VALIDATION_FAILED ${S}/Seconds`],
    ],
    [
      'Seconds fractional',
      { Type: 'Wait', Seconds: 0.5, Next: 'Done' },
      [`SCHEMA_VALIDATION_FAILED ${S}/Seconds`],
    ],
    [
      'Seconds a string',
      { Type: 'Wait', Seconds: '10', Next: 'Done' },
      [`SCHEMA_VALIDATION_FAILED ${S}/Seconds`],
    ],
    [
      'Timestamp not RFC 3339',
      { Type: 'Wait', Timestamp: '2016-03-14 01:59:00', Next: 'Done' },
      [`INVALID_TIMESTAMP ${S}/Timestamp`],
    ],
    [
      'Timestamp not a string',
      { Type: 'Wait', Timestamp: 1457920740, Next: 'Done' },
      [`SCHEMA_VALIDATION_FAILED ${S}/Timestamp`],
    ],
    [
      'SecondsPath not a path',
      { Type: 'Wait', SecondsPath: 'seconds', Next: 'Done' },
      [`INVALID_REFERENCE_PATH ${S}/SecondsPath`],
    ],
    [
      'TimestampPath not a reference path',
      { Type: 'Wait', TimestampPath: '$.t[*]', Next: 'Done' },
      [`INVALID_REFERENCE_PATH ${S}/TimestampPath`],
    ],
    [
      'ResultPath',
      { Type: 'Wait', Seconds: 1, ResultPath: '$', Next: 'Done' },
      [`FORBIDDEN_FIELD ${S}/ResultPath`],
    ],
  ]);

  it('accepts a wait of zero seconds', () => {
    expect(parseDefinition(withState({ Type: 'Wait', Seconds: 0, Next: 'Done' })).problems).toEqual([]);
  });
});

describe('Succeed', () => {
  const reached = 'UNREACHABLE_STATE /States/Done';
  check([
    ['Next', { Type: 'Succeed', Next: 'Done' }, [`FORBIDDEN_FIELD ${S}/Next`, reached]],
    ['End', { Type: 'Succeed', End: true }, [`FORBIDDEN_FIELD ${S}/End`, reached]],
    ['Result', { Type: 'Succeed', Result: 1 }, [`FORBIDDEN_FIELD ${S}/Result`, reached]],
    ['ResultPath', { Type: 'Succeed', ResultPath: '$' }, [`FORBIDDEN_FIELD ${S}/ResultPath`, reached]],
  ]);
});

describe('Fail', () => {
  const reached = 'UNREACHABLE_STATE /States/Done';
  check([
    [
      'Error and ErrorPath',
      { Type: 'Fail', Error: 'E', ErrorPath: '$.e' },
      [`SCHEMA_VALIDATION_FAILED ${S}/ErrorPath`, reached],
    ],
    [
      'Cause and CausePath',
      { Type: 'Fail', Cause: 'C', CausePath: '$.c' },
      [`SCHEMA_VALIDATION_FAILED ${S}/CausePath`, reached],
    ],
    ['Error not a string', { Type: 'Fail', Error: 1 }, [`SCHEMA_VALIDATION_FAILED ${S}/Error`, reached]],
    [
      'ErrorPath not a path',
      { Type: 'Fail', ErrorPath: 'error' },
      [`INVALID_REFERENCE_PATH ${S}/ErrorPath`, reached],
    ],
    [
      'CausePath a filter',
      { Type: 'Fail', CausePath: '$.c[?(@.x)]' },
      [`INVALID_REFERENCE_PATH ${S}/CausePath`, reached],
    ],
    [
      'CausePath an intrinsic Fail does not allow',
      { Type: 'Fail', CausePath: 'States.MathRandom(1, 9)' },
      [`INVALID_INTRINSIC ${S}/CausePath`, reached],
    ],
    [
      'ErrorPath an unterminated intrinsic',
      { Type: 'Fail', ErrorPath: "States.Format('{}', $.e" },
      [`INVALID_INTRINSIC ${S}/ErrorPath`, reached],
    ],
    ['InputPath', { Type: 'Fail', InputPath: '$' }, [`FORBIDDEN_FIELD ${S}/InputPath`, reached]],
    ['OutputPath', { Type: 'Fail', OutputPath: '$' }, [`FORBIDDEN_FIELD ${S}/OutputPath`, reached]],
    ['Next', { Type: 'Fail', Next: 'Done' }, [`FORBIDDEN_FIELD ${S}/Next`, reached]],
    ['End', { Type: 'Fail', End: true }, [`FORBIDDEN_FIELD ${S}/End`, reached]],
  ]);

  it('accepts each intrinsic the documentation allows in ErrorPath', () => {
    for (const call of [
      "States.Format('{}', $.e)",
      'States.JsonToString($.e)',
      'States.ArrayGetItem($.list, 0)',
      'States.Base64Encode($.e)',
      'States.Base64Decode($.e)',
      "States.Hash($.e, 'SHA-256')",
      'States.UUID()',
    ]) {
      expect(
        parseDefinition(withState({ Type: 'Fail', ErrorPath: call }, { Done: { Type: 'Succeed' } })).problems,
      ).toEqual([{ path: '/States/Done', code: 'UNREACHABLE_STATE', message: expect.any(String) }]);
    }
  });
});

describe('Parallel', () => {
  const P = { Type: 'Parallel', Branches: [BRANCH], Next: 'Done' };
  check([
    ['Branches missing', { Type: 'Parallel', Next: 'Done' }, [`MISSING_FIELD ${S}/Branches`]],
    ['Branches empty', { ...P, Branches: [] }, [`SCHEMA_VALIDATION_FAILED ${S}/Branches`]],
    ['Branches not an array', { ...P, Branches: BRANCH }, [`SCHEMA_VALIDATION_FAILED ${S}/Branches`]],
    [
      'a branch not an object',
      { ...P, Branches: [BRANCH, 'B'] },
      [`SCHEMA_VALIDATION_FAILED ${S}/Branches/1`],
    ],
    [
      'a branch without StartAt',
      { ...P, Branches: [{ States: BRANCH.States }] },
      [`MISSING_FIELD ${S}/Branches/0/StartAt`],
    ],
    [
      'a branch without States',
      { ...P, Branches: [{ StartAt: 'B' }] },
      [`MISSING_FIELD ${S}/Branches/0/States`],
    ],
    [
      'a branch StartAt naming no state',
      { ...P, Branches: [{ ...BRANCH, StartAt: 'Done' }] },
      [`MISSING_TRANSITION_TARGET ${S}/Branches/0/StartAt`],
    ],
    [
      'a branch with Version',
      { ...P, Branches: [{ ...BRANCH, Version: '1.0' }] },
      [`FORBIDDEN_FIELD ${S}/Branches/0/Version`],
    ],
    [
      'a branch with TimeoutSeconds',
      { ...P, Branches: [{ ...BRANCH, TimeoutSeconds: 5 }] },
      [`FORBIDDEN_FIELD ${S}/Branches/0/TimeoutSeconds`],
    ],
    [
      'a branch with an unknown field',
      { ...P, Branches: [{ ...BRANCH, Next: 'Done' }] },
      [`UNKNOWN_FIELD ${S}/Branches/0/Next`],
    ],
    [
      'a JSONata branch with a JSONPath field',
      {
        ...P,
        Branches: [
          { ...BRANCH, QueryLanguage: 'JSONata', States: { B: { Type: 'Pass', Result: 1, End: true } } },
        ],
      },
      [`FORBIDDEN_FIELD ${S}/Branches/0/States/B/Result`],
    ],
    ['ItemsPath', { ...P, ItemsPath: '$' }, [`FORBIDDEN_FIELD ${S}/ItemsPath`]],
    [
      'ResultSelector not an object',
      { ...P, ResultSelector: 1 },
      [`SCHEMA_VALIDATION_FAILED ${S}/ResultSelector`],
    ],
    [
      'Catch naming a state of a branch',
      { ...P, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'B' }] },
      [`MISSING_TRANSITION_TARGET ${S}/Catch/0/Next`],
    ],
  ]);
});

describe('Map', () => {
  const CONFIG = `${S}/ItemProcessor/ProcessorConfig`;
  const withConfig = (config: unknown) => ({
    ...MAP,
    ItemProcessor: { ...PROCESSOR, ProcessorConfig: config },
  });
  check([
    ['no ItemProcessor nor Iterator', { Type: 'Map', Next: 'Done' }, [`MISSING_FIELD ${S}/ItemProcessor`]],
    [
      'both ItemProcessor and Iterator',
      { ...MAP, Iterator: PROCESSOR },
      [`SCHEMA_VALIDATION_FAILED ${S}/Iterator`],
    ],
    [
      'ItemProcessor not an object',
      { ...MAP, ItemProcessor: [] },
      [`SCHEMA_VALIDATION_FAILED ${S}/ItemProcessor`],
    ],
    [
      'ItemSelector and Parameters',
      { ...MAP, ItemSelector: {}, Parameters: {} },
      [`SCHEMA_VALIDATION_FAILED ${S}/Parameters`],
    ],
    [
      'ItemsPath not a reference path',
      { ...MAP, ItemsPath: '$.items[*]' },
      [`INVALID_REFERENCE_PATH ${S}/ItemsPath`],
    ],
    [
      'MaxConcurrency negative',
      { ...MAP, MaxConcurrency: -1 },
      [`SCHEMA_VALIDATION_FAILED ${S}/MaxConcurrency`],
    ],
    [
      'MaxConcurrency and its Path',
      { ...MAP, MaxConcurrency: 1, MaxConcurrencyPath: '$.m' },
      [`SCHEMA_VALIDATION_FAILED ${S}/MaxConcurrencyPath`],
    ],
    [
      'ToleratedFailurePercentage over 100',
      { ...MAP, ToleratedFailurePercentage: 101 },
      [`SCHEMA_VALIDATION_FAILED ${S}/ToleratedFailurePercentage`],
    ],
    [
      'ToleratedFailureCount negative',
      { ...MAP, ToleratedFailureCount: -1 },
      [`SCHEMA_VALIDATION_FAILED ${S}/ToleratedFailureCount`],
    ],
    [
      'ToleratedFailureCountPath not a path',
      { ...MAP, ToleratedFailureCountPath: 'count' },
      [`INVALID_REFERENCE_PATH ${S}/ToleratedFailureCountPath`],
    ],
    [
      'ToleratedFailurePercentage and its Path',
      { ...MAP, ToleratedFailurePercentage: 1, ToleratedFailurePercentagePath: '$.p' },
      [`SCHEMA_VALIDATION_FAILED ${S}/ToleratedFailurePercentagePath`],
    ],
    [
      'ItemReader',
      { ...MAP, ItemReader: { Resource: 'arn:aws:states:::s3:getObject' } },
      [`UNSUPPORTED_FEATURE ${S}/ItemReader`],
    ],
    [
      'ItemBatcher',
      { ...MAP, ItemBatcher: { MaxItemsPerBatch: 10 } },
      [`UNSUPPORTED_FEATURE ${S}/ItemBatcher`],
    ],
    [
      'ResultWriter',
      { ...MAP, ResultWriter: { Resource: 'arn:aws:states:::s3:putObject' } },
      [`UNSUPPORTED_FEATURE ${S}/ResultWriter`],
    ],
    ['Mode unknown', withConfig({ Mode: 'FAST' }), [`SCHEMA_VALIDATION_FAILED ${CONFIG}/Mode`]],
    [
      'DISTRIBUTED without ExecutionType',
      withConfig({ Mode: 'DISTRIBUTED' }),
      [`MISSING_FIELD ${CONFIG}/ExecutionType`],
    ],
    [
      'ExecutionType unknown',
      withConfig({ Mode: 'DISTRIBUTED', ExecutionType: 'FAST' }),
      [`SCHEMA_VALIDATION_FAILED ${CONFIG}/ExecutionType`],
    ],
    [
      'ProcessorConfig with an unknown field',
      withConfig({ Mode: 'INLINE', Speed: 1 }),
      [`UNKNOWN_FIELD ${CONFIG}/Speed`],
    ],
    ['ProcessorConfig not an object', withConfig('INLINE'), [`SCHEMA_VALIDATION_FAILED ${CONFIG}`]],
    [
      'ItemProcessor StartAt naming no state',
      { ...MAP, ItemProcessor: { ...PROCESSOR, StartAt: 'S' } },
      [`MISSING_TRANSITION_TARGET ${S}/ItemProcessor/StartAt`],
    ],
    [
      'ItemProcessor with Version',
      { ...MAP, ItemProcessor: { ...PROCESSOR, Version: '1.0' } },
      [`FORBIDDEN_FIELD ${S}/ItemProcessor/Version`],
    ],
    [
      'ItemProcessor with QueryLanguage',
      { ...MAP, ItemProcessor: { ...PROCESSOR, QueryLanguage: 'JSONPath' } },
      [`FORBIDDEN_FIELD ${S}/ItemProcessor/QueryLanguage`],
    ],
    [
      'Iterator without States',
      { Type: 'Map', Iterator: { StartAt: 'I' }, Next: 'Done' },
      [`MISSING_FIELD ${S}/Iterator/States`],
    ],
    ['Label not a string', { ...MAP, Label: 5 }, [`SCHEMA_VALIDATION_FAILED ${S}/Label`]],
    ['Resource', { ...MAP, Resource: 'arn:x' }, [`FORBIDDEN_FIELD ${S}/Resource`]],
    ['Branches', { ...MAP, Branches: [BRANCH] }, [`FORBIDDEN_FIELD ${S}/Branches`]],
  ]);

  it('says that Distributed Map S3 features are not supported yet', () => {
    const [problem] = parseDefinition(withState({ ...MAP, ItemReader: {} })).problems;
    expect(problem.message).toContain('not supported yet');
  });
});
