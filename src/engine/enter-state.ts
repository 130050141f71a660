/** Runs the current state: on entry (after its StateEntered event) and again on each retry. */
import type { State } from '../asl/types.js';
import { guarded } from './state-failure.js';
import { runChoice } from './states/choice.js';
import { runFail } from './states/fail.js';
import { runMap } from './states/map.js';
import { runParallel } from './states/parallel.js';
import { runPass } from './states/pass.js';
import { runSucceed } from './states/succeed.js';
import { runTask } from './states/task.js';
import { runWait } from './states/wait.js';
import type { Turn } from './turn.js';

export async function enterState(turn: Turn): Promise<void> {
  const state = turn.state;
  turn.setPosition({ ...turn.position, enteredTime: turn.now });
  turn.record(state.type === 'Fail' ? 'FailStateEntered' : `${state.type}StateEntered`, {
    name: state.name,
    input: turn.position.input,
  });
  await runState(turn, state);
}

export function runState(turn: Turn, state: State): Promise<void> {
  return guarded(turn, state, () => {
    switch (state.type) {
      case 'Pass':
        return runPass(turn, state);
      case 'Task':
        return runTask(turn, state);
      case 'Choice':
        return runChoice(turn, state);
      case 'Wait':
        return runWait(turn, state);
      case 'Succeed':
        return runSucceed(turn, state);
      case 'Fail':
        return runFail(turn, state);
      case 'Parallel':
        return runParallel(turn, state);
      case 'Map':
        return runMap(turn, state);
    }
  });
}
