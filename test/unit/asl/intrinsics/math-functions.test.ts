/**
 * Expected values: the AWS documentation examples; MathAdd rounding as recorded on AWS
 * (LocalStack's AWS-validated snapshots: 1.49 + 1.5 = 3, -1.5 + -1.51 = -3, 2.5 → 3,
 * -2.5 → -2); MathRandom bounds as observed on AWS; java.util.Random values from a JDK.
 */
import { describe, expect, it } from 'vitest';
import { compileIntrinsic } from '../../../../src/asl/intrinsics/compile-intrinsic.js';
import { JavaRandom } from '../../../../src/asl/intrinsics/java-random.js';
import { evaluate, failure, scopeOf } from './evaluate.js';

function withRandom(text: string, random: () => number, input: object = {}): unknown {
  const compiled = compileIntrinsic(text);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.value(scopeOf(input as never, {}, random));
}

describe('States.MathAdd', () => {
  it('adds (AWS example: 111 + -1)', () => {
    expect(evaluate('States.MathAdd($.value1, $.step)', { value1: 111, step: -1 })).toBe(110);
  });

  it.each([
    [-9, 3, -6],
    [1.49, 1.5, 3],
    [1.5, 1.51, 4],
    [-1.49, -1.5, -2],
    [-1.5, -1.51, -3],
    [1.49, -1.49, 0],
    [0.5, 0, 1],
    [2.5, 0, 3],
    [3.5, 0, 4],
    [-0.5, 0.5, 1],
    [-0.5, 0, 0],
    [-1.5, 0, -1],
    [-2.5, 0, -2],
    [-3.5, 0, -3],
  ])('rounds each argument half up: %d + %d = %d', (a, b, sum) => {
    expect(evaluate('States.MathAdd($.a, $.b)', { a, b })).toBe(sum);
  });

  it('never returns negative zero', () => {
    expect(Object.is(evaluate('States.MathAdd(-0.4, 0)'), 0)).toBe(true);
  });

  it('rejects a string', () => {
    const error = failure('States.MathAdd($.a, 1)', { a: 'NOT A NUMBER' });
    expect(error.error).toBe('States.IntrinsicFailure');
    expect(error.cause).toContain('Invalid arguments in States.MathAdd');
    expect(error.cause).toContain('argument 1 must be a number, but it is a string');
  });
});

describe('States.MathRandom', () => {
  it('draws start + floor(random × (end - start)) from the scope', () => {
    expect(withRandom('States.MathRandom($.start, $.end)', () => 0, { start: 1, end: 999 })).toBe(1);
    expect(withRandom('States.MathRandom($.start, $.end)', () => 0.999999, { start: 1, end: 999 })).toBe(998);
    expect(withRandom('States.MathRandom(-10, 10)', () => 0.5)).toBe(0);
  });

  it('truncates fractional bounds, as AWS does', () => {
    expect(withRandom('States.MathRandom(1.6, 5.4)', () => 0)).toBe(1);
    expect(withRandom('States.MathRandom(1.6, 5.4)', () => 0.999999)).toBe(4);
  });

  it.each(['1, 1', '10, 5', '1.49, 1.49', '1.4, 1.6'])('rejects an empty range: MathRandom(%s)', (args) => {
    const error = failure(`States.MathRandom(${args})`);
    expect(error.error).toBe('States.IntrinsicFailure');
    expect(error.cause).toContain('Invalid arguments in States.MathRandom');
  });

  it('rejects a non-numeric bound or seed', () => {
    expect(failure("States.MathRandom('a', 10)").cause).toContain('argument 1 must be a number');
    expect(failure('States.MathRandom(1, 10, null)').cause).toContain('argument 3 must be a number');
  });

  it('draws the same number for the same seed, without touching the scope randomness', () => {
    const never = () => {
      throw new Error('scope.random was used');
    };
    const first = withRandom('States.MathRandom(1, 100, 42)', never);
    expect(withRandom('States.MathRandom(1, 100, 42)', never)).toBe(first);
    // 1 + new java.util.Random(42).nextInt(99), printed by OpenJDK 17.
    expect(first).toBe(63);
  });

  it('keeps seeded draws in range, also past the 32-bit span', () => {
    const value = withRandom('States.MathRandom($.start, $.end, 1)', Math.random, {
      start: -1_000_000,
      end: 5_000_000_000,
    }) as number;
    expect(Number.isInteger(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(-1_000_000);
    expect(value).toBeLessThan(5_000_000_000);
  });
});

describe('JavaRandom', () => {
  // Reference values printed by java.util.Random on OpenJDK 17.
  it('matches nextInt() of java.util.Random', () => {
    expect(new JavaRandom(0).nextInt()).toBe(-1155484576);
    expect(new JavaRandom(42).nextInt()).toBe(-1170105035);
    expect(new JavaRandom(-7).nextInt()).toBe(1155869324);
  });

  it('matches nextInt(bound) of java.util.Random', () => {
    expect(new JavaRandom(42).nextIntBelow(9)).toBe(8);
    expect(new JavaRandom(42).nextIntBelow(100)).toBe(30);
    expect(new JavaRandom(3).nextIntBelow(999)).toBe(239);
    expect(new JavaRandom(123456789).nextIntBelow(1 << 20)).toBe(696294);
    expect(new JavaRandom(1).nextIntBelow(2147483647)).toBe(1569548985);
    expect(new JavaRandom(9007199254740991).nextIntBelow(1000)).toBe(913);
  });

  it('matches a sequence and nextDouble() of java.util.Random', () => {
    const random = new JavaRandom(5);
    expect([random.nextIntBelow(7), random.nextIntBelow(7), random.nextIntBelow(7)]).toEqual([2, 4, 4]);
    expect(random.nextDouble()).toBe(0.6118181271687826);
  });
});
