/** RedriveExecution: a FAILED, TIMED_OUT or ABORTED execution resumes at the state that stopped it. */
import type { Operation } from '../api-context.js';
import { checkExecutionArn } from '../arns.js';
import { epochSeconds } from '../dates.js';
import { optionalString, requiredString } from '../request-fields.js';

export const redriveExecution: Operation = async (api, body) => {
  const executionArn = checkExecutionArn(requiredString(body, 'executionArn'));
  optionalString(body, 'clientToken', { min: 1, max: 64 });
  const { redriveDate } = await api.runtime.redriveExecution(executionArn);
  return { redriveDate: epochSeconds(redriveDate) };
};
