/** Payload templates that call intrinsic functions (they go through compile-intrinsic.ts). */
import { describe, expect, it } from 'vitest';
import { StatesError } from '../../../../src/asl/errors.js';
import { compilePayloadTemplate } from '../../../../src/asl/payload-template.js';
import { Problems } from '../../../../src/asl/problems.js';
import { scopeOf } from '../jsonpath/scope.js';

const at = '/States/A/Parameters';

describe('payload templates: intrinsic function calls', () => {
  it('evaluates States.Format with a path argument ("Intrinsic functions", States.Format)', () => {
    const compiled = compilePayloadTemplate(
      { 'foo.$': "States.Format('Hello, my name is {}.', $.name)" },
      at,
      new Problems(),
    );
    expect(compiled?.evaluate(scopeOf({ name: 'Arnav' }))).toEqual({ foo: 'Hello, my name is Arnav.' });
  });

  it('evaluates States.StringToJson in a ResultSelector (getting-started tutorial, ResultSelector)', () => {
    const result = {
      ExecutedVersion: '$LATEST',
      Payload: { statusCode: 200, body: '{"approved":true,"message":"identity validation passed"}' },
      StatusCode: 200,
    };
    const compiled = compilePayloadTemplate(
      { 'identity.$': 'States.StringToJson($.Payload.body)' },
      '/States/A/ResultSelector',
      new Problems(),
    );
    expect(compiled?.evaluate(scopeOf(result))).toEqual({
      identity: { approved: true, message: 'identity validation passed' },
    });
  });

  it('reports a call that does not parse, or an unknown function, with INVALID_INTRINSIC', () => {
    const problems = new Problems();
    const raw = { a: { 'b.$': "States.Format('x'" }, 'c.$': 'States.NoSuchFunction()' };
    expect(compilePayloadTemplate(raw, at, problems)).toBeUndefined();
    expect(problems.list.map((p) => [p.path, p.code])).toEqual([
      [`${at}/a/b.$`, 'INVALID_INTRINSIC'],
      [`${at}/c.$`, 'INVALID_INTRINSIC'],
    ]);
  });

  // Recorded AWS executions fail a bad intrinsic call with States.Runtime and a cause that
  // names the expression ("The function '…' had the following error: …").
  it('lets a run-time intrinsic failure propagate unchanged', () => {
    const compiled = compilePayloadTemplate({ 'j.$': 'States.StringToJson($.s)' }, at, new Problems());
    let failure: unknown;
    try {
      compiled?.evaluate(scopeOf({ s: 'not json' }));
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(StatesError);
    expect((failure as StatesError).error).toBe('States.IntrinsicFailure');
    expect((failure as StatesError).cause).toContain("The function 'States.StringToJson($.s)'");
  });
});
