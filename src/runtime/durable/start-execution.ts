/**
 * StartExecution: names are unique per state machine; the same name with the same input
 * returns the running execution (idempotent start), any other reuse is ExecutionAlreadyExists.
 * The name is claimed first, then the record created if absent, so a crash between the two is
 * repaired by the retry of the same start.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Json } from '../../asl/json.js';
import { startExecution as engineStart } from '../../engine/index.js';
import type { Caller } from '../../engine/types.js';
import { executionArn, stateMachineArn } from '../arn.js';
import { QuickstepError } from '../errors.js';
import type { ExecutionRecord } from '../ports.js';
import { startMessageId } from './messages.js';
import { performOutbox } from './perform-outbox.js';
import { sendRepairSentinel } from './repair-sentinel.js';
import type { RuntimeContext } from './runtime-context.js';

export interface StartInput {
  stateMachine: string;
  name?: string;
  input?: string;
  /** A `.sync` task waiting on this execution, resumed when it ends. */
  caller?: Caller;
}

/** Step Functions' name rules: 1–80 characters, none of these, and no control characters. */
const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/]/;

function isValidName(name: string): boolean {
  if (name.length < 1 || name.length > 80 || FORBIDDEN.test(name)) return false;
  for (const char of name) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return false;
  }
  return true;
}

export async function startExecution(
  context: RuntimeContext,
  request: StartInput,
): Promise<{ executionArn: string; startDate: number }> {
  const { store } = context.ports;
  const stateMachineName = request.stateMachine.split(':').pop() ?? '';
  const machine = await store.getStateMachine(stateMachineName);
  if (!machine)
    throw new QuickstepError(
      'StateMachineDoesNotExist',
      `State Machine Does Not Exist: '${request.stateMachine}'`,
    );
  const name = request.name ?? randomUUID();
  if (!isValidName(name)) throw new QuickstepError('InvalidName', `Invalid Name: '${name}'`);
  const inputText = request.input ?? '{}';
  const input = parseInput(inputText, context.settings.maxPayloadBytes);
  const id = executionArn(stateMachineName, name, context.settings.region, context.settings.account);
  const inputHash = createHash('sha256').update(inputText).digest('hex');

  // Names stay taken for the retention period, as Step Functions keeps them for 90 days.
  const ttl = Math.floor(context.env.now() / 1000) + context.settings.retentionDays * 86_400;
  const claim = await store.claimExecutionName({ stateMachineName, name, executionId: id, inputHash, ttl });
  if (!claim.claimed) {
    const existing = await store.getExecution(claim.holder.executionId);
    if (claim.holder.inputHash !== inputHash || (existing && existing.status !== 'RUNNING')) {
      throw new QuickstepError('ExecutionAlreadyExists', `Execution Already Exists: '${id}'`);
    }
    if (existing) {
      // The same start again: finish what a crashed first attempt may have left undone.
      if (existing.outbox.messageId === startMessageId(id)) {
        const definition = await context.definitions.get(stateMachineName, existing.versionId);
        await performOutbox(context, existing, definition, { invoke: false });
      }
      return { executionArn: id, startDate: existing.startDate };
    }
  }
  const definition = await context.definitions.get(stateMachineName, machine.versionId);
  const decision = await engineStart(
    definition,
    {
      id,
      name,
      input,
      stateMachineId: stateMachineArn(stateMachineName, context.settings.region, context.settings.account),
      stateMachineName,
      roleArn: machine.roleArn,
      caller: request.caller,
    },
    context.env,
  );
  const record: ExecutionRecord = {
    id,
    stateMachineName,
    versionId: machine.versionId,
    name,
    status: decision.snapshot.status,
    seq: decision.snapshot.seq,
    snapshot: decision.snapshot,
    outbox: { messageId: startMessageId(id), events: decision.events, effects: decision.effects },
    startDate: decision.snapshot.execution.startTime,
  };
  await sendRepairSentinel(context, id, startMessageId(id));
  const created = await store.createExecution(record);
  const stored = created ? record : ((await store.getExecution(id)) ?? record);
  await performOutbox(context, stored, definition, { invoke: false });
  return { executionArn: id, startDate: stored.startDate };
}

export function parseInput(text: string, maxBytes: number): Json {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxBytes) {
    throw new QuickstepError(
      'InvalidExecutionInput',
      `Input is ${size} bytes, over the limit of ${maxBytes} bytes`,
    );
  }
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw new QuickstepError('InvalidExecutionInput', `Invalid Execution Input: ${(error as Error).message}`);
  }
}
