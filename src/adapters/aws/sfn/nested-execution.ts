/**
 * `arn:aws:states:::states:startExecution` starts a nested Quickstep execution of a state
 * machine in the same table. Without a Name, the child is named from the task's idempotency
 * key, so a repeated invocation (I7) finds the same child instead of starting another.
 *
 * `.sync` / `.sync:2`: the child is started with the waiting task as its caller and the task
 * is left pending; when the child ends, the runtime resumes the task with the child's
 * description (DescribeExecution's shape). Nothing polls.
 */
import { createHash } from 'node:crypto';
import type { Json } from '../../../asl/json.js';
import type { Caller } from '../../../engine/types.js';
import { executionArn } from '../../../runtime/arn.js';
import { describeOutput } from '../../../runtime/durable/describe-output.js';
import { QuickstepError } from '../../../runtime/errors.js';
import type { ExecutionRecord, TaskRequest, TaskResult } from '../../../runtime/ports.js';
import { field, invalidParameter, jsonText, stringField } from '../invoker/parameters.js';
import { sdkEnvelope } from '../invoker/sdk-envelope.js';

/** What a nested start needs of the runtime: DurableRuntime has it. */
export interface NestedRuntime {
  readonly settings: { region: string; account: string };
  startExecution(input: { stateMachine: string; name?: string; input?: string; caller?: Caller }): Promise<{
    executionArn: string;
    startDate: number;
  }>;
  describeExecution(executionArn: string): Promise<ExecutionRecord>;
  stateMachineArnOf(record: Pick<ExecutionRecord, 'stateMachineName'>): string;
}

export class NestedExecutions {
  constructor(private readonly runtime: () => NestedRuntime) {}

  async start(request: TaskRequest): Promise<TaskResult> {
    const { parameters, pattern } = request;
    const stateMachine = stringField(parameters, 'StateMachineArn');
    if (!stateMachine) return invalidParameter('StepFunctions', 'StateMachineArn', 'a state machine ARN');
    const input = field(parameters, 'Input');
    const name = stringField(parameters, 'Name') ?? childName(request.idempotencyKey);
    const caller: Caller | undefined =
      pattern === 'sync' || pattern === 'sync:2'
        ? { executionId: request.executionId, waitId: request.waitId, pattern }
        : undefined;
    const started = await this.startOnce(
      stateMachine,
      name,
      input === undefined ? '{}' : jsonText(input),
      caller,
    );
    if (!started.ok) return started;
    const { record } = started;
    const startOutput = { ExecutionArn: record.id, StartDate: record.startDate, ...sdkEnvelope(undefined) };
    if (!caller) return { ok: true, output: startOutput };
    // A repeated invocation may find the child ended already: answer at once.
    if (record.status === 'RUNNING') return { ok: true, output: startOutput, pending: true };
    const described = describeOutput(
      record,
      this.runtime().stateMachineArnOf(record),
      caller.pattern === 'sync:2',
    );
    if (record.status === 'SUCCEEDED') return { ok: true, output: described };
    return { ok: false, error: 'States.TaskFailed', cause: JSON.stringify(described) };
  }

  /** Starts the child, or finds the one an earlier attempt started with the same input. */
  private async startOnce(
    stateMachine: string,
    name: string,
    inputText: string,
    caller: Caller | undefined,
  ): Promise<{ ok: true; record: ExecutionRecord } | (TaskResult & { ok: false })> {
    const runtime = this.runtime();
    try {
      const { executionArn: arn } = await runtime.startExecution({
        stateMachine,
        name,
        input: inputText,
        caller,
      });
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
