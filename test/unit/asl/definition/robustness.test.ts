/**
 * parseDefinition and parseDefinitionText never throw, whatever the input, and what they
 * return keeps its contract: a definition exactly when there is no problem, and every problem
 * with a known code and a pointer into the definition.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ParseResult, parseDefinition, parseDefinitionText } from '../../../../src/asl/index.js';

const CODES = new Set([
  'INVALID_JSON',
  'SCHEMA_VALIDATION_FAILED',
  'MISSING_FIELD',
  'UNKNOWN_FIELD',
  'FORBIDDEN_FIELD',
  'MISSING_TRANSITION_TARGET',
  'UNREACHABLE_STATE',
  'DUPLICATE_STATE_NAME',
  'STATE_NAME_TOO_LONG',
  'NEXT_AND_END',
  'NO_TRANSITION',
  'STATES_ALL_NOT_LAST',
  'INVALID_ERROR_NAME',
  'INVALID_PATH',
  'INVALID_REFERENCE_PATH',
  'INVALID_INTRINSIC',
  'INVALID_TIMESTAMP',
  'INVALID_CHOICE_RULE',
  'WAIT_DURATION',
  'UNSUPPORTED_FEATURE',
]);

function keepsContract(result: ParseResult): void {
  expect(result.definition === undefined).toBe(result.problems.length > 0);
  for (const problem of result.problems) {
    expect(CODES.has(problem.code)).toBe(true);
    expect(typeof problem.message).toBe('string');
    expect(problem.path === '' || problem.path.startsWith('/')).toBe(true);
  }
}

type Segment = string | number;

function segmentsOf(path: string): string[] {
  return path === ''
    ? []
    : path
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function resolve(root: unknown, segments: readonly string[]): { found: boolean; value?: unknown } {
  let value = root;
  for (const segment of segments) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment))
      return { found: false };
    value = (value as Record<string, unknown>)[segment];
  }
  return { found: true, value };
}

/** Every problem names a field of the definition, or (for a missing field) a field of an object it has. */
function pointsIntoDefinition(raw: unknown, result: ParseResult): void {
  for (const problem of result.problems) {
    const segments = segmentsOf(problem.path);
    const target = problem.code === 'MISSING_FIELD' ? segments.slice(0, -1) : segments;
    expect(resolve(raw, target).found, `${problem.code} ${problem.path}`).toBe(true);
  }
}

const lambda = 'arn:aws:lambda:us-east-1:123456789012:function:f';

/** A valid definition that uses every state type, nesting and error handling. */
function richDefinition(): Record<string, unknown> {
  return {
    Comment: 'Every state type',
    StartAt: 'Start',
    TimeoutSeconds: 600,
    States: {
      Start: {
        Type: 'Pass',
        Parameters: { 'a.$': '$.a', b: [1, { c: 'd' }] },
        ResultPath: '$.p',
        Next: 'Check',
      },
      Check: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.n', NumericGreaterThan: 3, Next: 'Work' },
          {
            And: [
              { Variable: '$.s', IsString: true },
              { Variable: '$.s', StringMatches: 'a*' },
            ],
            Next: 'Hold',
          },
        ],
        Default: 'Fan',
      },
      Work: {
        Type: 'Task',
        Resource: lambda,
        TimeoutSeconds: 30,
        HeartbeatSecondsPath: '$.hb',
        ResultSelector: { 'v.$': '$.Payload' },
        Retry: [{ ErrorEquals: ['States.Timeout'], MaxAttempts: 2, JitterStrategy: 'FULL' }],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }],
        Next: 'Hold',
      },
      Hold: { Type: 'Wait', Timestamp: '2024-01-01T00:00:00Z', Next: 'Fan' },
      Fan: {
        Type: 'Parallel',
        Branches: [
          {
            StartAt: 'B1',
            States: { B1: { Type: 'Wait', SecondsPath: '$.w', Next: 'B2' }, B2: { Type: 'Succeed' } },
          },
          { StartAt: 'B3', States: { B3: { Type: 'Task', Resource: lambda, End: true } } },
        ],
        Next: 'Each',
      },
      Each: {
        Type: 'Map',
        ItemsPath: '$.items',
        ItemSelector: { 'item.$': '$$.Map.Item.Value' },
        MaxConcurrency: 4,
        ToleratedFailureCount: 1,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Inner',
          States: { Inner: { Type: 'Pass', End: true } },
        },
        OutputPath: '$[0]',
        Next: 'Finish',
      },
      Finish: { Type: 'Succeed' },
      Failed: { Type: 'Fail', ErrorPath: '$.error.Error', CausePath: 'States.JsonToString($.error)' },
    },
  };
}

function pathsOf(value: unknown, at: Segment[] = []): Segment[][] {
  const paths: Segment[][] = [at];
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) paths.push(...pathsOf(item, [...at, index]));
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value))
      paths.push(...pathsOf((value as Record<string, unknown>)[key], [...at, key]));
  }
  return paths;
}

const RICH_PATHS = pathsOf(richDefinition()).filter((path) => path.length > 0);
const STATES_PATHS = pathsOf(richDefinition()).filter((path) => path[path.length - 1] === 'States');

function parentOf(root: unknown, path: readonly Segment[]): Record<string | number, unknown> {
  let value = root;
  for (const segment of path.slice(0, -1)) value = (value as Record<string | number, unknown>)[segment];
  return value as Record<string | number, unknown>;
}

function put(object: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

type Mutation =
  | { kind: 'delete'; path: Segment[] }
  | { kind: 'replace'; path: Segment[]; value: unknown }
  | { kind: 'rename'; path: Segment[]; index: number; name: string };

function mutate(raw: Record<string, unknown>, mutation: Mutation): void {
  const parent = parentOf(raw, mutation.path);
  const last = mutation.path[mutation.path.length - 1];
  if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (mutation.kind === 'replace') {
    put(parent, last, mutation.value);
  } else {
    const states = parent[last] as Record<string, unknown>;
    const names = Object.keys(states);
    const old = names[mutation.index % names.length];
    const renamed: Record<string, unknown> = {};
    for (const name of names) put(renamed, name === old ? mutation.name : name, states[name]);
    put(parent, last, renamed);
  }
}

const stateName = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'Start',
    'Inner',
    'B1',
    'x'.repeat(81),
  ),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...RICH_PATHS) }),
  fc.record({
    kind: fc.constant('replace' as const),
    path: fc.constantFrom(...RICH_PATHS),
    value: fc.oneof(
      fc.jsonValue(),
      fc.constantFrom('$', '$$', 'States.UUID()', '$.a[*]', '', 'Start', 0, -1),
    ),
  }),
  fc.record({
    kind: fc.constant('rename' as const),
    path: fc.constantFrom(...STATES_PATHS),
    index: fc.nat(),
    name: stateName,
  }),
);

describe('robustness', () => {
  it('parses the rich definition without a problem', () => {
    expect(parseDefinition(richDefinition()).problems).toEqual([]);
  });

  it('never throws on any value at all', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withObjectString: true,
          withSparseArray: true,
          withTypedArray: true,
        }),
        (raw) => keepsContract(parseDefinition(raw)),
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on any JSON value, and points every problem into it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const result = parseDefinition(raw);
        keepsContract(result);
        pointsIntoDefinition(raw, result);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random mutations of a valid definition, and points every problem into it', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const raw = richDefinition();
        for (const change of mutations) {
          try {
            mutate(raw, change);
          } catch {
            // A later mutation may address a path an earlier one removed: skip it.
          }
        }
        const result = parseDefinition(raw);
        keepsContract(result);
        pointsIntoDefinition(raw, result);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on machines assembled from random states', () => {
    const names = ['A', 'B', 'C', '__proto__'];
    const state = fc.record(
      {
        Type: fc.constantFrom(
          'Pass',
          'Task',
          'Choice',
          'Wait',
          'Succeed',
          'Fail',
          'Parallel',
          'Map',
          'Other',
        ),
        Next: fc.constantFrom(...names),
        End: fc.boolean(),
        Resource: fc.constantFrom(lambda, 'x'),
        Seconds: fc.integer({ min: -2, max: 5 }),
        Default: fc.constantFrom(...names),
        Choices: fc.array(
          fc.record({ Variable: fc.constant('$.x'), IsNull: fc.boolean(), Next: fc.constantFrom(...names) }),
        ),
        Catch: fc.array(
          fc.record({ ErrorEquals: fc.constant(['States.ALL']), Next: fc.constantFrom(...names) }),
        ),
        Branches: fc.constant([{ StartAt: 'A', States: { A: { Type: 'Succeed' } } }]),
        ItemProcessor: fc.constant({ StartAt: 'A', States: { A: { Type: 'Succeed' } } }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...names), state),
        fc.constantFrom(...names),
        (states, startAt) => {
          const raw = { StartAt: startAt, States: states };
          const result = parseDefinition(raw);
          keepsContract(result);
          pointsIntoDefinition(raw, result);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives the same problems for JSON text as for its parsed value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        expect(parseDefinitionText(JSON.stringify(raw)).problems).toEqual(parseDefinition(raw).problems);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any text, as JSON or as YAML', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.constantFrom('json' as const, 'yaml' as const),
        (text, format) => {
          keepsContract(parseDefinitionText(text, { format }));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on YAML built from arbitrary keys and values', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constantFrom('.inf', '.nan', '~', 'true', '!!binary aGk=', '&a x', '*a'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(scalar, scalar)), (pairs) => {
        const text = pairs.map(([key, value]) => `${key}: ${value}`).join('\n');
        keepsContract(parseDefinitionText(text, { format: 'yaml' }));
      }),
      { numRuns: 500 },
    );
  });

  it('reports, rather than overflows on, very deep nesting', () => {
    let machine: unknown = { Type: 'Succeed' };
    for (let depth = 0; depth < 300; depth++) {
      machine = {
        Type: 'Parallel',
        End: true,
        Branches: [{ StartAt: `S${depth}`, States: { [`S${depth}`]: machine } }],
      };
    }
    const result = parseDefinition({ StartAt: 'Top', States: { Top: machine } });
    expect(result.problems.map((problem) => problem.code)).toEqual(['INVALID_JSON']);
    const deepArray = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const format of ['json', 'yaml'] as const) {
      const text = format === 'json' ? `{"StartAt": ${deepArray}}` : `StartAt: ${deepArray}`;
      expect(parseDefinitionText(text, { format }).problems.map((problem) => problem.code)).toEqual([
        'INVALID_JSON',
      ]);
    }
  });

  it('reads nesting well within the limit', () => {
    let machine: unknown = { Type: 'Succeed' };
    for (let depth = 0; depth < 60; depth++) {
      machine = {
        Type: 'Parallel',
        End: true,
        Branches: [{ StartAt: `S${depth}`, States: { [`S${depth}`]: machine } }],
      };
    }
    const result = parseDefinition({ StartAt: 'Top', States: { Top: machine } });
    expect(result.problems).toEqual([]);
    expect(result.definition?.machines.size).toBe(61);
  });
});
