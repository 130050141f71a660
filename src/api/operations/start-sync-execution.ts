/**
 * StartSyncExecution: starts the execution and answers once it has ended. Quickstep runs it
 * like any other (durably, with history); the call only waits, polling the store, for at most
 * the API's sync timeout — past it the execution is stopped and reported TIMED_OUT, as an
 * Express execution past its five minutes is. As on AWS, only EXPRESS machines take it.
 */
import { QuickstepError } from '../../runtime/errors.js';
import type { ExecutionRecord } from '../../runtime/ports.js';
import type { ApiContext, Operation } from '../api-context.js';
import { epochSeconds } from '../dates.js';
import { executionDescription } from '../shapes/execution-shapes.js';
import { startRequest } from './executions.js';

const FIRST_POLL_MS = 5;
const MAX_POLL_MS = 250;

/** What Step Functions answers for a STANDARD machine. */
const TYPE_NOT_SUPPORTED = 'This operation is not supported by this type of state machine';

export const startSyncExecution: Operation = async (api, body) => {
  const request = startRequest(api, body);
  const { machine } = await api.runtime.describeStateMachine(request.stateMachine);
  if (machine.type !== 'EXPRESS')
    throw new QuickstepError('StateMachineTypeNotSupported', TYPE_NOT_SUPPORTED);
  const { executionArn } = await api.runtime.startExecution(request);
  let record = await waitForEnd(api, executionArn);
  let timedOut = false;
  if (record.status === 'RUNNING') {
    timedOut = true;
    const cause = `The execution did not end within ${api.syncTimeoutMs / 1000} seconds (StartSyncExecution's limit); it was stopped.`;
    await api.runtime.stopExecution(executionArn, 'States.Timeout', cause).catch(ignoreEnded);
    record = await api.runtime.describeExecution(executionArn);
  }
  // A sync execution has no redrive: its description is DescribeExecution's without that member.
  const { redriveCount: _, ...described } = executionDescription(
    record,
    api.runtime.stateMachineArnOf(record),
  );
  return {
    ...described,
    status: timedOut && record.status === 'ABORTED' ? 'TIMED_OUT' : record.status,
    billingDetails: {
      billedMemoryUsedInMB: 0,
      billedDurationInMilliseconds: Math.max(0, (record.stopDate ?? record.startDate) - record.startDate),
    },
    stopDate: epochSeconds(record.stopDate ?? record.startDate),
  };
};

async function waitForEnd(api: ApiContext, executionArn: string): Promise<ExecutionRecord> {
  const deadline = Date.now() + api.syncTimeoutMs;
  let pause = FIRST_POLL_MS;
  for (;;) {
    const record = await api.runtime.describeExecution(executionArn);
    if (record.status !== 'RUNNING' || Date.now() >= deadline) return record;
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, deadline - Date.now())));
    pause = Math.min(pause * 2, MAX_POLL_MS);
  }
}

/** The execution ended between the last look and the stop: its own end is the answer. */
function ignoreEnded(error: unknown): void {
  if (error instanceof QuickstepError && error.code === 'ValidationException') return;
  throw error;
}
