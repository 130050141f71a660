/**
 * Expected values: the AWS documentation examples, the escapes of "Reserved characters",
 * and AWS-recorded executions (LocalStack snapshots: objects render as `{Arg1=1, Arg2=[]}`,
 * null as "null", StringSplit on a real newline; empty pieces are dropped).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, failure } from './evaluate.js';

function expectInvalid(text: string, input: object, name: string): void {
  const error = failure(text, input as never);
  expect(error.error).toBe('States.IntrinsicFailure');
  expect(error.cause).toContain(`Invalid arguments in ${name}`);
}

describe('States.Format', () => {
  const input = { name: 'Arnav', template: 'Hello, my name is {}.' };

  it('fills the placeholders (AWS examples)', () => {
    expect(evaluate("States.Format('Hello, my name is {}.', $.name)", input)).toBe(
      'Hello, my name is Arnav.',
    );
    expect(evaluate('States.Format($.template, $.name)', input)).toBe('Hello, my name is Arnav.');
  });

  it('returns a template without placeholders unchanged, whitespace included', () => {
    expect(evaluate("States.Format('no placeholders')")).toBe('no placeholders');
    expect(evaluate("States.Format('  {}  ', 'x')")).toBe('  x  ');
  });

  it.each([
    ['', ''],
    ['HelloWorld', 'HelloWorld'],
    [null, 'null'],
    [1, '1'],
    [1.1, '1.1'],
    [true, 'true'],
    ['{"Arg1": 1, "Arg2": []}', '{"Arg1": 1, "Arg2": []}'],
    [{ Arg1: 1, Arg2: [] }, '{Arg1=1, Arg2=[]}'],
  ])('renders %j as %j', (value, text) => {
    expect(evaluate("States.Format('Formatting argument {}.', $.v)", { v: value })).toBe(
      `Formatting argument ${text}.`,
    );
  });

  it('renders nested objects and arrays the Java way, strings unquoted', () => {
    const v = { Id: 'arn:x', Name: 'n', List: ['a', 1, null, { k: false }] };
    expect(evaluate("States.Format('{}', $.v)", { v })).toBe(
      '{Id=arn:x, Name=n, List=[a, 1, null, {k=false}]}',
    );
  });

  it('takes escaped quotes and braces literally', () => {
    const people = { name: 'Gabriel', surname: 'Moreira' };
    expect(evaluate("States.Format('Name: \\'{}\\', Surname: \"{}\"', $.name, $.surname)", people)).toBe(
      'Name: \'Gabriel\', Surname: "Moreira"',
    );
    expect(evaluate("States.Format('\\{\\} is {}', 'x')")).toBe('{} is x');
    expect(evaluate("States.Format('a\\\\b {}', 1)")).toBe('a\\b 1');
  });

  it('formats nested calls', () => {
    expect(
      evaluate("States.Format('arn:{}:{}', $.svc, States.JsonToString($.obj))", {
        svc: 'lambda',
        obj: { k: 1 },
      }),
    ).toBe('arn:lambda:{"k":1}');
  });

  it.each([
    ["States.Format('{} {}', 'x')", 'the template has 2 placeholder(s) {}, but 1 value(s) were given'],
    ["States.Format('{}', 'x', 'y')", 'the template has 1 placeholder(s) {}, but 2 value(s) were given'],
    ["States.Format('Hello {', 'x')", "matching '}' not found for '{'"],
    ["States.Format('Hello {{}}', 'x')", "matching '}' not found for '{'"],
    ["States.Format('}')", "'}' without a matching '{'"],
  ])('fails at run time: %s', (text, detail) => {
    const error = failure(text);
    expect(error.error).toBe('States.IntrinsicFailure');
    expect(error.cause).toContain('Invalid arguments in States.Format');
    expect(error.cause).toContain(detail);
  });

  it('checks a template read from a path when the call runs', () => {
    expectInvalid('States.Format($.t, 1)', { t: 'no placeholder' }, 'States.Format');
    expectInvalid('States.Format($.t, 1)', { t: 123 }, 'States.Format');
  });
});

describe('States.StringSplit', () => {
  it('splits on one delimiter (AWS example)', () => {
    const input = { inputString: '1,2,3,4,5', splitter: ',' };
    expect(evaluate('States.StringSplit($.inputString, $.splitter)', input)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
  });

  it('splits on each character of the delimiter string (AWS example)', () => {
    const input = { inputString: 'This.is+a,test=string', splitter: '.+,=' };
    expect(evaluate('States.StringSplit($.inputString, $.splitter)', input)).toEqual([
      'This',
      'is',
      'a',
      'test',
      'string',
    ]);
  });

  it('treats regular-expression characters literally', () => {
    expect(evaluate("States.StringSplit('a|b.c+d', '|.+')")).toEqual(['a', 'b', 'c', 'd']);
  });

  it('splits on a real newline in the literal', () => {
    expect(evaluate("States.StringSplit('Hello\nWorld', '\n')")).toEqual(['Hello', 'World']);
  });

  it.each([
    ['a,,b', ['a', 'b']],
    [',a,b', ['a', 'b']],
    ['a,b,', ['a', 'b']],
    [',', []],
    ['', []],
  ])('drops empty pieces, as AWS does: %j', (text, pieces) => {
    expect(evaluate("States.StringSplit($.s, ',')", { s: text })).toEqual(pieces);
  });

  it('rejects non-strings', () => {
    expectInvalid("States.StringSplit($.v, ',')", { v: 123 }, 'States.StringSplit');
    expectInvalid('States.StringSplit($.s, $.d)', { s: 'a,b', d: [','] }, 'States.StringSplit');
    expectInvalid('States.StringSplit($.s, $.d)', { s: null, d: ',' }, 'States.StringSplit');
  });
});
