/** The "Execution Status Change" event (DESIGN.md, Outside contracts), shaped like Step Functions'. */
import { stateMachineArn } from '../arn.js';
import type { ExecutionStatus } from '../../engine/types.js';
import type { ExecutionRecord, StatusEvent } from '../ports.js';
import type { RuntimeSettings } from './runtime-config.js';

/** The event for `status` (by default the record's): a carried start still announces RUNNING. */
export function statusEvent(
  record: ExecutionRecord,
  settings: RuntimeSettings,
  status: ExecutionStatus = record.snapshot.status,
): StatusEvent {
  const { snapshot } = record;
  const finished = status !== 'RUNNING';
  // Stable per execution, status and redrive, so consumers can deduplicate deliveries.
  const redrive = snapshot.execution.redriveCount;
  const eventId = `${record.id}:${status}${redrive > 0 ? `:redrive-${redrive}` : ''}`;
  return {
    eventId,
    source: settings.eventSource,
    detailType: 'Execution Status Change',
    time: finished ? (snapshot.stopTime ?? record.startDate) : record.startDate,
    resources: [record.id],
    detail: {
      eventId,
      redriveCount: redrive,
      executionArn: record.id,
      stateMachineArn: stateMachineArn(record.stateMachineName, settings.region, settings.account),
      name: record.name,
      status,
      startDate: record.startDate,
      stopDate: finished ? (snapshot.stopTime ?? null) : null,
      input: JSON.stringify(snapshot.execution.input),
      output: !finished || snapshot.output === undefined ? null : JSON.stringify(snapshot.output),
      error: (finished && snapshot.error) || null,
      cause: (finished && snapshot.cause) || null,
    },
  };
}
