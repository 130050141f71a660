/**
 * How failures read. AWS fails with States.Runtime and a cause naming the whole expression;
 * for a path that selects nothing the wording was captured from executions on AWS
 * (us-east-1): "The function '…' had the following error: The JsonPath argument for the
 * field '$.nope' could not be found in the input '{"other":1}'".
 */
import { describe, expect, it } from 'vitest';
import { failure } from './evaluate.js';

describe('a path argument that selects nothing', () => {
  it('fails with the cause AWS writes', () => {
    const error = failure("States.Format('{}', $.nope)", { other: 1 });
    expect(error.error).toBe('States.IntrinsicFailure');
    expect(error.cause).toBe(
      "The function 'States.Format('{}', $.nope)' had the following error: The JsonPath argument for the field '$.nope' could not be found in the input '{\"other\":1}'",
    );
  });

  it('echoes the expression verbatim and names the failing argument', () => {
    expect(failure("States.Format('{} {}',$.other, $.a.b)", { other: 1 }).cause).toBe(
      "The function 'States.Format('{} {}',$.other, $.a.b)' had the following error: The JsonPath argument for the field '$.a.b' could not be found in the input '{\"other\":1}'",
    );
  });

  it('names the whole expression when a nested call takes the argument', () => {
    expect(failure("States.Format('{}', States.Format('{}', $.nope))", { other: 1 }).cause).toMatch(
      /^The function 'States.Format\('\{\}', States.Format\('\{\}', \$.nope\)\)' had the following error/,
    );
  });

  it('treats an index past the end as selecting nothing', () => {
    expect(failure("States.Format('{}', $.items[5])", { items: [1, 2] }).cause).toContain(
      "The JsonPath argument for the field '$.items[5]' could not be found in the input '{\"items\":[1,2]}'",
    );
  });

  it('names a $$ path as a $ path and quotes the state input', () => {
    expect(failure("States.Format('{}', $$.Nope.Deep)", { other: 1 }, { State: { Name: 'P' } }).cause).toBe(
      "The function 'States.Format('{}', $$.Nope.Deep)' had the following error: The JsonPath argument for the field '$.Nope.Deep' could not be found in the input '{\"other\":1}'",
    );
  });

  it.each([
    'States.ArrayLength($.nope)',
    'States.Array(1, $.nope)',
    'States.JsonToString($.nope)',
    'States.StringToJson($.nope)',
    'States.MathAdd($.nope, 1)',
    'States.ArrayContains($.nope, 1)',
    'States.JsonMerge($.nope, $.other, false)',
  ])('fails for every function: %s', (text) => {
    expect(failure(text, { other: 1 }).cause).toBe(
      `The function '${text}' had the following error: The JsonPath argument for the field '$.nope' could not be found in the input '{"other":1}'`,
    );
  });
});

describe('an argument of the wrong type', () => {
  it('names the function, the position, the expected and the actual type', () => {
    expect(failure('States.ArrayPartition($.a, $.n)', { a: [1], n: '2' }).cause).toBe(
      "The function 'States.ArrayPartition($.a, $.n)' had the following error: Invalid arguments in States.ArrayPartition: argument 2 must be a number, but it is a string",
    );
  });

  it('checks literal arguments when the call runs, as AWS does', () => {
    expect(failure("States.ArrayRange('a', 5, 1)").cause).toContain(
      'Invalid arguments in States.ArrayRange: argument 1 must be a number, but it is a string',
    );
  });
});
