/**
 * DynamoDB expressions built from named clauses (Powertools-style): each clause carries its
 * own attribute names and values, so a condition reads as what it means and never clashes
 * with reserved words such as `status`, `name` or `ttl`.
 */
import type { NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import type { ExecutionStatus } from '../../../engine/types.js';
import { GSI1_PK, PK, SK, TTL_ATTRIBUTE } from './table-schema.js';

export interface Clause {
  expression: string;
  names: Record<string, string>;
  values: Record<string, NativeAttributeValue>;
}

const clause = (
  expression: string,
  names: Record<string, string>,
  values: Record<string, NativeAttributeValue> = {},
): Clause => ({ expression, names, values });

/** The item does not exist yet (a put creates it). */
export const itemAbsent = (): Clause => clause('attribute_not_exists(#pk)', { '#pk': PK });

/** The stored execution is still at the seq the writer read: optimistic concurrency. */
export const seqIs = (expectedSeq: number): Clause =>
  clause('#seq = :expectedSeq', { '#seq': 'seq' }, { ':expectedSeq': expectedSeq });

/** The item's TTL has passed but DynamoDB has not deleted it yet (deletion lags by up to days). */
export const expiredAt = (nowSeconds: number): Clause =>
  clause('#ttl < :nowSeconds', { '#ttl': TTL_ATTRIBUTE }, { ':nowSeconds': nowSeconds });

export const statusIs = (status: ExecutionStatus): Clause =>
  clause('#status = :status', { '#status': 'status' }, { ':status': status });

export const partitionIs = (pk: string): Clause => clause('#pk = :pk', { '#pk': PK }, { ':pk': pk });

export const gsi1PartitionIs = (gsi1pk: string): Clause =>
  clause('#gsi1pk = :gsi1pk', { '#gsi1pk': GSI1_PK }, { ':gsi1pk': gsi1pk });

export const sortKeyBeginsWith = (prefix: string): Clause =>
  clause('begins_with(#sk, :skPrefix)', { '#sk': SK }, { ':skPrefix': prefix });

const combine = (operator: 'AND' | 'OR', clauses: Clause[]): Clause => ({
  expression: clauses.map((c) => `(${c.expression})`).join(` ${operator} `),
  names: Object.assign({}, ...clauses.map((c) => c.names)),
  values: Object.assign({}, ...clauses.map((c) => c.values)),
});

export const allOf = (...clauses: Clause[]): Clause => combine('AND', clauses);
export const anyOf = (...clauses: Clause[]): Clause => combine('OR', clauses);

/** Names and values of several expressions of one request, merged; DynamoDB rejects empty maps. */
function attributeMaps(clauses: Clause[]) {
  const names: Record<string, string> = Object.assign({}, ...clauses.map((c) => c.names));
  const values: Record<string, NativeAttributeValue> = Object.assign({}, ...clauses.map((c) => c.values));
  return {
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}

export const conditionParams = (condition: Clause) => ({
  ConditionExpression: condition.expression,
  ...attributeMaps([condition]),
});

export const queryParams = (key: Clause, filter?: Clause) => ({
  KeyConditionExpression: key.expression,
  ...(filter ? { FilterExpression: filter.expression } : {}),
  ...attributeMaps(filter ? [key, filter] : [key]),
});
