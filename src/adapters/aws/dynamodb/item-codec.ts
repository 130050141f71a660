/**
 * Records ↔ items. Structured user data (snapshot, outbox, history details) travels as one
 * JSON string `body`: DynamoDB maps would cap nesting at 32 levels, reject some keys and
 * turn numbers into decimals; a string keeps the data exactly as JSON.stringify wrote it.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type {
  DefinitionVersion,
  NameClaim,
  StateMachineRecord,
  TaskTokenEntry,
} from '../../../runtime/ports.js';
import {
  definitionVersionKey,
  nameClaimKey,
  STATE_MACHINES_GSI1PK,
  stateMachineKey,
  taskTokenKey,
} from './keys.js';

export type Item = Record<string, unknown>;

export function readString(item: Item, attribute: string): string {
  const value = item[attribute];
  if (typeof value !== 'string') throw new Error(`Item attribute ${attribute} is not a string`);
  return value;
}

export function readNumber(item: Item, attribute: string): number {
  const value = item[attribute];
  if (typeof value !== 'number') throw new Error(`Item attribute ${attribute} is not a number`);
  return value;
}

export const readOptionalString = (item: Item, attribute: string): string | undefined =>
  item[attribute] === undefined ? undefined : readString(item, attribute);

export const readOptionalNumber = (item: Item, attribute: string): number | undefined =>
  item[attribute] === undefined ? undefined : readNumber(item, attribute);

/** Drops absent optional fields so that a decoded record equals the one written. */
export function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

export const stateMachineItem = (r: StateMachineRecord): Item => ({
  ...stateMachineKey(r.name),
  kind: 'stateMachine',
  gsi1pk: STATE_MACHINES_GSI1PK,
  gsi1sk: r.name,
  name: r.name,
  arn: r.arn,
  versionId: r.versionId,
  type: r.type,
  roleArn: r.roleArn,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const toStateMachine = (item: Item): StateMachineRecord => ({
  name: readString(item, 'name'),
  arn: readString(item, 'arn'),
  versionId: readString(item, 'versionId'),
  type: readString(item, 'type') === 'EXPRESS' ? 'EXPRESS' : 'STANDARD',
  roleArn: readString(item, 'roleArn'),
  createdAt: readNumber(item, 'createdAt'),
  updatedAt: readNumber(item, 'updatedAt'),
});

export const definitionVersionItem = (v: DefinitionVersion): Item => ({
  ...definitionVersionKey(v.stateMachineName, v.versionId),
  kind: 'definitionVersion',
  stateMachineName: v.stateMachineName,
  versionId: v.versionId,
  definition: v.definition,
  createdAt: v.createdAt,
});

export const toDefinitionVersion = (item: Item): DefinitionVersion => ({
  stateMachineName: readString(item, 'stateMachineName'),
  versionId: readString(item, 'versionId'),
  definition: readString(item, 'definition'),
  createdAt: readNumber(item, 'createdAt'),
});

export const nameClaimItem = (c: NameClaim): Item => ({
  ...nameClaimKey(c.stateMachineName, c.name),
  kind: 'nameClaim',
  stateMachineName: c.stateMachineName,
  name: c.name,
  executionId: c.executionId,
  inputHash: c.inputHash,
  ttl: c.ttl,
});

export const toNameClaim = (item: Item): NameClaim =>
  withoutUndefined({
    stateMachineName: readString(item, 'stateMachineName'),
    name: readString(item, 'name'),
    executionId: readString(item, 'executionId'),
    inputHash: readString(item, 'inputHash'),
    ttl: readOptionalNumber(item, 'ttl'),
  });

/**
 * The item of a ConditionalCheckFailedException (ReturnValuesOnConditionCheckFailure) comes
 * in the low-level wire format: the document client does not unmarshall errors. A claim has
 * only strings and numbers, so this small reader suffices.
 */
export function fromWireItem(item: Record<string, AttributeValue>): Item {
  return Object.fromEntries(
    Object.entries(item).map(([k, v]) => [k, v.S !== undefined ? v.S : v.N !== undefined ? Number(v.N) : v]),
  );
}

export const taskTokenItem = (t: TaskTokenEntry): Item => ({
  ...taskTokenKey(t.tokenHash),
  kind: 'taskToken',
  tokenHash: t.tokenHash,
  executionId: t.executionId,
  waitId: t.waitId,
  ttl: t.ttl,
});

export const toTaskToken = (item: Item): TaskTokenEntry =>
  withoutUndefined({
    tokenHash: readString(item, 'tokenHash'),
    executionId: readString(item, 'executionId'),
    waitId: readString(item, 'waitId'),
    ttl: readOptionalNumber(item, 'ttl'),
  });
