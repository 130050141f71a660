import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { StatesErrorName } from '../../../../src/asl/errors.js';
import type { Json } from '../../../../src/asl/json.js';
import { type JsonataInput, compileExpression } from '../../../../src/asl/jsonata/expression.js';
import { compileJsonataTemplate } from '../../../../src/asl/jsonata/jsonata-template.js';
import { QueryEvaluationError } from '../../../../src/asl/jsonata/query-error.js';
import { Problems } from '../../../../src/asl/problems.js';

function input(
  states: Record<string, Json>,
  variables: Record<string, Json> = {},
  timeoutMs = 1000,
): JsonataInput {
  return { states, variables, now: Date.UTC(2024, 10, 22), random: () => 0.25, timeoutMs };
}

function template(raw: Json) {
  const problems = new Problems();
  const compiled = compileJsonataTemplate(raw, '/States/S/Output', problems);
  return { compiled, problems: problems.list };
}

async function evaluate(raw: Json, states: Record<string, Json> = { input: {} }, variables = {}) {
  const { compiled, problems } = template(raw);
  expect(problems).toEqual([]);
  return compiled!.evaluate(input(states, variables), 'Output');
}

describe('JSONata templates', () => {
  it('evaluates strings that are wholly {% … %}, at any depth, and keeps the rest literal', async () => {
    const out = await evaluate(
      { total: '{% $states.input.a + $states.input.b %}', list: ['{% $x %}', 'x', 1], text: 'a {% 1 %}' },
      { input: { a: 1, b: 2 } },
      { x: 'var' },
    );
    expect(out).toEqual({ total: 3, list: ['var', 'x', 1], text: 'a {% 1 %}' });
  });

  it('reports an expression that does not parse, with its pointer', () => {
    const { compiled, problems } = template({ a: { b: '{% $states.input. %}' } });
    expect(compiled).toBeUndefined();
    expect(problems).toEqual([
      {
        path: '/States/S/Output/a/b',
        code: 'INVALID_JSONATA',
        message: expect.stringContaining('Invalid JSONata'),
      },
    ]);
  });

  it('rejects $eval at validation', () => {
    expect(template('{% $eval("1+1") %}').problems[0]?.code).toBe('INVALID_JSONATA');
  });

  it('an undefined result raises States.QueryEvaluationError naming the field', async () => {
    const failure = await evaluate('{% $states.input.missing %}').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryEvaluationError);
    expect(failure).toMatchObject({ error: StatesErrorName.QueryEvaluationError, location: 'Output' });
  });

  it('a runtime error raises States.QueryEvaluationError', async () => {
    const failure = await evaluate('{% $number("abc") + {} %}').catch((error: unknown) => error);
    expect(failure).toMatchObject({ error: 'States.QueryEvaluationError' });
  });

  it('a runaway expression is stopped by the time budget with a clear cause', async () => {
    const compiled = compileExpression('($f := function($n){ $f($n + 1) }; $f(0))');
    if (!compiled.ok) throw new Error(compiled.message);
    const failure = await compiled.value
      .evaluate(input({ input: {} }, {}, 50), 'Output')
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({
      error: 'States.QueryEvaluationError',
      cause: 'JSONata expression timed out after 50 ms',
    });
  });
});

describe('the functions AWS adds', () => {
  it.each<[string, Json]>([
    ['$partition([1,2,3,4,5], 2)', [[1, 2], [3, 4], [5]]],
    ['$range(0, 10, 5)', [0, 5, 10]],
    ['$range(5, 1, -2)', [5, 3, 1]],
    ["$hash('input data', 'SHA-256')", createHash('sha256').update('input data').digest('hex')],
    ["$hash('input data', 'MD5')", createHash('md5').update('input data').digest('hex')],
    ['$parse(\'{"a": [1]}\')', { a: [1] }],
    ['$random() < 1 and $random() >= 0', true],
    ['$random(42) = $random(42)', true],
    ["$length($uuid()) = 36 and $substring($uuid(), 14, 1) = '4'", true],
    ['$now()', '2024-11-22T00:00:00.000Z'],
  ])('%s', async (expression, expected) => {
    expect(await evaluate(`{% ${expression} %}`)).toEqual(expected);
  });
});
