/** `X-Amz-Target: AWSStepFunctions.<Operation>` → the function that serves it. */
import type { Operation } from './api-context.js';
import { describeStateMachineForExecution } from './operations/describe-for-execution.js';
import { describeExecution, listExecutions, startExecution, stopExecution } from './operations/executions.js';
import { getExecutionHistory } from './operations/get-execution-history.js';
import { startSyncExecution } from './operations/start-sync-execution.js';
import {
  createStateMachine,
  deleteStateMachine,
  describeStateMachine,
  listStateMachines,
  updateStateMachine,
} from './operations/state-machines.js';
import { sendTaskFailure, sendTaskHeartbeat, sendTaskSuccess } from './operations/task-callbacks.js';
import { redriveExecution } from './operations/redrive-execution.js';
import { validateStateMachineDefinition } from './operations/validate-definition.js';

export const TARGET_PREFIX = 'AWSStepFunctions.';

export const operations: ReadonlyMap<string, Operation> = new Map([
  ['CreateStateMachine', createStateMachine],
  ['UpdateStateMachine', updateStateMachine],
  ['DescribeStateMachine', describeStateMachine],
  ['ListStateMachines', listStateMachines],
  ['DeleteStateMachine', deleteStateMachine],
  ['DescribeStateMachineForExecution', describeStateMachineForExecution],
  ['ValidateStateMachineDefinition', validateStateMachineDefinition],
  ['StartExecution', startExecution],
  ['StartSyncExecution', startSyncExecution],
  ['StopExecution', stopExecution],
  ['DescribeExecution', describeExecution],
  ['ListExecutions', listExecutions],
  ['GetExecutionHistory', getExecutionHistory],
  ['SendTaskSuccess', sendTaskSuccess],
  ['SendTaskFailure', sendTaskFailure],
  ['SendTaskHeartbeat', sendTaskHeartbeat],
  ['RedriveExecution', redriveExecution],
]);
