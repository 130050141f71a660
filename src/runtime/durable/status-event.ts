/** The "Execution Status Change" event (DESIGN.md, Outside contracts), shaped like Step Functions'. */
import { stateMachineArn } from '../arn.js';
import type { ExecutionRecord, StatusEvent } from '../ports.js';
import type { RuntimeSettings } from './runtime-config.js';

export function statusEvent(record: ExecutionRecord, settings: RuntimeSettings): StatusEvent {
  const { snapshot } = record;
  const finished = snapshot.status !== 'RUNNING';
  // Stable per execution, status and redrive, so consumers can deduplicate deliveries.
  const redrive = snapshot.execution.redriveCount;
  const eventId = `${record.id}:${snapshot.status}${redrive > 0 ? `:redrive-${redrive}` : ''}`;
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
      status: snapshot.status,
      startDate: record.startDate,
      stopDate: finished ? (snapshot.stopTime ?? null) : null,
      input: JSON.stringify(snapshot.execution.input),
      output: snapshot.output === undefined ? null : JSON.stringify(snapshot.output),
      error: snapshot.error ?? null,
      cause: snapshot.cause ?? null,
    },
  };
}
