/**
 * Invokes a task after its commit and applies the outcome as the next event, inline:
 * request-response results as TaskSucceeded/TaskFailed, a callback task's submission as
 * TaskSubmitted (its result arrives later through its token). A crash before the outcome is
 * committed redelivers the message that scheduled the task, which invokes it again: tasks are
 * at least once, and carry an idempotency key (I7).
 */
import type { Effect, EngineEvent } from '../../engine/types.js';
import type { ExecutionRecord } from '../ports.js';
import { messageId } from './messages.js';
import type { RuntimeContext } from './runtime-context.js';

type InvokeTask = Extract<Effect, { type: 'InvokeTask' }>;

export async function invokeTask(
  context: RuntimeContext,
  record: ExecutionRecord,
  effect: InvokeTask,
  rootMessageId: string,
): Promise<void> {
  context.faults.at('before-invoke');
  const result = await context.ports.invoker.invoke({
    executionId: record.id,
    waitId: effect.waitId,
    stateName: effect.stateName,
    resource: effect.resource,
    pattern: effect.pattern,
    parameters: effect.parameters,
    taskToken: effect.taskToken,
    idempotencyKey: effect.idempotencyKey,
    timeoutSeconds: effect.timeoutSeconds,
  });
  context.faults.at('after-invoke');
  const { waitId } = effect;
  const event: EngineEvent = !result.ok
    ? { type: 'TaskFailed', waitId, error: result.error, cause: result.cause }
    : effect.pattern === 'waitForTaskToken' || result.pending
      ? { type: 'TaskSubmitted', waitId, output: result.output }
      : { type: 'TaskSucceeded', waitId, output: result.output };
  await context.handleMessage(
    { messageId: messageId(record, 'task'), executionId: record.id, event },
    rootMessageId,
  );
}
