/** Definition text: JSON by default, YAML on request; text that is neither gives INVALID_JSON. */
import { describe, expect, it } from 'vitest';
import { parseDefinitionText } from '../../../../src/asl/index.js';
import { summary } from './helpers.js';

const helloJson = '{"StartAt": "Hello", "States": {"Hello": {"Type": "Pass", "Result": "Hi", "End": true}}}';

describe('parseDefinitionText (JSON)', () => {
  it('parses a valid definition', () => {
    const { definition, problems } = parseDefinitionText(helloJson);
    expect(problems).toEqual([]);
    expect(definition?.root.states.get('Hello')?.type).toBe('Pass');
    expect(definition?.source).toEqual(JSON.parse(helloJson));
  });

  it.each([
    ['an unexpected token', '{\n  "StartAt": "A",\n  "States": { "A": }\n}', 'line 3, column 20'],
    ['an unexpected token on line 1', '{"a": tru}', 'line 1, column 10'],
    ['a missing closing brace', '{"a": 1', 'line 1, column 8'],
    ['text after the value', '{}\nx', 'line 2, column 1'],
    ['a trailing comma', '{"a": [1, 2,]}', 'line 1, column 13'],
    ['an unquoted key', '\n\n{a: 1}', 'line 3, column 2'],
    ['nothing at all', '', 'line 1, column 1'],
  ])('reports %s with its line and column', (_name, text, where) => {
    const result = parseDefinitionText(text);
    expect(summary(result)).toEqual(['INVALID_JSON ']);
    expect(result.problems[0].message).toContain(where);
    expect(result.definition).toBeUndefined();
  });

  it('does not quote the whole text back in the message', () => {
    const text = `{"Comment": "${'x'.repeat(5000)}", "StartAt": }`;
    expect(parseDefinitionText(text).problems[0].message.length).toBeLessThan(200);
  });

  it.each([['[]'], ['"text"'], ['null'], ['3']])('rejects a top level that is not an object: %s', (text) => {
    expect(summary(parseDefinitionText(text))).toEqual(['INVALID_JSON ']);
  });

  it('does not read YAML unless asked to', () => {
    expect(summary(parseDefinitionText('StartAt: A\nStates: {A: {Type: Succeed}}\n'))).toEqual([
      'INVALID_JSON ',
    ]);
  });

  it('keeps a __proto__ key as a plain (unknown) field', () => {
    const result = parseDefinitionText(
      '{"__proto__": {"x": 1}, "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}',
    );
    expect(summary(result)).toEqual(['UNKNOWN_FIELD /__proto__']);
  });

  it('reports a non-string argument instead of throwing', () => {
    expect(summary(parseDefinitionText(42 as unknown as string))).toEqual(['INVALID_JSON ']);
  });
});

describe('parseDefinitionText (YAML)', () => {
  const yaml = (text: string) => parseDefinitionText(text, { format: 'yaml' });

  it('parses the same machine as the JSON form', () => {
    const text = [
      'StartAt: Hello',
      'States:',
      '  Hello:',
      '    Type: Pass',
      '    Result: Hi',
      '    End: true',
      '',
    ].join('\n');
    const result = yaml(text);
    expect(result.problems).toEqual([]);
    expect(result.definition?.source).toEqual(JSON.parse(helloJson));
  });

  it('reports a syntax error with its line', () => {
    const result = yaml('StartAt: A\nStates: [1, 2\nOther: x\n');
    expect(summary(result)).toEqual(['INVALID_JSON ']);
    expect(result.problems[0].message).toMatch(/line \d+, column \d+/);
  });

  it.each([
    ['several documents', 'StartAt: A\n---\nStates: {}\n'],
    ['a repeated key', 'StartAt: A\nStartAt: B\nStates: {A: {Type: Succeed}}\n'],
    [
      'too many aliases',
      `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(9)}*a]\nc: [${'*b, '.repeat(99)}*b]\n`,
    ],
    ['a scalar', 'just text\n'],
  ])('rejects %s', (_name, text) => {
    expect(summary(yaml(text))).toEqual(['INVALID_JSON ']);
  });

  it('turns number keys into state names', () => {
    const result = yaml('StartAt: "1"\nStates:\n  1: {Type: Pass, Next: "2"}\n  2: {Type: Succeed}\n');
    expect(result.problems).toEqual([]);
    expect([...(result.definition?.root.states.keys() ?? [])]).toEqual(['1', '2']);
  });

  it('reports a collection used as a key as an unknown field', () => {
    const result = yaml('StartAt: A\nStates: {A: {Type: Succeed}}\n[a, b]: 1\n');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].code).toBe('UNKNOWN_FIELD');
  });

  it.each([
    [
      'an infinite number',
      'StartAt: A\nStates: {A: {Type: Succeed}}\nTimeoutSeconds: .inf\n',
      '/TimeoutSeconds',
    ],
    [
      'binary data',
      'StartAt: A\nStates: {A: {Type: Pass, End: true, Result: !!binary aGVsbG8=}}\n',
      '/States/A/Result',
    ],
    [
      'a value that contains itself',
      'StartAt: A\nStates: {A: {Type: Pass, End: true, Result: &r [*r]}}\n',
      '/States/A/Result/0',
    ],
  ])('rejects %s at its pointer', (_name, text, path) => {
    expect(summary(yaml(text))).toEqual([`INVALID_JSON ${path}`]);
  });

  it('keeps __proto__ as a plain state name', () => {
    const result = yaml('StartAt: __proto__\nStates:\n  __proto__: {Type: Succeed}\n');
    expect(result.problems).toEqual([]);
    expect(result.definition?.root.states.get('__proto__')?.type).toBe('Succeed');
  });
});
