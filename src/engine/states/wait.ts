import { StatesError } from '../../asl/errors.js';
import type { Scope } from '../../asl/scope.js';
import { parseTimestamp } from '../../asl/timestamp.js';
import type { WaitState } from '../../asl/types.js';
import { applyInputPath, applyOutputPath } from '../data-flow.js';
import { stateScope, withInput } from '../scope.js';
import { exitState } from '../transition.js';
import type { Turn } from '../turn.js';

/** Wait: a timer until the due time; a due time already past exits at once. */
export function runWait(turn: Turn, state: WaitState): void {
  const scope = stateScope(turn, turn.position.input);
  const effective = applyInputPath(state.inputPath, scope);
  const dueTime = dueTimeOf(state, withInput(scope, effective), turn.now);
  if (dueTime <= turn.now) {
    finishWait(turn, state);
    return;
  }
  const waitId = turn.newWaitId();
  turn.setPosition({ ...turn.position, phase: { kind: 'waiting', waitId } });
  turn.effect({ type: 'StartTimer', waitId, dueTime, purpose: 'Wait' });
}

export function finishWait(turn: Turn, state: WaitState): void {
  const scope = stateScope(turn, turn.position.input);
  const output = applyOutputPath(state.outputPath, withInput(scope, applyInputPath(state.inputPath, scope)));
  exitState(turn, state, output, state.transition);
}

function dueTimeOf(state: WaitState, scope: Scope, now: number): number {
  const { duration } = state;
  switch (duration.kind) {
    case 'Seconds':
      return now + duration.seconds * 1000;
    case 'Timestamp':
      return duration.epochMs;
    case 'SecondsPath': {
      const seconds = duration.path.read(scope);
      if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
        throw new StatesError(
          'States.Runtime',
          `The SecondsPath parameter '${duration.path.text}' does not reference a valid non-negative integer: ${JSON.stringify(seconds)}`,
        );
      }
      return now + seconds * 1000;
    }
    case 'TimestampPath': {
      const text = duration.path.read(scope);
      const epochMs = typeof text === 'string' ? parseTimestamp(text) : undefined;
      if (epochMs === undefined) {
        throw new StatesError(
          'States.Runtime',
          `The TimestampPath parameter '${duration.path.text}' does not reference a valid ISO-8601 timestamp: ${JSON.stringify(text)}`,
        );
      }
      return epochMs;
    }
  }
}
