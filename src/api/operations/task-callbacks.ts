/** SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat: the runtime judges the token (I3). */
import type { Operation } from '../api-context.js';
import { memberOf, optionalString, type RequestBody, validation } from '../request-fields.js';

/** Present and a string; its length and validity are the runtime's to judge (InvalidToken). */
function taskToken(body: RequestBody): string {
  const token = memberOf(body, 'taskToken');
  if (token === undefined || token === null) throw validation('taskToken is required');
  if (typeof token !== 'string') throw validation('taskToken must be a string');
  return token;
}

export const sendTaskSuccess: Operation = async (api, body) => {
  const token = taskToken(body);
  const output = optionalString(body, 'output');
  if (output === undefined) throw validation('output is required');
  await api.runtime.sendTaskSuccess(token, output);
  return {};
};

export const sendTaskFailure: Operation = async (api, body) => {
  const token = taskToken(body);
  const error = optionalString(body, 'error', { max: 256 });
  const cause = optionalString(body, 'cause', { max: 32_768 });
  await api.runtime.sendTaskFailure(token, error, cause);
  return {};
};

export const sendTaskHeartbeat: Operation = async (api, body) => {
  await api.runtime.sendTaskHeartbeat(taskToken(body));
  return {};
};
