import { StatesError } from '../../asl/errors.js';
import type { Scope } from '../../asl/scope.js';
import { parseTimestamp } from '../../asl/timestamp.js';
import type { WaitState } from '../../asl/types.js';
import { applyInputPath, applyOutputPath } from '../data-flow.js';
import { stateScope, withInput } from '../scope.js';
import { QueryEvaluationError } from '../../asl/jsonata/query-error.js';
import { evaluateJsonata } from '../jsonata-input.js';
import { exitJsonataState, jsonPathCompletion } from '../state-output.js';
import { exitState } from '../transition.js';
import type { Turn } from '../turn.js';

/** Wait: a timer until the due time; a due time already past exits at once. */
export async function runWait(turn: Turn, state: WaitState): Promise<void> {
  const scope = stateScope(turn, turn.position.input);
  const effective =
    state.queryLanguage === 'JSONata' ? turn.position.input : applyInputPath(state.inputPath, scope);
  const dueTime = await dueTimeOf(turn, state, withInput(scope, effective), turn.now);
  if (dueTime <= turn.now) {
    await finishWait(turn, state);
    return;
  }
  const waitId = turn.newWaitId();
  turn.setPosition({ ...turn.position, phase: { kind: 'waiting', waitId } });
  turn.effect({ type: 'StartTimer', waitId, dueTime, purpose: 'Wait' });
}

export async function finishWait(turn: Turn, state: WaitState): Promise<void> {
  if (state.queryLanguage === 'JSONata') {
    await exitJsonataState(turn, state, turn.position.input, state.transition);
    return;
  }
  const scope = stateScope(turn, turn.position.input);
  const effective = applyInputPath(state.inputPath, scope);
  const output = applyOutputPath(state.outputPath, withInput(scope, effective));
  const completion = await jsonPathCompletion(turn, state.assign, scope, effective, output);
  exitState(turn, state, completion.output, state.transition, completion.assigned);
}

async function dueTimeOf(turn: Turn, state: WaitState, scope: Scope, now: number): Promise<number> {
  const { duration } = state;
  switch (duration.kind) {
    case 'SecondsExpression': {
      const seconds = await evaluateJsonata(turn, duration.expression, 'Seconds', turn.position.input);
      if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
        throw new QueryEvaluationError(
          `The JSONata expression specified for the field 'Seconds' must return a non-negative integer, got ${JSON.stringify(seconds)}`,
          'Seconds',
        );
      }
      return now + seconds * 1000;
    }
    case 'TimestampExpression': {
      const text = await evaluateJsonata(turn, duration.expression, 'Timestamp', turn.position.input);
      const epochMs = typeof text === 'string' ? parseTimestamp(text) : undefined;
      if (epochMs === undefined) {
        throw new QueryEvaluationError(
          `The JSONata expression specified for the field 'Timestamp' must return an RFC 3339 timestamp, got ${JSON.stringify(text)}`,
          'Timestamp',
        );
      }
      return epochMs;
    }
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
