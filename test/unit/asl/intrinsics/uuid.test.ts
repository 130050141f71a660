/** States.UUID returns an RFC 4122 version 4 UUID built from the scope's randomness. */
import { describe, expect, it } from 'vitest';
import { compileIntrinsic } from '../../../../src/asl/intrinsics/compile-intrinsic.js';
import { scopeOf } from './evaluate.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function uuid(random: () => number): unknown {
  const compiled = compileIntrinsic('States.UUID()');
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.value(scopeOf({}, {}, random));
}

describe('States.UUID', () => {
  it('sets the version and variant bits over the random bytes', () => {
    expect(uuid(() => 0)).toBe('00000000-0000-4000-8000-000000000000');
    expect(uuid(() => 0.999999)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('has the v4 shape for any randomness and differs between draws', () => {
    const a = uuid(Math.random);
    const b = uuid(Math.random);
    expect(a).toMatch(V4);
    expect(b).toMatch(V4);
    expect(a).not.toBe(b);
  });

  it('draws 16 random bytes', () => {
    let calls = 0;
    uuid(() => {
      calls++;
      return 0.25;
    });
    expect(calls).toBe(16);
  });
});
