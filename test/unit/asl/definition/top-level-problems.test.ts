/** Problems of the top level of a definition, one invalid definition per row. */
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../../../src/asl/index.js';
import { summary } from './helpers.js';

const states = { A: { Type: 'Succeed' } };

/** [1, <hole>, 3]: an array with an empty slot, which JSON cannot express. */
function sparse(): unknown[] {
  const array: unknown[] = [1];
  array[2] = 3;
  return array;
}

describe('top-level problems', () => {
  it.each([
    ['StartAt missing', { States: states }, ['MISSING_FIELD /StartAt']],
    ['StartAt not a string', { StartAt: 1, States: states }, ['SCHEMA_VALIDATION_FAILED /StartAt']],
    ['StartAt naming no state', { StartAt: 'B', States: states }, ['MISSING_TRANSITION_TARGET /StartAt']],
    ['States missing', { StartAt: 'A' }, ['MISSING_FIELD /States']],
    ['States an array', { StartAt: 'A', States: [] }, ['SCHEMA_VALIDATION_FAILED /States']],
    ['States empty', { StartAt: 'A', States: {} }, ['SCHEMA_VALIDATION_FAILED /States']],
    [
      'Comment not a string',
      { StartAt: 'A', States: states, Comment: 1 },
      ['SCHEMA_VALIDATION_FAILED /Comment'],
    ],
    [
      'Version not a string',
      { StartAt: 'A', States: states, Version: 1.0 },
      ['SCHEMA_VALIDATION_FAILED /Version'],
    ],
    [
      'TimeoutSeconds zero',
      { StartAt: 'A', States: states, TimeoutSeconds: 0 },
      ['SCHEMA_VALIDATION_FAILED /TimeoutSeconds'],
    ],
    [
      'TimeoutSeconds negative',
      { StartAt: 'A', States: states, TimeoutSeconds: -1 },
      ['SCHEMA_VALIDATION_FAILED /TimeoutSeconds'],
    ],
    [
      'TimeoutSeconds fractional',
      { StartAt: 'A', States: states, TimeoutSeconds: 1.5 },
      ['SCHEMA_VALIDATION_FAILED /TimeoutSeconds'],
    ],
    [
      'TimeoutSeconds a string',
      { StartAt: 'A', States: states, TimeoutSeconds: '10' },
      ['SCHEMA_VALIDATION_FAILED /TimeoutSeconds'],
    ],
    [
      'a JSONPath state in a JSONata machine',
      { StartAt: 'A', States: { A: { ...states.A, QueryLanguage: 'JSONPath' } }, QueryLanguage: 'JSONata' },
      ['FORBIDDEN_FIELD /States/A/QueryLanguage'],
    ],
    [
      'QueryLanguage unknown',
      { StartAt: 'A', States: states, QueryLanguage: 'XPath' },
      ['SCHEMA_VALIDATION_FAILED /QueryLanguage'],
    ],
    ['an unknown field', { StartAt: 'A', States: states, Extra: true }, ['UNKNOWN_FIELD /Extra']],
    [
      'a field of a Map processor',
      { StartAt: 'A', States: states, ProcessorConfig: {} },
      ['FORBIDDEN_FIELD /ProcessorConfig'],
    ],
    [
      'a state field at the top level',
      { StartAt: 'A', States: states, Type: 'Pass' },
      ['UNKNOWN_FIELD /Type'],
    ],
  ])('%s', (_name, raw, expected) => {
    const result = parseDefinition(raw);
    expect(summary(result)).toEqual(expected);
    expect(result.definition).toBeUndefined();
  });

  it('accepts QueryLanguage JSONata at the top level', () => {
    expect(parseDefinition({ StartAt: 'A', States: states, QueryLanguage: 'JSONata' }).problems).toEqual([]);
  });

  it.each([[[]], ['text'], [null], [42], [true]])('rejects a top level that is not an object: %j', (raw) => {
    expect(summary(parseDefinition(raw))).toEqual(['INVALID_JSON ']);
  });

  it.each([
    ['undefined', undefined, ''],
    ['a function', () => 1, ''],
    [
      'NaN inside',
      { StartAt: 'A', States: { A: { Type: 'Pass', Result: Number.NaN, End: true } } },
      '/States/A/Result',
    ],
    [
      'Infinity inside',
      { StartAt: 'A', States: states, TimeoutSeconds: Number.POSITIVE_INFINITY },
      '/TimeoutSeconds',
    ],
    ['a Date inside', { StartAt: 'A', States: states, Comment: new Date(0) }, '/Comment'],
    ['a Map inside', { StartAt: 'A', States: new Map() }, '/States'],
    [
      'a hole in an array',
      { StartAt: 'A', States: { A: { Type: 'Pass', Result: sparse(), End: true } } },
      '/States/A/Result/1',
    ],
  ])('rejects a value that is not JSON: %s', (_name, raw, path) => {
    expect(summary(parseDefinition(raw))).toEqual([`INVALID_JSON ${path}`]);
  });

  it('rejects a definition that contains itself, without looping', () => {
    const raw: Record<string, unknown> = { StartAt: 'A', States: states };
    raw.Comment = raw;
    expect(summary(parseDefinition(raw))).toEqual(['INVALID_JSON /Comment']);
  });

  it('accepts the same object twice (a shared, not a cyclic, reference)', () => {
    const result = { Type: 'Pass', End: true };
    const raw = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: result, C: result } };
    // Only C's unreachability is wrong here; the shared object itself is fine.
    expect(summary(parseDefinition(raw))).toEqual(['UNREACHABLE_STATE /States/C']);
  });

  it('reports every problem at once', () => {
    const result = parseDefinition({
      StartAt: 'Start',
      Version: 2,
      Bogus: 1,
      States: {
        Start: { Type: 'Pass', Next: 'Missing', Retry: [] },
        Orphan: { Type: 'Task', End: true },
        Check: {
          Type: 'Choice',
          Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Nowhere' }],
          End: true,
        },
        Hold: { Type: 'Wait', Next: 'Start' },
      },
    });
    expect(summary(result)).toEqual([
      'FORBIDDEN_FIELD /States/Check/End',
      'FORBIDDEN_FIELD /States/Start/Retry',
      'MISSING_FIELD /States/Orphan/Resource',
      'MISSING_TRANSITION_TARGET /States/Check/Choices/0/Next',
      'MISSING_TRANSITION_TARGET /States/Start/Next',
      'SCHEMA_VALIDATION_FAILED /Version',
      'UNKNOWN_FIELD /Bogus',
      'UNREACHABLE_STATE /States/Check',
      'UNREACHABLE_STATE /States/Hold',
      'UNREACHABLE_STATE /States/Orphan',
      'WAIT_DURATION /States/Hold',
    ]);
    expect(result.definition).toBeUndefined();
  });
});
