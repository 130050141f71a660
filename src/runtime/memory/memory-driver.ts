/**
 * The in-memory driver: runs executions over `engine.step` with local task invokers and a
 * virtual clock (Wait states and back-offs cost no real time; history keeps nominal times).
 * It is the reference the durable runtime must agree with, and the fast way for users to
 * unit-test their workflows. Deterministic: task results are delivered in the order the
 * tasks were started, messages in FIFO order.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Json } from '../../asl/json.js';
import type { Definition } from '../../asl/types.js';
import { startChildExecution, startExecution, step } from '../../engine/index.js';
import type { Decision, EngineEvent, Env, HistoryEvent, Snapshot } from '../../engine/types.js';
import { invalidToken, taskDoesNotExist, taskTimedOut } from '../errors.js';
import type { TaskInvoker, TaskResult } from '../ports.js';
import { TimerQueue } from './timer-queue.js';

export interface MemoryDriverOptions {
  invoker: TaskInvoker;
  /** Epoch ms the virtual clock starts at (default: the real time). */
  startTime?: number;
  random?: () => number;
  taskToken?: () => string;
  /** Pure states run per decision beyond the first (engine fusion); 0 = one state per message. */
  fuseStates?: number;
  /** Called for every history event of every execution (children too), in order. */
  onHistoryEvent?: (executionId: string, event: HistoryEvent) => void;
}

interface Message {
  executionId: string;
  event: EngineEvent;
}

interface InFlight {
  executionId: string;
  waitId: string;
  callback: boolean;
  result: Promise<TaskResult>;
}

export class MemoryDriver {
  readonly executions = new Map<string, Snapshot>();
  readonly histories = new Map<string, HistoryEvent[]>();
  /** Every event of every execution in the order recorded: the merged view. */
  readonly merged: { executionId: string; event: HistoryEvent }[] = [];
  private readonly starting: Promise<Snapshot>[] = [];
  private readonly queue: Message[] = [];
  private queueHead = 0;
  private readonly inFlight: InFlight[] = [];
  private readonly timers = new TimerQueue<Message>();
  private readonly tokens = new Map<string, { executionId: string; waitId: string }>();
  private now: number;
  private readonly env: Env;
  transitions = 0;

  constructor(
    private readonly definition: Definition,
    private readonly options: MemoryDriverOptions,
  ) {
    this.now = options.startTime ?? Date.now();
    this.env = {
      now: () => this.now,
      random: options.random ?? Math.random,
      taskToken: options.taskToken ?? (() => randomBytes(32).toString('base64url')),
    };
  }

  /** Starts an execution; `runUntilIdle` waits for starts not awaited by the caller. */
  start(request: {
    id: string;
    name: string;
    input: Json;
    stateMachineId: string;
    stateMachineName: string;
  }): Promise<Snapshot> {
    const started = startExecution(this.definition, request, this.env).then(async (decision) => {
      await this.apply(request.id, decision);
      return this.executions.get(request.id)!;
    });
    this.starting.push(started);
    return started;
  }

  /** Processes messages, task results and timers until nothing is left to do. */
  async runUntilIdle(): Promise<void> {
    for (;;) {
      const starting = this.starting.splice(0);
      if (starting.length > 0) await Promise.all(starting);
      if (this.queueHead < this.queue.length) {
        const message = this.queue[this.queueHead++];
        if (this.queueHead > 4096 && this.queueHead * 2 > this.queue.length) this.compactQueue();
        await this.deliver(message);
      } else if (this.inFlight.length > 0) {
        await this.settleOldestTask();
      } else if (this.timers.size > 0) {
        const timer = this.timers.pop()!;
        this.now = Math.max(this.now, timer.dueTime);
        await this.deliver(timer.value);
      } else {
        return;
      }
    }
  }

  sendTaskSuccess(token: string, output: Json): void {
    const { executionId, waitId } = this.openTask(token);
    this.queue.push({ executionId, event: { type: 'TaskSucceeded', waitId, output } });
  }

  sendTaskFailure(token: string, error = '', cause = ''): void {
    const { executionId, waitId } = this.openTask(token);
    this.queue.push({ executionId, event: { type: 'TaskFailed', waitId, error, cause } });
  }

  sendTaskHeartbeat(token: string): void {
    const { executionId, waitId } = this.openTask(token);
    this.queue.push({ executionId, event: { type: 'TaskHeartbeat', waitId } });
  }

  redrive(executionId: string): void {
    this.queue.push({ executionId, event: { type: 'Redrive' } });
  }

  stop(executionId: string, error?: string, cause?: string): void {
    this.queue.push({ executionId, event: { type: 'Stop', error, cause } });
  }

  private openTask(token: string): { executionId: string; waitId: string } {
    if (typeof token !== 'string' || token.length === 0 || token.length > 2048)
      throw invalidToken('malformed');
    const entry = this.tokens.get(createHash('sha256').update(token).digest('hex'));
    if (!entry) throw taskDoesNotExist();
    const execution = this.executions.get(entry.executionId);
    const phase = execution?.position?.phase;
    if (execution?.status !== 'RUNNING' || phase?.kind !== 'task' || phase.waitId !== entry.waitId)
      throw taskTimedOut();
    return entry;
  }

  private async deliver(message: Message): Promise<void> {
    const snapshot = this.executions.get(message.executionId);
    if (!snapshot) return;
    const decision = await step(this.definition, snapshot, message.event, this.env, {
      fuseStates: this.options.fuseStates,
    });
    if (decision.ignored === undefined) await this.apply(message.executionId, decision);
  }

  private async apply(executionId: string, decision: Decision): Promise<void> {
    const { snapshot } = decision;
    this.executions.set(executionId, snapshot);
    this.transitions++;
    this.recordHistory(executionId, decision.events);
    const phase = snapshot.position?.phase;
    if (phase?.kind === 'task' && phase.tokenHash)
      this.tokens.set(phase.tokenHash, { executionId, waitId: phase.waitId });
    for (const effect of decision.effects) {
      switch (effect.type) {
        case 'Continue':
          this.queue.push({ executionId, event: { type: 'Advance', seq: snapshot.seq } });
          break;
        case 'InvokeTask':
          this.inFlight.push({
            executionId,
            waitId: effect.waitId,
            callback: effect.pattern === 'waitForTaskToken',
            result: this.invoke({ ...effect, executionId }),
          });
          break;
        case 'StartTimer':
          this.timers.push(effect.dueTime, {
            executionId,
            event: { type: 'TimerFired', waitId: effect.waitId },
          });
          break;
        case 'StartChildren':
          for (const child of effect.children) {
            const started = await startChildExecution(this.definition, snapshot.execution, child, this.env);
            await this.apply(child.id, started);
          }
          break;
        case 'StopChildren':
          for (const childId of effect.childIds)
            this.queue.push({ executionId: childId, event: { type: 'Stop' } });
          break;
        case 'Finish':
          this.notifyParent(snapshot);
          break;
      }
    }
  }

  private invoke(request: Parameters<TaskInvoker['invoke']>[0]): Promise<TaskResult> {
    return this.options.invoker.invoke(request).catch((fault: unknown) => ({
      ok: false as const,
      error: 'States.Runtime',
      cause: `The task invoker failed: ${fault instanceof Error ? fault.message : String(fault)}`,
    }));
  }

  private async settleOldestTask(): Promise<void> {
    const task = this.inFlight.shift()!;
    const result = await task.result;
    const { executionId, waitId } = task;
    if (!result.ok)
      await this.deliver({
        executionId,
        event: { type: 'TaskFailed', waitId, error: result.error, cause: result.cause },
      });
    else if (task.callback)
      await this.deliver({ executionId, event: { type: 'TaskSubmitted', waitId, output: result.output } });
    else await this.deliver({ executionId, event: { type: 'TaskSucceeded', waitId, output: result.output } });
  }

  private notifyParent(child: Snapshot): void {
    if (!child.parent || (child.status !== 'SUCCEEDED' && child.status !== 'FAILED')) return;
    const outcome =
      child.status === 'SUCCEEDED'
        ? { status: 'SUCCEEDED' as const, output: child.output ?? null }
        : { status: 'FAILED' as const, error: child.error ?? '', cause: child.cause ?? '' };
    const { executionId, waitId, index } = child.parent;
    this.queue.push({ executionId, event: { type: 'ChildCompleted', waitId, index, outcome } });
  }

  private recordHistory(executionId: string, events: HistoryEvent[]): void {
    if (events.length === 0) return;
    let history = this.histories.get(executionId);
    if (!history) this.histories.set(executionId, (history = []));
    for (const event of events) {
      history.push(event);
      this.merged.push({ executionId, event });
      this.options.onHistoryEvent?.(executionId, event);
    }
  }

  private compactQueue(): void {
    this.queue.splice(0, this.queueHead);
    this.queueHead = 0;
  }
}
