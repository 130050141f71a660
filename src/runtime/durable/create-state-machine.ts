/**
 * Creating and updating state machines. A definition version is immutable and named by the
 * SHA-256 of its text, so an update never changes an execution in flight (I4).
 */
import { createHash } from 'node:crypto';
import { parseDefinitionText } from '../../asl/index.js';
import { stateMachineArn } from '../arn.js';
import { QuickstepError } from '../errors.js';
import type { StateMachineRecord } from '../ports.js';
import type { RuntimeContext } from './runtime-context.js';

export interface StateMachineInput {
  name: string;
  definition: string;
  roleArn?: string;
  type?: 'STANDARD' | 'EXPRESS';
}

const NAME = /^[A-Za-z0-9_-]{1,80}$/;

export async function putStateMachine(
  context: RuntimeContext,
  input: StateMachineInput,
  mode: 'create' | 'update' | 'upsert',
): Promise<StateMachineRecord> {
  if (!NAME.test(input.name))
    throw new QuickstepError('InvalidName', `Invalid state machine name: "${input.name}"`);
  const { definition, problems } = parseDefinitionText(input.definition);
  if (!definition) {
    const detail = problems
      .map((problem) => `${problem.path || '/'}: ${problem.code} ${problem.message}`)
      .join('; ');
    throw new QuickstepError('InvalidDefinition', `Invalid State Machine Definition: ${detail}`);
  }
  const { store } = context.ports;
  const versionId = createHash('sha256').update(input.definition).digest('hex');
  const now = context.env.now();
  await store.putDefinitionVersion({
    stateMachineName: input.name,
    versionId,
    definition: input.definition,
    createdAt: now,
  });
  context.definitions.remember(versionId, definition);
  const existing = await store.getStateMachine(input.name);
  if (mode === 'create' && existing) {
    if (existing.versionId === versionId) return existing;
    throw new QuickstepError('StateMachineAlreadyExists', `State Machine Already Exists: '${existing.arn}'`);
  }
  if (mode === 'update' && !existing) {
    throw new QuickstepError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${input.name}'`);
  }
  const record: StateMachineRecord = {
    name: input.name,
    arn: stateMachineArn(input.name, context.settings.region, context.settings.account),
    versionId,
    type: input.type ?? existing?.type ?? 'STANDARD',
    roleArn: input.roleArn ?? existing?.roleArn ?? `arn:aws:iam::${context.settings.account}:role/quickstep`,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await store.putStateMachine(record, { ifAbsent: !existing });
  return record;
}
