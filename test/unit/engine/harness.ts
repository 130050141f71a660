/**
 * A small driver over the pure `step`, written for the tests: a FIFO of messages
 * {executionId, event}, timers on a virtual clock, effects applied as the memory driver
 * applies them. Unlike the memory driver it lets a test choose how messages are delivered
 * (duplicated now or later, reordered) and keeps every decision for inspection. Each stored
 * snapshot goes through a JSON round trip (as a store would) and is deep-frozen before the
 * next `step` sees it, so a mutation or a value JSON cannot carry fails the run.
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Definition, Json } from '../../../src/asl/index.js';
import { startChildExecution, step } from '../../../src/engine/index.js';
import type {
  Decision,
  EngineEvent,
  Env,
  HistoryEvent,
  Snapshot,
  TaskPattern,
} from '../../../src/engine/types.js';
import { EXECUTION_ID, T0, begin, deepFreeze, jsonCopy } from './helpers.js';

export type TaskOutcome = { ok: true; output: Json } | { ok: false; error: string; cause: string };

export interface TaskCall {
  executionId: string;
  stateName: string;
  resource: string;
  pattern: TaskPattern;
  parameters: Json;
  taskToken?: string;
  idempotencyKey: string;
}

/**
 * Runs a task. For request-response tasks the outcome is the task's result; for
 * `.waitForTaskToken` tasks it is the callback sent with the token (undefined: no callback yet).
 */
export type TaskHandler = (call: TaskCall) => TaskOutcome | undefined;

export interface Message {
  executionId: string;
  event: EngineEvent;
}

/** How the harness delivers messages. The default is FIFO, each message once. */
export interface DeliveryPolicy {
  /** Index into the pending messages of the one to deliver next (default 0). */
  pick?(pending: readonly Message[]): number;
  /** Extra copies of a message just delivered: 'now' delivers one at once, 'later' queues one at the end. */
  duplicates?(message: Message): ('now' | 'later')[];
}

export interface HarnessOptions {
  tasks?: Record<string, TaskHandler>;
  policy?: DeliveryPolicy;
  random?: () => number;
  startTime?: number;
  /** Guard against runaway runs. */
  maxDeliveries?: number;
  /** Engine fusion: pure states run per decision beyond the first (default 0). */
  fuseStates?: number;
  /**
   * Store snapshots through a JSON round trip and compare each decision with its round trip
   * (default true). false: store the decision's snapshot itself, deep-frozen (for huge joins).
   */
  checkJson?: boolean;
  /**
   * false: effects send no messages (children are still created): the test feeds the messages
   * itself, e.g. a recorded log. Default true.
   */
  sendMessages?: boolean;
}

export interface AppliedDecision {
  executionId: string;
  event: EngineEvent | { type: 'Start' };
  /** The (frozen) snapshot the event was applied to; none for a start. */
  before?: Snapshot;
  decision: Decision;
  time: number;
}

interface PendingTimer {
  dueTime: number;
  order: number;
  message: Message;
}

export class StepHarness {
  readonly snapshots = new Map<string, Snapshot>();
  readonly histories = new Map<string, HistoryEvent[]>();
  readonly applied: AppliedDecision[] = [];
  /** Messages delivered (each copy), with the clock at delivery and whether step ignored them. */
  readonly deliveries: { message: Message; time: number; ignored?: string }[] = [];
  readonly tokens = new Map<string, { executionId: string; waitId: string }>();
  readonly taskCalls: TaskCall[] = [];
  now: number;
  private readonly queue: Message[] = [];
  private timers: PendingTimer[] = [];
  private timerOrder = 0;
  private tokenCount = 0;
  private pendingStart: { input: Json } | undefined;
  /** Duplicates queued by the policy: not duplicated again. */
  private readonly copies = new WeakSet<Message>();
  readonly env: Env;

  constructor(
    private readonly definition: Definition,
    private readonly options: HarnessOptions = {},
  ) {
    this.now = options.startTime ?? T0;
    this.env = {
      now: () => this.now,
      random: options.random ?? (() => 0.5),
      taskToken: () =>
        createHash('sha256')
          .update(`harness-token-${this.tokenCount++}`)
          .digest('base64url'),
    };
  }

  get rootId(): string {
    return EXECUTION_ID;
  }

  get root(): Snapshot {
    return this.snapshots.get(EXECUTION_ID)!;
  }

  /** Starts the execution at the next `drain`, `run`, `fireNextTimer` or `deliver` (step is async). */
  start(input: Json): this {
    this.pendingStart = { input };
    return this;
  }

  private async ready(): Promise<void> {
    const pending = this.pendingStart;
    if (!pending) return;
    this.pendingStart = undefined;
    await this.commit(EXECUTION_ID, { type: 'Start' }, await begin(this.definition, pending.input, this.env));
  }

  /** Queues a message as a driver would on a callback, a stop or a redelivery. */
  send(message: Message): this {
    this.queue.push(message);
    return this;
  }

  sendTaskSuccess(token: string, output: Json): this {
    const open = this.tokens.get(token);
    if (!open) throw new Error('unknown token');
    return this.send({
      executionId: open.executionId,
      event: { type: 'TaskSucceeded', waitId: open.waitId, output },
    });
  }

  /** Delivers queued messages only (no timers). */
  async drain(): Promise<this> {
    await this.ready();
    while (this.queue.length > 0) await this.deliverNext();
    return this;
  }

  /** Delivers messages, then timers in due order, until nothing is left. */
  async run(): Promise<this> {
    await this.ready();
    for (;;) {
      if (this.queue.length > 0) await this.deliverNext();
      else if (!(await this.fireNextTimer())) return this;
    }
  }

  /** Fires the earliest timer (advancing the clock to it); false when there is none. */
  async fireNextTimer(): Promise<boolean> {
    await this.ready();
    const timer = this.timers.shift();
    if (!timer) return false;
    this.now = Math.max(this.now, timer.dueTime);
    await this.deliverWithCopies(timer.message);
    return true;
  }

  pendingTimers(): { dueTime: number; message: Message }[] {
    return this.timers.map(({ dueTime, message }) => ({ dueTime, message }));
  }

  pendingMessages(): readonly Message[] {
    return this.queue;
  }

  /** Delivers one message exactly as given (no policy), returning the decision. */
  async deliver(message: Message): Promise<Decision | undefined> {
    await this.ready();
    if (this.deliveries.length > (this.options.maxDeliveries ?? 200_000)) throw new Error('runaway run');
    const snapshot = this.snapshots.get(message.executionId);
    if (!snapshot) return undefined;
    const decision = await step(this.definition, snapshot, message.event, this.env, {
      fuseStates: this.options.fuseStates,
    });
    this.deliveries.push({ message, time: this.now, ignored: decision.ignored });
    if (decision.ignored !== undefined) {
      // An ignored event changes nothing: same snapshot, no events, no effects.
      expect(decision.snapshot).toEqual(snapshot);
      expect(decision.events).toEqual([]);
      expect(decision.effects).toEqual([]);
      return decision;
    }
    await this.commit(message.executionId, message.event, decision, snapshot);
    return decision;
  }

  history(executionId = EXECUTION_ID): HistoryEvent[] {
    return this.histories.get(executionId) ?? [];
  }

  private async deliverNext(): Promise<void> {
    const index = this.options.policy?.pick?.(this.queue) ?? 0;
    const [message] = this.queue.splice(index, 1);
    await this.deliverWithCopies(message);
  }

  private async deliverWithCopies(message: Message): Promise<void> {
    await this.deliver(message);
    if (this.copies.has(message)) return;
    for (const copy of this.options.policy?.duplicates?.(message) ?? []) {
      if (copy === 'now') await this.deliver(message);
      else {
        const later = { ...message };
        this.copies.add(later);
        this.queue.push(later);
      }
    }
  }

  private async commit(
    executionId: string,
    event: AppliedDecision['event'],
    decision: Decision,
    before?: Snapshot,
  ): Promise<void> {
    // Without the JSON check the snapshot is frozen as it is (already-frozen parts are skipped),
    // which keeps a 1,000-child Map fast: each child snapshot carries the execution's input.
    const stored = this.options.checkJson === false ? decision.snapshot : jsonCopy(decision.snapshot);
    if (this.options.checkJson !== false) {
      expect(stored, 'a snapshot survives a JSON round trip').toEqual(decision.snapshot);
      expect(jsonCopy(decision.effects), 'effects survive a JSON round trip').toEqual(decision.effects);
      expect(jsonCopy(decision.events), 'history events survive a JSON round trip').toEqual(decision.events);
    }
    this.snapshots.set(executionId, deepFreeze(stored));
    this.applied.push({ executionId, event, before, decision, time: this.now });
    let history = this.histories.get(executionId);
    if (!history) this.histories.set(executionId, (history = []));
    history.push(...decision.events);
    for (const effect of decision.effects) await this.perform(executionId, stored, effect);
  }

  private async perform(
    executionId: string,
    snapshot: Snapshot,
    effect: Decision['effects'][number],
  ): Promise<void> {
    if (this.options.sendMessages === false && effect.type !== 'StartChildren') return;
    switch (effect.type) {
      case 'Continue':
        // Like the drivers: the advance names the commit that asked for it.
        this.queue.push({ executionId, event: { type: 'Advance', seq: snapshot.seq } });
        return;
      case 'InvokeTask':
        this.invoke(executionId, effect);
        return;
      case 'StartTimer':
        this.timers.push({
          dueTime: effect.dueTime,
          order: this.timerOrder++,
          message: { executionId, event: { type: 'TimerFired', waitId: effect.waitId } },
        });
        this.timers.sort((a, b) => a.dueTime - b.dueTime || a.order - b.order);
        return;
      case 'StartChildren':
        for (const child of effect.children) {
          const started = await startChildExecution(this.definition, snapshot.execution, child, this.env);
          await this.commit(child.id, { type: 'Start' }, started);
        }
        return;
      case 'StopChildren':
        for (const childId of effect.childIds)
          this.queue.push({ executionId: childId, event: { type: 'Stop' } });
        return;
      case 'Finish':
        this.notifyParent(snapshot);
        return;
    }
  }

  private invoke(
    executionId: string,
    effect: Extract<Decision['effects'][number], { type: 'InvokeTask' }>,
  ): void {
    const call: TaskCall = {
      executionId,
      stateName: effect.stateName,
      resource: effect.resource,
      pattern: effect.pattern,
      parameters: effect.parameters,
      taskToken: effect.taskToken,
      idempotencyKey: effect.idempotencyKey,
    };
    this.taskCalls.push(call);
    const handler = this.options.tasks?.[effect.stateName];
    const outcome: TaskOutcome | undefined = handler
      ? handler(call)
      : { ok: false, error: 'States.Runtime', cause: `no handler for ${effect.stateName}` };
    const waitId = effect.waitId;
    if (effect.pattern === 'waitForTaskToken') {
      if (effect.taskToken) this.tokens.set(effect.taskToken, { executionId, waitId });
      this.queue.push({ executionId, event: { type: 'TaskSubmitted', waitId, output: null } });
      if (outcome === undefined) return;
    }
    if (outcome === undefined) throw new Error(`request-response task ${effect.stateName} gave no outcome`);
    this.queue.push({
      executionId,
      event: outcome.ok
        ? { type: 'TaskSucceeded', waitId, output: outcome.output }
        : { type: 'TaskFailed', waitId, error: outcome.error, cause: outcome.cause },
    });
  }

  private notifyParent(child: Snapshot): void {
    if (!child.parent || (child.status !== 'SUCCEEDED' && child.status !== 'FAILED')) return;
    const { executionId, waitId, index } = child.parent;
    const outcome =
      child.status === 'SUCCEEDED'
        ? { status: 'SUCCEEDED' as const, output: child.output ?? null }
        : { status: 'FAILED' as const, error: child.error ?? '', cause: child.cause ?? '' };
    this.queue.push({ executionId, event: { type: 'ChildCompleted', waitId, index, outcome } });
  }
}

/** The observable result of a run: what a user sees of the top-level execution. */
export function resultOf(harness: StepHarness) {
  const { status, output, error, cause } = harness.root;
  return { status, output, error, cause };
}

/** Each execution's history as a sorted list of `type details`, ignoring interleaving. */
export function historyMultisets(harness: StepHarness): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [id, events] of harness.histories) {
    result[id] = events.map((event) => `${event.type} ${JSON.stringify(event.details ?? null)}`).sort();
  }
  return result;
}
