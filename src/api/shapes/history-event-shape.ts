/**
 * History events as GetExecutionHistory answers them: the engine keeps JSON values in its
 * details, Step Functions sends them as JSON text in `input`, `output` and `parameters`, under
 * a member named after the event's type (`taskScheduledEventDetails`, …). Types that carry no
 * details in Step Functions (ParallelStateStarted, LambdaFunctionStarted, …) get none.
 */
import type { Json } from '../../asl/json.js';
import type { HistoryEvent } from '../../engine/types.js';
import type { ResponseBody } from '../api-context.js';
import { epochSeconds } from '../dates.js';

/** Event types whose `<camelCaseType>EventDetails` member exists in the Step Functions API. */
const DETAILED_TYPES = new Set([
  ...['Failed', 'ScheduleFailed', 'Scheduled', 'Started', 'Succeeded', 'TimedOut'].map((s) => `Activity${s}`),
  ...[
    'Failed',
    'Scheduled',
    'StartFailed',
    'Started',
    'SubmitFailed',
    'Submitted',
    'Succeeded',
    'TimedOut',
  ].map((s) => `Task${s}`),
  ...['Failed', 'Started', 'Succeeded', 'Aborted', 'TimedOut', 'Redriven'].map((s) => `Execution${s}`),
  ...['Started', 'Succeeded', 'Failed', 'Aborted'].map((s) => `MapIteration${s}`),
  ...['Failed', 'ScheduleFailed', 'Scheduled', 'StartFailed', 'Succeeded', 'TimedOut'].map(
    (s) => `LambdaFunction${s}`,
  ),
  'MapStateStarted',
  'MapRunStarted',
  'MapRunFailed',
  'MapRunRedriven',
  'EvaluationFailed',
]);

/** Members that hold execution data: JSON text in the API, left out without includeExecutionData. */
const DATA_MEMBERS = ['input', 'output'] as const;

export function detailsMember(type: string): string | undefined {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  if (!DETAILED_TYPES.has(type)) return undefined;
  return `${type[0].toLowerCase()}${type.slice(1)}EventDetails`;
}

export function historyEventShape(event: HistoryEvent, includeExecutionData: boolean): ResponseBody {
  const shaped: ResponseBody = {
    timestamp: epochSeconds(event.timestamp),
    type: event.type,
    id: event.id,
    previousEventId: event.previousEventId,
  };
  const member = detailsMember(event.type);
  if (member) shaped[member] = detailsShape(event.details ?? {}, includeExecutionData);
  return shaped;
}

function detailsShape(details: { [key: string]: Json | undefined }, includeData: boolean): ResponseBody {
  const shaped: ResponseBody = {};
  for (const [key, value] of Object.entries(details)) {
    if (value === undefined) continue;
    if (key === 'parameters') shaped[key] = JSON.stringify(value);
    else if (key === 'assignedVariables') shaped[key] = stringValues(value);
    else if (!(DATA_MEMBERS as readonly string[]).includes(key)) shaped[key] = value;
  }
  for (const key of DATA_MEMBERS) {
    const value = details[key];
    if (value === undefined || !includeData) continue;
    shaped[key] = JSON.stringify(value);
    shaped[`${key}Details`] = { truncated: false };
  }
  return shaped;
}

/** Assigned variables: each value as JSON text, as Step Functions records them. */
function stringValues(value: Json): { [name: string]: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([name, v]) => [name, JSON.stringify(v)]));
}
