/** Transition targets, reachability and state names, within and across nested machines. */
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../../../src/asl/index.js';
import { summary } from './helpers.js';

const succeed = { Type: 'Succeed' };

describe('reachability', () => {
  it('reports each state no transition reaches from StartAt', () => {
    const result = parseDefinition({
      StartAt: 'A',
      States: { A: { Type: 'Pass', End: true }, B: { Type: 'Pass', Next: 'C' }, C: succeed },
    });
    expect(summary(result)).toEqual(['UNREACHABLE_STATE /States/B', 'UNREACHABLE_STATE /States/C']);
  });

  it('follows Next, Default, every Choice rule and every Catch', () => {
    const result = parseDefinition({
      StartAt: 'Check',
      States: {
        Check: {
          Type: 'Choice',
          Choices: [
            { Variable: '$.a', IsPresent: true, Next: 'ByRule' },
            { Not: { Variable: '$.b', IsNull: true }, Next: 'Work' },
          ],
          Default: 'ByDefault',
        },
        ByRule: succeed,
        ByDefault: succeed,
        Work: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f',
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'ByCatch' }],
          Next: 'Loop',
        },
        ByCatch: succeed,
        // A cycle back to the Choice is a valid loop.
        Loop: { Type: 'Wait', Seconds: 1, Next: 'Check' },
      },
    });
    expect(result.problems).toEqual([]);
  });

  it('does not count a Next that is forbidden on its state type as a transition', () => {
    const result = parseDefinition({
      StartAt: 'Stop',
      States: { Stop: { Type: 'Succeed', Next: 'After' }, After: succeed },
    });
    expect(summary(result)).toEqual(['FORBIDDEN_FIELD /States/Stop/Next', 'UNREACHABLE_STATE /States/After']);
  });

  it('still follows the Next of a state whose Type is invalid, without checking it', () => {
    const result = parseDefinition({ StartAt: 'A', States: { A: { Type: 'Nope', Next: 'B' }, B: succeed } });
    expect(summary(result)).toEqual(['SCHEMA_VALIDATION_FAILED /States/A/Type']);
  });
});

describe('nested machines', () => {
  const branch = (states: Record<string, unknown>, startAt = Object.keys(states)[0]) => ({
    StartAt: startAt,
    States: states,
  });

  it('does not let a Next leave its Parallel branch', () => {
    const result = parseDefinition({
      StartAt: 'P',
      States: {
        P: { Type: 'Parallel', Branches: [branch({ X: { Type: 'Pass', Next: 'After' } })], Next: 'After' },
        After: succeed,
      },
    });
    expect(summary(result)).toEqual(['MISSING_TRANSITION_TARGET /States/P/Branches/0/States/X/Next']);
  });

  it('does not let a top-level Next enter a Map processor', () => {
    const result = parseDefinition({
      StartAt: 'M',
      States: {
        M: { Type: 'Map', ItemProcessor: branch({ Inner: succeed }), Next: 'Inner' },
      },
    });
    expect(summary(result)).toEqual(['MISSING_TRANSITION_TARGET /States/M/Next']);
  });

  it('checks reachability inside each branch on its own', () => {
    const result = parseDefinition({
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [branch({ X: succeed }), branch({ Y: succeed, Z: succeed })],
          End: true,
        },
      },
    });
    expect(summary(result)).toEqual(['UNREACHABLE_STATE /States/P/Branches/1/States/Z']);
  });

  it('reports problems at their pointer at any depth', () => {
    const deep = { Type: 'Map', Iterator: branch({ Leaf: { Type: 'Task', End: true } }), End: true };
    const result = parseDefinition({
      StartAt: 'P',
      States: { P: { Type: 'Parallel', Branches: [branch({ Deep: deep })], End: true } },
    });
    expect(summary(result)).toEqual([
      'MISSING_FIELD /States/P/Branches/0/States/Deep/Iterator/States/Leaf/Resource',
    ]);
  });
});

describe('state names', () => {
  it('accepts a name of 80 characters, counting Unicode characters', () => {
    for (const name of ['n'.repeat(80), '😀'.repeat(80)]) {
      expect(parseDefinition({ StartAt: name, States: { [name]: succeed } }).problems).toEqual([]);
    }
  });

  it('rejects a name of 81 characters', () => {
    const name = 'n'.repeat(81);
    expect(summary(parseDefinition({ StartAt: name, States: { [name]: succeed } }))).toEqual([
      `STATE_NAME_TOO_LONG /States/${name}`,
    ]);
  });

  it('rejects an empty name', () => {
    expect(summary(parseDefinition({ StartAt: '', States: { '': succeed } }))).toEqual([
      'SCHEMA_VALIDATION_FAILED /States/',
    ]);
  });

  it('rejects a name used in a branch and at the top level, at the nested one', () => {
    const result = parseDefinition({
      StartAt: 'P',
      States: {
        P: { Type: 'Parallel', Branches: [{ StartAt: 'Done', States: { Done: succeed } }], Next: 'Done' },
        Done: succeed,
      },
    });
    expect(summary(result)).toEqual(['DUPLICATE_STATE_NAME /States/P/Branches/0/States/Done']);
    expect(result.problems[0].message).toContain('/States/Done');
  });

  it('rejects a name used in two branches and in a Map processor', () => {
    const shared = { StartAt: 'Work', States: { Work: succeed } };
    const result = parseDefinition({
      StartAt: 'P',
      States: {
        P: { Type: 'Parallel', Branches: [shared, shared], Next: 'M' },
        M: { Type: 'Map', ItemProcessor: shared, End: true },
      },
    });
    expect(summary(result)).toEqual([
      'DUPLICATE_STATE_NAME /States/M/ItemProcessor/States/Work',
      'DUPLICATE_STATE_NAME /States/P/Branches/1/States/Work',
    ]);
  });

  it('escapes ~ and / in pointers (RFC 6901)', () => {
    const result = parseDefinition({ StartAt: 'a/b~c', States: { 'a/b~c': { Type: 'Pass' } } });
    expect(summary(result)).toEqual(['NO_TRANSITION /States/a~1b~0c']);
  });
});
