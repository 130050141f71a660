/**
 * Which errors an ErrorEquals list matches, as "Handling errors in Step Functions workflows"
 * documents: States.ALL matches any error but States.DataLimitExceeded and States.Runtime;
 * States.TaskFailed matches any error except States.Timeout; States.Runtime is never retried
 * nor caught; names are case-sensitive.
 */
import { describe, expect, it } from 'vitest';
import { errorMatches, isTerminalError } from '../../../../src/asl/retry-catch.js';

describe('errorMatches', () => {
  it('matches names exactly and case-sensitively', () => {
    expect(errorMatches(['HandledError'], 'HandledError')).toBe(true);
    expect(errorMatches(['HandledError'], 'handlederror')).toBe(false);
    expect(errorMatches(['ErrorA', 'ErrorB'], 'ErrorB')).toBe(true);
    expect(errorMatches(['java.lang.Exception'], 'java.lang.RuntimeException')).toBe(false);
  });

  it('States.ALL matches custom, Lambda and predefined errors', () => {
    for (const error of [
      'CustomError',
      'Lambda.Unknown',
      'States.TaskFailed',
      'States.Timeout',
      'States.Permissions',
    ]) {
      expect(errorMatches(['States.ALL'], error)).toBe(true);
    }
    expect(errorMatches(['States.ALL'], 'States.HeartbeatTimeout')).toBe(true);
    expect(errorMatches(['States.ALL'], 'States.BranchFailed')).toBe(true);
  });

  it('States.ALL does not match States.Runtime nor States.DataLimitExceeded', () => {
    expect(errorMatches(['States.ALL'], 'States.Runtime')).toBe(false);
    expect(errorMatches(['States.ALL'], 'States.DataLimitExceeded')).toBe(false);
  });

  it('States.TaskFailed matches any error except timeouts (a Lambda error: doc "matches any error that a Lambda function outputs")', () => {
    expect(errorMatches(['States.TaskFailed'], 'HandledError')).toBe(true);
    expect(errorMatches(['States.TaskFailed'], 'Lambda.Unknown')).toBe(true);
    expect(errorMatches(['States.TaskFailed'], 'States.TaskFailed')).toBe(true);
    expect(errorMatches(['States.TaskFailed'], 'States.Permissions')).toBe(true);
    expect(errorMatches(['States.TaskFailed'], 'States.Timeout')).toBe(false);
    expect(errorMatches(['States.TaskFailed'], 'States.HeartbeatTimeout')).toBe(false);
    expect(errorMatches(['States.TaskFailed'], 'States.Runtime')).toBe(false);
    expect(errorMatches(['States.TaskFailed'], 'States.DataLimitExceeded')).toBe(false);
  });

  it('States.Timeout also matches a heartbeat timeout; States.HeartbeatTimeout only that', () => {
    expect(errorMatches(['States.Timeout'], 'States.HeartbeatTimeout')).toBe(true);
    expect(errorMatches(['States.HeartbeatTimeout'], 'States.HeartbeatTimeout')).toBe(true);
    expect(errorMatches(['States.HeartbeatTimeout'], 'States.Timeout')).toBe(false);
  });

  it('States.DataLimitExceeded is matched when named explicitly', () => {
    expect(errorMatches(['States.DataLimitExceeded'], 'States.DataLimitExceeded')).toBe(true);
  });

  it('States.Runtime is matched by nothing, not even its own name', () => {
    expect(errorMatches(['States.Runtime'], 'States.Runtime')).toBe(false);
    expect(isTerminalError('States.Runtime')).toBe(true);
    expect(isTerminalError('States.DataLimitExceeded')).toBe(false);
    expect(isTerminalError('States.TaskFailed')).toBe(false);
  });
});
