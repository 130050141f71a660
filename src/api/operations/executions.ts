/** StartExecution, StopExecution, DescribeExecution, ListExecutions. */
import type { ApiContext, Operation } from '../api-context.js';
import { checkExecutionArn, stateMachineNameOf } from '../arns.js';
import { epochSeconds } from '../dates.js';
import {
  memberOf,
  optionalEnum,
  optionalInteger,
  optionalString,
  type RequestBody,
  requiredString,
  validation,
} from '../request-fields.js';
import { executionDescription, executionListItem } from '../shapes/execution-shapes.js';

const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'] as const;

/** Reads StartExecution's members; StartSyncExecution takes the same. */
export function startRequest(api: ApiContext, body: RequestBody) {
  const stateMachine = stateMachineNameOf(requiredString(body, 'stateMachineArn'), api.runtime.settings);
  const name = optionalString(body, 'name');
  const input = optionalString(body, 'input');
  optionalString(body, 'traceHeader', { max: 256 });
  return { stateMachine, name, input };
}

export const startExecution: Operation = async (api, body) => {
  const started = await api.runtime.startExecution(startRequest(api, body));
  return { executionArn: started.executionArn, startDate: epochSeconds(started.startDate) };
};

export const stopExecution: Operation = async (api, body) => {
  const executionArn = checkExecutionArn(requiredString(body, 'executionArn'));
  const error = optionalString(body, 'error', { max: 256 });
  const cause = optionalString(body, 'cause', { max: 32_768 });
  const { stopDate } = await api.runtime.stopExecution(executionArn, error, cause);
  return { stopDate: epochSeconds(stopDate) };
};

export const describeExecution: Operation = async (api, body) => {
  const executionArn = checkExecutionArn(requiredString(body, 'executionArn'));
  const record = await api.runtime.describeExecution(executionArn);
  return executionDescription(record, api.runtime.stateMachineArnOf(record));
};

export const listExecutions: Operation = async (api, body) => {
  if (memberOf(body, 'mapRunArn') !== undefined)
    throw validation('Listing the executions of a Map Run is not supported yet');
  if (memberOf(body, 'redriveFilter') !== undefined) throw validation('redriveFilter is not supported yet');
  const stateMachineArn = requiredString(body, 'stateMachineArn');
  const stateMachineName = stateMachineNameOf(stateMachineArn, api.runtime.settings);
  const status = optionalEnum(body, 'statusFilter', STATUSES);
  const limit = optionalInteger(body, 'maxResults', { min: 0, max: 1000 });
  const nextToken = optionalString(body, 'nextToken', { min: 1, max: 3096 });
  // Step Functions answers StateMachineDoesNotExist rather than an empty list.
  const { machine } = await api.runtime.describeStateMachine(stateMachineName);
  // A redrive is applied at once: no execution ever waits in PENDING_REDRIVE.
  if (status === 'PENDING_REDRIVE') return { executions: [] };
  const page = await api.runtime.listExecutions({
    stateMachineName,
    status,
    limit,
    nextToken,
  });
  return {
    executions: page.items.map((item) => executionListItem(item, machine.arn)),
    nextToken: page.nextToken,
  };
};
