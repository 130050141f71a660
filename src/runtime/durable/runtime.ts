/**
 * The durable runtime: executions advanced message by message through conditional writes,
 * and the control operations as plain functions. Adapters supply the ports.
 */
import { randomUUID } from 'node:crypto';
import type { ExecutionStatus, HistoryEvent } from '../../engine/types.js';
import { stateMachineArn } from '../arn.js';
import { QuickstepError } from '../errors.js';
import type {
  AdvanceMessage,
  ExecutionRecord,
  ExecutionSummary,
  Page,
  StateMachineRecord,
} from '../ports.js';
import { foldMessages, handleMessage } from './advance.js';
import { sendRepairSentinel } from './repair-sentinel.js';
import { putStateMachine, type StateMachineInput } from './create-state-machine.js';
import type { RuntimePorts, RuntimeSettings } from './runtime-config.js';
import { type HandleResult, RuntimeContext } from './runtime-context.js';
import { startExecution, type StartInput } from './start-execution.js';
import { type Callback, sendTaskCallback } from './task-callbacks.js';
import {
  deleteStateMachine,
  describeStateMachine,
  describeStateMachineForExecution,
  listStateMachines,
} from './state-machine-queries.js';

export class DurableRuntime {
  readonly context: RuntimeContext;

  constructor(ports: RuntimePorts, settings: Partial<RuntimeSettings> = {}) {
    this.context = new RuntimeContext(ports, settings);
    this.context.handleMessage = (message, rootMessageId) =>
      handleMessage(this.context, message, { rootMessageId });
  }

  get settings(): RuntimeSettings {
    return this.context.settings;
  }

  /** One message from the advance queue. Throws on infrastructure faults, so the queue redelivers. */
  handleMessage(message: AdvanceMessage): Promise<HandleResult> {
    return handleMessage(this.context, message);
  }

  /**
   * Children's reports to one parent (`foldGroups` says which), decided in one commit as far
   * as they apply in turn. Returns how many of the leading messages were handled (at least
   * one); throws like `handleMessage`, and then none of them counts as handled.
   */
  foldMessages(messages: AdvanceMessage[]): Promise<number> {
    return foldMessages(this.context, messages);
  }

  /** A message that kept failing (dead-letter queue): the execution fails visibly (I6). */
  handleDeadLetter(message: AdvanceMessage, receiveCount: number): Promise<HandleResult> {
    const cause = `The runtime could not process the ${message.event.type} message ${message.messageId} after ${receiveCount} attempts; it is kept in the dead-letter queue.`;
    return handleMessage(
      this.context,
      {
        messageId: `dead-letter:${message.messageId}`,
        executionId: message.executionId,
        event: { type: 'RuntimeFailure', cause },
      },
      { carry: false },
    );
  }

  createStateMachine(input: StateMachineInput): Promise<StateMachineRecord> {
    return putStateMachine(this.context, input, 'create');
  }

  updateStateMachine(input: StateMachineInput): Promise<StateMachineRecord> {
    return putStateMachine(this.context, input, 'update');
  }

  /** Create or update: what a deployment or `quickstep dev` does with declared machines. */
  deployStateMachine(input: StateMachineInput): Promise<StateMachineRecord> {
    return putStateMachine(this.context, input, 'upsert');
  }

  startExecution(input: StartInput): Promise<{ executionArn: string; startDate: number }> {
    return this.held(() => startExecution(this.context, input));
  }

  /** API calls hold a virtual clock: time must not jump past work that is still being done. */
  private async held<T>(work: () => Promise<T>): Promise<T> {
    const release = this.context.ports.clock.hold?.();
    try {
      return await work();
    } finally {
      release?.();
    }
  }

  async describeExecution(executionArn: string): Promise<ExecutionRecord> {
    const record = await this.context.ports.store.getExecution(executionArn);
    if (!record)
      throw new QuickstepError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return record;
  }

  stateMachineArnOf(record: Pick<ExecutionRecord, 'stateMachineName'>): string {
    return stateMachineArn(record.stateMachineName, this.settings.region, this.settings.account);
  }

  stopExecution(executionArn: string, error?: string, cause?: string): Promise<{ stopDate: number }> {
    return this.held(() => this.stop(executionArn, error, cause));
  }

  private async stop(executionArn: string, error?: string, cause?: string): Promise<{ stopDate: number }> {
    const record = await this.describeExecution(executionArn);
    if (record.status !== 'RUNNING') {
      throw new QuickstepError(
        'ValidationException',
        `Execution is not running: '${executionArn}' is ${record.status}`,
      );
    }
    const messageId = `stop:${randomUUID()}`;
    await sendRepairSentinel(this.context, executionArn, messageId);
    await handleMessage(this.context, {
      messageId,
      executionId: executionArn,
      event: { type: 'Stop', error, cause },
    });
    const stopped = await this.describeExecution(executionArn);
    return { stopDate: stopped.stopDate ?? this.context.env.now() };
  }

  /** RedriveExecution: resumes a FAILED, TIMED_OUT or ABORTED execution at the state that stopped it. */
  redriveExecution(executionArn: string): Promise<{ redriveDate: number }> {
    return this.held(async () => {
      const record = await this.describeExecution(executionArn);
      if (record.parentId || !['FAILED', 'TIMED_OUT', 'ABORTED'].includes(record.status)) {
        throw new QuickstepError(
          'ExecutionNotRedrivable',
          `Execution is ${record.status}: '${executionArn}' cannot be redriven`,
        );
      }
      const messageId = `redrive:${randomUUID()}`;
      await sendRepairSentinel(this.context, executionArn, messageId);
      const result = await handleMessage(this.context, {
        messageId,
        executionId: executionArn,
        event: { type: 'Redrive' },
      });
      if (!result.applied)
        throw new QuickstepError('ExecutionNotRedrivable', `Execution cannot be redriven: ${result.reason}`);
      return { redriveDate: this.context.env.now() };
    });
  }

  getExecutionHistory(
    executionArn: string,
    options: { reverse?: boolean; limit?: number; nextToken?: string } = {},
  ): Promise<Page<HistoryEvent>> {
    return this.context.ports.store.getHistory(executionArn, options);
  }

  listExecutions(options: {
    stateMachineName: string;
    status?: ExecutionStatus;
    limit?: number;
    nextToken?: string;
  }): Promise<Page<ExecutionSummary>> {
    return this.context.ports.store.listExecutions(options);
  }

  sendTaskSuccess(token: string, output: string): Promise<void> {
    return this.held(() => sendTaskCallback(this.context, token, { kind: 'success', output }));
  }

  sendTaskFailure(token: string, error?: string, cause?: string): Promise<void> {
    return this.held(() =>
      sendTaskCallback(this.context, token, { kind: 'failure', error, cause } satisfies Callback),
    );
  }

  sendTaskHeartbeat(token: string): Promise<void> {
    return this.held(() => sendTaskCallback(this.context, token, { kind: 'heartbeat' }));
  }

  describeStateMachine(name: string) {
    return describeStateMachine(this.context, name);
  }

  listStateMachines(options: { limit?: number; nextToken?: string } = {}) {
    return listStateMachines(this.context, options);
  }

  deleteStateMachine(name: string): Promise<void> {
    return deleteStateMachine(this.context, name);
  }

  describeStateMachineForExecution(executionArn: string) {
    return describeStateMachineForExecution(this.context, executionArn);
  }
}
