/** CreateStateMachine, UpdateStateMachine, DescribeStateMachine, ListStateMachines, DeleteStateMachine. */
import type { StateMachineRecord } from '../../runtime/ports.js';
import type { ApiContext, Operation, ResponseBody } from '../api-context.js';
import { checkRoleArn, stateMachineNameOf } from '../arns.js';
import { epochSeconds } from '../dates.js';
import {
  memberOf,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalString,
  type RequestBody,
  requiredString,
  validation,
} from '../request-fields.js';

const TYPES = ['STANDARD', 'EXPRESS'] as const;
/** Step Functions' limit on a definition's size. */
const MAX_DEFINITION = 1024 * 1024;
/** Quickstep records no logs or traces of its own: these are what Step Functions shows for "off". */
const LOGGING_OFF = { level: 'OFF', includeExecutionData: false };
const TRACING_OFF = { enabled: false };

function refusePublish(body: RequestBody): void {
  if (optionalBoolean(body, 'publish'))
    throw validation('Publishing state machine versions is not supported yet; leave publish unset');
}

const nameOf = (api: ApiContext, body: RequestBody) =>
  stateMachineNameOf(requiredString(body, 'stateMachineArn'), api.runtime.settings);

export const createStateMachine: Operation = async (api, body) => {
  const name = requiredString(body, 'name');
  const definition = requiredString(body, 'definition', { max: MAX_DEFINITION });
  const roleArn = checkRoleArn(optionalString(body, 'roleArn'));
  const type = optionalEnum(body, 'type', TYPES);
  refusePublish(body);
  const record = await api.runtime.createStateMachine({ name, definition, roleArn, type });
  return { stateMachineArn: record.arn, creationDate: epochSeconds(record.createdAt) };
};

export const updateStateMachine: Operation = async (api, body) => {
  const name = nameOf(api, body);
  const definition = optionalString(body, 'definition', { min: 1, max: MAX_DEFINITION });
  const roleArn = checkRoleArn(optionalString(body, 'roleArn'));
  refusePublish(body);
  const changesSomething = ['definition', 'roleArn', 'loggingConfiguration', 'tracingConfiguration'].some(
    (member) => memberOf(body, member) !== undefined,
  );
  if (!changesSomething)
    throw validation(
      'UpdateStateMachine needs at least one of definition, roleArn, loggingConfiguration or tracingConfiguration',
    );
  // A role-only update keeps the current definition (and so the same version).
  const current = await api.runtime.describeStateMachine(name);
  const record = await api.runtime.updateStateMachine({
    name,
    definition: definition ?? current.version.definition,
    roleArn,
  });
  return { updateDate: epochSeconds(record.updatedAt), revisionId: record.versionId };
};

export const describeStateMachine: Operation = async (api, body) => {
  const { machine, version } = await api.runtime.describeStateMachine(nameOf(api, body));
  return {
    ...machineShape(machine),
    status: 'ACTIVE',
    definition: version.definition,
    roleArn: machine.roleArn,
    loggingConfiguration: LOGGING_OFF,
    tracingConfiguration: TRACING_OFF,
    revisionId: machine.versionId,
  };
};

export const listStateMachines: Operation = async (api, body) => {
  const limit = optionalInteger(body, 'maxResults', { min: 0, max: 1000 });
  const nextToken = optionalString(body, 'nextToken', { min: 1, max: 1024 });
  const page = await api.runtime.listStateMachines({ limit, nextToken });
  return { stateMachines: page.items.map(machineShape), nextToken: page.nextToken };
};

export const deleteStateMachine: Operation = async (api, body) => {
  await api.runtime.deleteStateMachine(nameOf(api, body));
  return {};
};

function machineShape(machine: StateMachineRecord): ResponseBody {
  return {
    stateMachineArn: machine.arn,
    name: machine.name,
    type: machine.type,
    creationDate: epochSeconds(machine.createdAt),
  };
}
