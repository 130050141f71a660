/** DescribeStateMachineForExecution: the definition version the execution runs on (I4), not the latest. */
import { stateMachineArn } from '../../runtime/arn.js';
import type { Operation } from '../api-context.js';
import { checkExecutionArn } from '../arns.js';
import { epochSeconds } from '../dates.js';
import { requiredString } from '../request-fields.js';

export const describeStateMachineForExecution: Operation = async (api, body) => {
  const executionArn = checkExecutionArn(requiredString(body, 'executionArn'));
  const { stateMachineName, version, machine } =
    await api.runtime.describeStateMachineForExecution(executionArn);
  const { region, account } = api.runtime.settings;
  return {
    stateMachineArn: stateMachineArn(stateMachineName, region, account),
    name: stateMachineName,
    definition: version.definition,
    roleArn: machine?.roleArn ?? `arn:aws:iam::${account}:role/quickstep`,
    updateDate: epochSeconds(version.createdAt),
    loggingConfiguration: { level: 'OFF', includeExecutionData: false },
    tracingConfiguration: { enabled: false },
    revisionId: version.versionId,
  };
};
