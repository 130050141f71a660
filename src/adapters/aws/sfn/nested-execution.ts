/**
 * `arn:aws:states:::states:startExecution` starts a nested Quickstep execution of a state
 * machine in the same table. Without a Name, the child is named from the task's idempotency
 * key, so a repeated invocation (I7) finds the same child instead of starting another.
 *
 * `.sync` / `.sync:2` wait for the child here, polling its record within a budget; a child
 * still running after it throws NestedExecutionPendingError, an infrastructure fault: the
 * parent's message is redelivered and the wait resumes. This stands in for a runtime hook
 * that resumes the parent when the child ends (see the deployment report).
 */
import { createHash } from 'node:crypto';
import type { Json } from '../../../asl/json.js';
import { executionArn } from '../../../runtime/arn.js';
import { QuickstepError } from '../../../runtime/errors.js';
import type { ExecutionRecord, TaskRequest, TaskResult } from '../../../runtime/ports.js';
import { field, invalidParameter, jsonText, stringField } from '../invoker/parameters.js';
import { sdkEnvelope } from '../invoker/sdk-envelope.js';
import { describeOutput } from './describe-output.js';

/** What a nested start needs of the runtime: DurableRuntime has it. */
export interface NestedRuntime {
  readonly settings: { region: string; account: string };
  startExecution(input: { stateMachine: string; name?: string; input?: string }): Promise<{
    executionArn: string;
    startDate: number;
  }>;
  describeExecution(executionArn: string): Promise<ExecutionRecord>;
  stateMachineArnOf(record: Pick<ExecutionRecord, 'stateMachineName'>): string;
}

export interface NestedExecutionOptions {
  /** How long one invocation waits for a `.sync` child before handing back (default 60 s). */
  syncBudgetMs?: number;
  pollIntervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export class NestedExecutionPendingError extends Error {
  constructor(readonly executionArn: string) {
    super(`Nested execution ${executionArn} is still running; the parent's message will be redelivered`);
    this.name = 'NestedExecutionPendingError';
  }
}

export class NestedExecutions {
  constructor(
    private readonly runtime: () => NestedRuntime,
    private readonly options: NestedExecutionOptions = {},
  ) {}

  async start(request: TaskRequest): Promise<TaskResult> {
    const { parameters, pattern } = request;
    const stateMachine = stringField(parameters, 'StateMachineArn');
    if (!stateMachine) return invalidParameter('StepFunctions', 'StateMachineArn', 'a state machine ARN');
    const input = field(parameters, 'Input');
    const name = stringField(parameters, 'Name') ?? childName(request.idempotencyKey);
    const started = await this.startOnce(stateMachine, name, input === undefined ? '{}' : jsonText(input));
    if (!started.ok) return started;
    if (pattern !== 'sync' && pattern !== 'sync:2') {
      const record = started.record;
      return {
        ok: true,
        output: { ExecutionArn: record.id, StartDate: record.startDate, ...sdkEnvelope(undefined) },
      };
    }
    const finished = await this.waitForEnd(started.record);
    const described = describeOutput(
      finished,
      this.runtime().stateMachineArnOf(finished),
      pattern === 'sync:2',
    );
    if (finished.status === 'SUCCEEDED') return { ok: true, output: described };
    return { ok: false, error: 'States.TaskFailed', cause: JSON.stringify(described) };
  }

  /** Starts the child, or finds the one an earlier attempt started with the same input. */
  private async startOnce(
    stateMachine: string,
    name: string,
    inputText: string,
  ): Promise<{ ok: true; record: ExecutionRecord } | (TaskResult & { ok: false })> {
    const runtime = this.runtime();
    try {
      const { executionArn: arn } = await runtime.startExecution({ stateMachine, name, input: inputText });
      return { ok: true, record: await runtime.describeExecution(arn) };
    } catch (error) {
      if (!(error instanceof QuickstepError)) throw error;
      if (error.code === 'ExecutionAlreadyExists') {
        const machineName = stateMachine.split(':').pop() ?? '';
        const arn = executionArn(machineName, name, runtime.settings.region, runtime.settings.account);
        const existing = await runtime.describeExecution(arn);
        if (sameInput(existing.snapshot.execution.input, inputText)) return { ok: true, record: existing };
      }
      const code = error.code.endsWith('Exception') ? error.code : `${error.code}Exception`;
      return { ok: false, error: `StepFunctions.${code}`, cause: error.message };
    }
  }

  private async waitForEnd(record: ExecutionRecord): Promise<ExecutionRecord> {
    const budget = this.options.syncBudgetMs ?? 60_000;
    const interval = this.options.pollIntervalMs ?? 1000;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const deadline = Date.now() + budget;
    let current = record;
    while (current.status === 'RUNNING') {
      if (Date.now() >= deadline) throw new NestedExecutionPendingError(current.id);
      await sleep(interval);
      current = await this.runtime().describeExecution(current.id);
    }
    return current;
  }
}

function childName(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40);
}

function sameInput(existing: Json, inputText: string): boolean {
  try {
    return JSON.stringify(existing) === JSON.stringify(JSON.parse(inputText));
  } catch {
    return false;
  }
}
