/** Executions as DescribeExecution, ListExecutions and StartSyncExecution answer them. */
import type { ExecutionRecord, ExecutionSummary } from '../../runtime/ports.js';
import type { ResponseBody } from '../api-context.js';
import { epochSeconds } from '../dates.js';

export function executionDescription(record: ExecutionRecord, stateMachineArn: string): ResponseBody {
  const { snapshot } = record;
  const stopDate = record.stopDate ?? snapshot.stopTime;
  return {
    executionArn: record.id,
    stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: epochSeconds(record.startDate),
    stopDate: epochSeconds(stopDate),
    input: JSON.stringify(snapshot.execution.input),
    inputDetails: { included: true },
    ...(snapshot.output === undefined
      ? {}
      : { output: JSON.stringify(snapshot.output), outputDetails: { included: true } }),
    error: snapshot.error,
    cause: snapshot.cause,
    redriveCount: snapshot.execution.redriveCount,
  };
}

export function executionListItem(summary: ExecutionSummary, stateMachineArn: string): ResponseBody {
  return {
    executionArn: summary.id,
    stateMachineArn,
    name: summary.name,
    status: summary.status,
    startDate: epochSeconds(summary.startDate),
    stopDate: epochSeconds(summary.stopDate),
  };
}
