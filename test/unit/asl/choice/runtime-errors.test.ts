/**
 * A Variable or `…Path` operand that selects nothing fails the execution with States.Runtime
 * ("If the state input doesn't contain the $.type field, the execution fails", Choice state
 * example note); only IsPresent tolerates it. The cause is Step Functions' wording.
 */
import { describe, expect, it } from 'vitest';
import { StatesError } from '../../../../src/asl/errors.js';
import type { Json } from '../../../../src/asl/json.js';
import { holds } from './helpers.js';

function failure(condition: Record<string, unknown>, input: Json): StatesError {
  try {
    holds(condition, input);
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error('expected a StatesError');
}

describe('a path that selects nothing', () => {
  it('fails with States.Runtime naming the Variable', () => {
    const error = failure({ Variable: '$.type', StringEquals: 'Private' }, { value: 22 });
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe(
      "Invalid path '$.type': The choice state's condition path references an invalid value.",
    );
  });

  it('fails for type tests other than IsPresent', () => {
    expect(failure({ Variable: '$.v', IsNull: true }, {}).error).toBe('States.Runtime');
    expect(failure({ Variable: '$.v', IsString: false }, {}).error).toBe('States.Runtime');
  });

  it('fails when the …Path operand selects nothing, naming that path', () => {
    const error = failure({ Variable: '$.left', NumericEqualsPath: '$.right' }, { left: 8 });
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe(
      "Invalid path '$.right': The choice state's condition path references an invalid value.",
    );
  });

  it('fails inside And when no earlier rule short-circuits it', () => {
    const condition = {
      And: [
        { Variable: '$.a', IsPresent: false },
        { Variable: '$.b', StringEquals: 'x' },
      ],
    };
    expect(failure(condition, {}).cause).toContain("'$.b'");
  });

  it('a Variable through a missing array element or a scalar also selects nothing', () => {
    expect(failure({ Variable: '$.list[5]', NumericEquals: 1 }, { list: [1] }).error).toBe('States.Runtime');
    expect(failure({ Variable: '$.a.b', NumericEquals: 1 }, { a: 'text' }).error).toBe('States.Runtime');
  });

  it('a value that is present but null is compared, not an error', () => {
    expect(holds({ Variable: '$.v', StringEquals: 'x' }, { v: null })).toBe(false);
  });

  it('user keys such as __proto__ are plain keys', () => {
    const input = JSON.parse('{"__proto__": {"polluted": "yes"}}') as Json;
    expect(holds({ Variable: "$['__proto__'].polluted", StringEquals: 'yes' }, input)).toBe(true);
    expect(failure({ Variable: '$.constructor', IsNull: false }, {}).error).toBe('States.Runtime');
  });
});
