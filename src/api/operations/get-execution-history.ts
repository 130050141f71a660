/**
 * GetExecutionHistory: the execution's events with its Map iterations' and Parallel branches'
 * merged in, as Step Functions shows them; paged either way, with or without input and output.
 */
import type { Operation } from '../api-context.js';
import { checkExecutionArn } from '../arns.js';
import { optionalBoolean, optionalInteger, optionalString, requiredString } from '../request-fields.js';
import { historyEventShape } from '../shapes/history-event-shape.js';

export const getExecutionHistory: Operation = async (api, body) => {
  const executionArn = checkExecutionArn(requiredString(body, 'executionArn'));
  const limit = optionalInteger(body, 'maxResults', { min: 0, max: 1000 });
  const reverse = optionalBoolean(body, 'reverseOrder') ?? false;
  const nextToken = optionalString(body, 'nextToken', { min: 1, max: 3096 });
  const includeData = optionalBoolean(body, 'includeExecutionData') ?? true;
  // Unknown executions are an error, not an empty history.
  const record = await api.runtime.describeExecution(executionArn);
  const page = await api.histories.page(record, { reverse, limit, nextToken });
  return {
    events: page.items.map((event) => historyEventShape(event, includeData)),
    nextToken: page.nextToken,
  };
};
