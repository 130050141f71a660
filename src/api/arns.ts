/**
 * The ARNs a request names, checked as Step Functions checks them: a malformed one is
 * InvalidArn; a well-formed one of another region or account names nothing here.
 */
import { QuickstepError } from '../runtime/errors.js';
import { validation } from './request-fields.js';

export interface ArnScope {
  region: string;
  account: string;
}

const PARTITION = 'aws(?:-[a-z-]+)?';
/** Names never hold ':' or '/', so a child execution's internal id is no execution ARN. */
const NAME = '[^:/\\s]+';
const STATE_MACHINE = new RegExp(
  `^arn:${PARTITION}:states:([a-z0-9-]+):(\\d{12}):stateMachine:(${NAME})(?::(${NAME}))?$`,
);
const EXECUTION = new RegExp(
  `^arn:${PARTITION}:states:[a-z0-9-]+:\\d{12}:(?:execution|express):${NAME}:${NAME}$`,
);

const invalidArn = (member: string, arn: string) =>
  new QuickstepError('InvalidArn', `Invalid Arn: '${arn}' is not a valid ${member}`);

/** The state machine's name, from its ARN. */
export function stateMachineNameOf(arn: string, scope: ArnScope, member = 'stateMachineArn'): string {
  const match = STATE_MACHINE.exec(arn);
  if (!match) throw invalidArn(member, arn);
  const [, region, account, name, qualifier] = match;
  if (qualifier !== undefined)
    throw validation(`State machine versions and aliases are not supported yet: '${arn}'`);
  if (region !== scope.region || account !== scope.account)
    throw new QuickstepError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  return name;
}

export function checkExecutionArn(arn: string, member = 'executionArn'): string {
  if (!EXECUTION.test(arn)) throw invalidArn(member, arn);
  return arn;
}

/** A role ARN is only recorded (nothing assumes it locally), but it must look like one. */
export function checkRoleArn(arn: string | undefined): string | undefined {
  if (arn !== undefined && !/^arn:aws[a-z-]*:iam::\d{12}:role\/\S+$/.test(arn))
    throw invalidArn('roleArn', arn);
  return arn;
}
