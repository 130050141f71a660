/** Creating executions: a top-level one from a start request, a child from its parent's effect. */
import type { Definition } from '../asl/types.js';
import { childExecutionInfo } from './child-execution-info.js';
import { Turn } from './turn.js';
import type { ChildStart, Decision, Env, ExecutionInfo, Snapshot, StartRequest } from './types.js';

export async function startExecution(
  definition: Definition,
  request: StartRequest,
  env: Env,
): Promise<Decision> {
  const now = env.now();
  const execution: ExecutionInfo = {
    id: request.id,
    name: request.name,
    input: request.input,
    startTime: now,
    roleArn: request.roleArn ?? 'arn:aws:iam::000000000000:role/quickstep',
    stateMachineId: request.stateMachineId,
    stateMachineName: request.stateMachineName,
    redriveCount: 0,
  };
  const snapshot = { ...emptySnapshot(request.id, execution, ''), caller: request.caller };
  const turn = new Turn(definition, snapshot, env);
  turn.record('ExecutionStarted', { input: request.input, roleArn: execution.roleArn });
  if (definition.timeoutSeconds) {
    const waitId = 'execution-timeout';
    turn.snapshot.timeoutWaitId = waitId;
    turn.effect({
      type: 'StartTimer',
      waitId,
      dueTime: now + definition.timeoutSeconds * 1000,
      purpose: 'ExecutionTimeout',
    });
  }
  enterFirstState(turn, definition.root.startAt, request.input);
  return turn.decision();
}

export async function startChildExecution(
  definition: Definition,
  execution: ExecutionInfo,
  child: ChildStart,
  env: Env,
): Promise<Decision> {
  const info = childExecutionInfo(definition, child.machineId, execution);
  const snapshot: Snapshot = { ...emptySnapshot(child.id, info, child.machineId), parent: child.parent };
  if (child.variables) snapshot.outerVariables = child.variables;
  const turn = new Turn(definition, snapshot, env);
  const machine = turn.machine;
  enterFirstState(turn, machine.startAt, child.input);
  return turn.decision();
}

function enterFirstState(turn: Turn, startAt: string, input: Snapshot['output']): void {
  turn.setPosition({
    state: startAt,
    input: input ?? null,
    enteredTime: turn.now,
    retryCounts: [],
    phase: { kind: 'entering' },
  });
  turn.effect({ type: 'Continue' });
}

function emptySnapshot(id: string, execution: ExecutionInfo, machineId: string): Snapshot {
  return { id, execution, machineId, status: 'RUNNING', seq: 0, lastEventId: 0 };
}
