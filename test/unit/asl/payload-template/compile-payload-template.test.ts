import { describe, expect, it } from 'vitest';
import { StatesError } from '../../../../src/asl/errors.js';
import type { Json } from '../../../../src/asl/json.js';
import { type PayloadTemplate, compilePayloadTemplate } from '../../../../src/asl/payload-template.js';
import { Problems } from '../../../../src/asl/problems.js';
import { scopeOf } from '../jsonpath/scope.js';

const at = '/States/A/Parameters';

function template(raw: unknown): PayloadTemplate {
  const problems = new Problems();
  const compiled = compilePayloadTemplate(raw, at, problems);
  if (!compiled) throw new Error(JSON.stringify(problems.list));
  return compiled;
}

function problemsOf(raw: unknown): Problems {
  const problems = new Problems();
  expect(compilePayloadTemplate(raw, at, problems)).toBeUndefined();
  return problems;
}

function failureOf(evaluate: () => Json): StatesError {
  try {
    evaluate();
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error('expected a StatesError');
}

describe('payload templates: the AWS documentation examples', () => {
  it('Parameters selects fields and adds static values ("Manipulate parameters", Parameters)', () => {
    const input = {
      comment: 'Example for Parameters.',
      product: {
        details: { color: 'blue', size: 'small', material: 'cotton' },
        availability: 'in stock',
        sku: '2317',
        cost: '$23',
      },
    };
    const parameters = {
      comment: 'Selecting what I care about.',
      MyDetails: {
        'size.$': '$.product.details.size',
        'exists.$': '$.product.availability',
        StaticValue: 'foo',
      },
    };
    expect(template(parameters).evaluate(scopeOf(input))).toEqual({
      comment: 'Selecting what I care about.',
      MyDetails: { size: 'small', exists: 'in stock', StaticValue: 'foo' },
    });
  });

  it('ResultSelector reshapes a task result ("Manipulate parameters", ResultSelector)', () => {
    const result = {
      resourceType: 'elasticmapreduce',
      resource: 'createCluster.sync',
      output: {
        SdkHttpMetadata: { HttpStatusCode: 200 },
        SdkResponseMetadata: { RequestId: '1234-5678-9012' },
        ClusterId: 'AKIAIOSFODNN7EXAMPLE',
      },
    };
    const selector = { 'ClusterId.$': '$.output.ClusterId', 'ResourceType.$': '$.resourceType' };
    expect(template(selector).evaluate(scopeOf(result))).toEqual({
      ClusterId: 'AKIAIOSFODNN7EXAMPLE',
      ResourceType: 'elasticmapreduce',
    });
  });

  it('a path may select a list (States Language specification, Parameters example)', () => {
    const parameters = { flagged: true, parts: { 'first.$': '$.vals[0]', 'last3.$': '$.vals[3:]' } };
    const input = { flagged: 7, vals: [0, 10, 20, 30, 40, 50] };
    expect(template(parameters).evaluate(scopeOf(input))).toEqual({
      flagged: true,
      parts: { first: 0, last3: [30, 40, 50] },
    });
  });

  it('"$$." reads the context object ("Accessing the context object")', () => {
    const context = {
      Execution: { Id: 'arn:aws:states:us-east-1:123456789012:execution:stateMachineName:executionName' },
      State: { Name: 'A', EnteredTime: '2019-03-26T20:14:13.192Z', RetryCount: 0 },
    };
    const parameters = { 'execution.$': '$$.Execution.Id', 'state.$': '$$.State', 'input.$': '$.x' };
    expect(template(parameters).evaluate(scopeOf({ x: 1 }, context))).toEqual({
      execution: 'arn:aws:states:us-east-1:123456789012:execution:stateMachineName:executionName',
      state: { Name: 'A', EnteredTime: '2019-03-26T20:14:13.192Z', RetryCount: 0 },
      input: 1,
    });
  });
});

describe('payload templates: shape', () => {
  it('recurses into arrays, arrays of objects and nested arrays', () => {
    const raw = { list: [{ 'id.$': '$.a' }, 'literal', [{ 'deep.$': '$.b' }, 3]], n: [1, { k: null }] };
    expect(template(raw).evaluate(scopeOf({ a: 'A', b: { c: true } }))).toEqual({
      list: [{ id: 'A' }, 'literal', [{ deep: { c: true } }, 3]],
      n: [1, { k: null }],
    });
  });

  it('keeps every key that does not end in ".$" and its value literally', () => {
    const raw = { 'a.$b': '$.x', x: '$.x', 'y.$ ': 1, 'States.Format.': "States.Format('{}', $.x)" };
    expect(template({ literal: raw }).evaluate(scopeOf({ x: 'X' }))).toEqual({ literal: raw });
  });

  it('"$" and "$$" select the whole input and the whole context object', () => {
    const input = { a: 1 };
    const context = { Execution: { Name: 'run' } };
    const out = template({ 'all.$': '$', 'ctx.$': '$$' }).evaluate(scopeOf(input, context)) as Record<
      string,
      Json
    >;
    expect(out.all).toBe(input);
    expect(out.ctx).toBe(context);
  });

  it('a full JSONPath selects a list', () => {
    const input = { items: [{ id: 1 }, { id: 2 }] };
    expect(template({ 'ids.$': '$.items[*].id' }).evaluate(scopeOf(input))).toEqual({ ids: [1, 2] });
  });

  it('a path that selects null yields null rather than a failure', () => {
    expect(template({ 'x.$': '$.n' }).evaluate(scopeOf({ n: null }))).toEqual({ x: null });
  });

  it('a template that is not an object is a literal value', () => {
    expect(template('text').evaluate(scopeOf({}))).toBe('text');
    expect(template([1, { 'a.$': '$.a' }]).evaluate(scopeOf({ a: 2 }))).toEqual([1, { a: 2 }]);
  });

  it('keeps the key order of the template', () => {
    const out = template({ z: 1, 'm.$': '$.m', a: 2 }).evaluate(scopeOf({ m: 0 }));
    expect(Object.keys(out as object)).toEqual(['z', 'm', 'a']);
  });
});

describe('payload templates: compiled once, built only where dynamic', () => {
  it('a template without ".$" returns the same value on every evaluation', () => {
    const compiled = template({ a: { b: [1, 2] }, c: 'd' });
    const first = compiled.evaluate(scopeOf({ x: 1 }));
    expect(first).toEqual({ a: { b: [1, 2] }, c: 'd' });
    expect(compiled.evaluate(scopeOf({ y: 2 }))).toBe(first);
  });

  it('shares constant subtrees between evaluations and rebuilds the dynamic parts', () => {
    const compiled = template({ fixed: { list: [1, 2] }, 'v.$': '$.v' });
    const one = compiled.evaluate(scopeOf({ v: 1 })) as Record<string, Json>;
    const two = compiled.evaluate(scopeOf({ v: 2 })) as Record<string, Json>;
    expect(one.fixed).toBe(two.fixed);
    expect([one.v, two.v]).toEqual([1, 2]);
    expect(one).not.toBe(two);
  });

  it('does not keep a reference to the raw definition', () => {
    const raw = { fixed: { k: 1 } };
    const compiled = template(raw);
    raw.fixed.k = 2;
    expect(compiled.evaluate(scopeOf({}))).toEqual({ fixed: { k: 1 } });
  });
});

describe('payload templates: run-time failures', () => {
  it('a path that selects nothing fails with States.ParameterPathFailure, in AWS wording', () => {
    // Recorded AWS execution history: "... The JSONPath '$.application.address' specified for
    // the field 'address.$' could not be found in the input '{"flagged":false}'".
    const failure = failureOf(() =>
      template({ 'address.$': '$.application.address' }).evaluate(scopeOf({ flagged: false })),
    );
    expect(failure.error).toBe('States.ParameterPathFailure');
    expect(failure.cause).toBe(
      `The JSONPath '$.application.address' specified for the field 'address.$' could not be found in the input '{"flagged":false}'`,
    );
  });

  it('names the nested field that failed', () => {
    const failure = failureOf(() =>
      template({ outer: [{ 'JobName.$': '$.JobName' }] }).evaluate(scopeOf({})),
    );
    expect(failure.cause).toBe(
      `The JSONPath '$.JobName' specified for the field 'JobName.$' could not be found in the input '{}'`,
    );
  });

  it('a "$$" path that selects nothing fails too', () => {
    const failure = failureOf(() =>
      template({ 'token.$': '$$.Task.Token' }).evaluate(scopeOf({}, { Execution: { Id: 'e' } })),
    );
    expect(failure.error).toBe('States.ParameterPathFailure');
    expect(failure.cause).toContain(`The JSONPath '$$.Task.Token' specified for the field 'token.$'`);
  });
});

describe('payload templates: problems', () => {
  it('reports a ".$" value that is neither a path nor an intrinsic call', () => {
    const problems = problemsOf({ foo: 'bar', 'lorem.$': 'ipsum', 'dolor.$': '$.sit.amet' });
    expect(problems.list).toEqual([
      {
        path: '/States/A/Parameters/lorem.$',
        code: 'SCHEMA_VALIDATION_FAILED',
        message:
          "The value for the field 'lorem.$' must be a valid JSONPath or a valid intrinsic function call",
      },
    ]);
  });

  it.each<[string, Json]>([
    ['a number', 5],
    ['null', null],
    ['an object', { a: '$.a' }],
    ['an array', ['$.a']],
    ['a boolean', true],
  ])('reports a ".$" value that is %s', (_why, value) => {
    const problems = problemsOf({ 'x.$': value });
    expect(problems.list.map((p) => [p.path, p.code])).toEqual([[`${at}/x.$`, 'SCHEMA_VALIDATION_FAILED']]);
  });

  it('reports an invalid path with INVALID_PATH', () => {
    const problems = problemsOf({ 'x.$': '$.a[' });
    expect(problems.list.map((p) => [p.path, p.code])).toEqual([[`${at}/x.$`, 'INVALID_PATH']]);
    expect(problems.list[0].message).toContain('$.a[');
  });

  it('accepts a variable reference ($name) and reports a malformed one', () => {
    const valid = new Problems();
    expect(compilePayloadTemplate({ 'x.$': '$myVariable.items[0]' }, at, valid)).toBeDefined();
    expect(valid.list).toEqual([]);
    const problems = problemsOf({ 'x.$': '$myVariable[' });
    expect(problems.list.map((p) => [p.path, p.code])).toEqual([[`${at}/x.$`, 'INVALID_PATH']]);
  });

  it('points at nested keys and array items, escaping "/" and "~" (RFC 6901)', () => {
    const problems = problemsOf({
      foo: { 'bar.$': 1 },
      list: [{ ok: 1 }, { 'x.$': 'nope' }],
      'a/b~c': { 'd.$': '$.[' },
    });
    expect(problems.list.map((p) => [p.path, p.code])).toEqual([
      ['/States/A/Parameters/foo/bar.$', 'SCHEMA_VALIDATION_FAILED'],
      ['/States/A/Parameters/list/1/x.$', 'SCHEMA_VALIDATION_FAILED'],
      ['/States/A/Parameters/a~1b~0c/d.$', 'INVALID_PATH'],
    ]);
  });

  it('adds to problems already collected and reports nothing for a valid template', () => {
    const problems = new Problems();
    problems.add('/States/B', 'MISSING_FIELD', 'elsewhere');
    expect(compilePayloadTemplate({ 'a.$': '$.a' }, at, problems)).toBeDefined();
    expect(problems.count).toBe(1);
    expect(compilePayloadTemplate({ 'a.$': 7 }, at, problems)).toBeUndefined();
    expect(problems.count).toBe(2);
  });

  it('reports a value that is not JSON', () => {
    const problems = problemsOf({ a: Number.POSITIVE_INFINITY, b: [undefined] });
    expect(problems.list.map((p) => [p.path, p.code])).toEqual([
      [`${at}/a`, 'SCHEMA_VALIDATION_FAILED'],
      [`${at}/b/0`, 'SCHEMA_VALIDATION_FAILED'],
    ]);
  });
});

describe('payload templates: user keys are plain keys', () => {
  it('"__proto__" and "constructor" keys, literal or bound, become own data properties', () => {
    const raw = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor.$": "$.c", "n": {"__proto__.$": "$"}}',
    );
    const out = template(raw).evaluate(scopeOf({ c: 'C' })) as Record<string, Json>;
    expect(JSON.stringify(out)).toBe(
      '{"__proto__":{"polluted":true},"constructor":"C","n":{"__proto__":{"c":"C"}}}',
    );
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out.n as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
