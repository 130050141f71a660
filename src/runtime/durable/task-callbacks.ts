/**
 * SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat. A token completes its task at most
 * once (I3): the callback is applied through the same conditional write as any event, and a
 * callback whose wait is gone (completed, timed out, stopped) is answered TaskTimedOut.
 */
import { createHash } from 'node:crypto';
import type { EngineEvent } from '../../engine/types.js';
import { QuickstepError, invalidToken, taskDoesNotExist, taskTimedOut } from '../errors.js';
import type { RuntimeContext } from './runtime-context.js';
import { sendRepairSentinel } from './repair-sentinel.js';
import { parseInput } from './start-execution.js';

export type Callback =
  | { kind: 'success'; output: string }
  | { kind: 'failure'; error?: string; cause?: string }
  | { kind: 'heartbeat' };

export async function sendTaskCallback(
  context: RuntimeContext,
  token: string,
  callback: Callback,
): Promise<void> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 2048)
    throw invalidToken('a task token has 1 to 2048 characters');
  const tokenHash = createHash('sha256').update(token).digest('hex');
  const entry = await context.ports.store.getTaskToken(tokenHash);
  if (!entry) throw taskDoesNotExist();
  const { executionId, waitId } = entry;
  const event = eventFor(context, callback, waitId);
  const messageId = `callback:${tokenHash}:${callback.kind}:${randomSuffix()}`;
  await sendRepairSentinel(context, executionId, messageId);
  const result = await context.handleMessage({ messageId, executionId, event });
  if (result.applied) return;
  // A heartbeat for an open task without HeartbeatSeconds changes nothing, and is no error.
  const snapshot = (await context.ports.store.getExecution(executionId))?.snapshot;
  const phase = snapshot?.position?.phase;
  const open = snapshot?.status === 'RUNNING' && phase?.kind === 'task' && phase.waitId === waitId;
  if (callback.kind === 'heartbeat' && open) return;
  throw taskTimedOut();
}

function eventFor(context: RuntimeContext, callback: Callback, waitId: string): EngineEvent {
  switch (callback.kind) {
    case 'success':
      try {
        return {
          type: 'TaskSucceeded',
          waitId,
          output: parseInput(callback.output, context.settings.maxPayloadBytes),
        };
      } catch (error) {
        throw new QuickstepError(
          'InvalidOutput',
          (error as Error).message.replace('Invalid Execution Input', 'Invalid Output'),
        );
      }
    case 'failure':
      return { type: 'TaskFailed', waitId, error: callback.error ?? '', cause: callback.cause ?? '' };
    case 'heartbeat':
      return { type: 'TaskHeartbeat', waitId };
  }
}

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 10);
}
