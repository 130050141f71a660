/**
 * The ExecutionStore on DynamoDB: one piece of code for AWS and for the embedded DynamoDB
 * (dynalite). Failed conditions become domain errors here, at the adapter's edge; every
 * other error propagates so that the queue redelivers.
 */
import type { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ExecutionStatus, HistoryEvent } from '../../../engine/types.js';
import { QuickstepError } from '../../../runtime/errors.js';
import {
  type Clock,
  type DefinitionVersion,
  type ExecutionRecord,
  type ExecutionStore,
  type ExecutionSummary,
  type NameClaim,
  type Page,
  SeqConflictError,
  type StateMachineRecord,
  type TaskTokenEntry,
} from '../../../runtime/ports.js';
import { putItems } from './batch-write.js';
import { Coalescer } from './coalescer.js';
import { anyOf, conditionParams, expiredAt, itemAbsent, seqIs } from './conditions.js';
import { deleteReplacedChunks, getExecution, markPerformed, putExecution } from './execution-items.js';
import { getHistory, putHistory } from './history-items.js';
import * as codec from './item-codec.js';
import {
  claimKey,
  definitionVersionKey,
  type ItemKey,
  nameClaimKey,
  stateMachineKey,
  taskTokenKey,
} from './keys.js';
import { listExecutions, listStateMachines } from './listing.js';
import { isConditionFailed, type TableContext } from './table-context.js';

export interface DynamoDBStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  /** For expired name claims that DynamoDB's TTL has not deleted yet. */
  clock?: Clock;
}

export class DynamoDBStore implements ExecutionStore {
  private readonly ctx: TableContext;
  private readonly clock: Clock;
  /** History items of concurrent performers share BatchWriteItem requests. */
  private readonly historyWrites: Coalescer<codec.Item>;

  constructor(options: DynamoDBStoreOptions) {
    const doc = DynamoDBDocumentClient.from(options.client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    this.ctx = { doc, tableName: options.tableName };
    this.clock = options.clock ?? { now: () => Date.now() };
    this.historyWrites = new Coalescer((items) => putItems(this.ctx, uniqueByKey(items)), 25);
  }

  async putStateMachine(record: StateMachineRecord, options: { ifAbsent?: boolean } = {}): Promise<void> {
    try {
      await this.put(codec.stateMachineItem(record), options.ifAbsent ? conditionParams(itemAbsent()) : {});
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      throw new QuickstepError('StateMachineAlreadyExists', `State Machine Already Exists: '${record.arn}'`);
    }
  }

  async getStateMachine(name: string): Promise<StateMachineRecord | undefined> {
    const item = await this.get(stateMachineKey(name));
    return item && codec.toStateMachine(item);
  }

  listStateMachines(options?: { limit?: number; nextToken?: string }): Promise<Page<StateMachineRecord>> {
    return listStateMachines(this.ctx, options);
  }

  /** Deletes the HEAD only: versions, name claims and executions stay for running executions (I4). */
  async deleteStateMachine(name: string): Promise<void> {
    await this.ctx.doc.send(new DeleteCommand({ TableName: this.ctx.tableName, Key: stateMachineKey(name) }));
  }

  async putDefinitionVersion(version: DefinitionVersion): Promise<void> {
    try {
      await this.put(codec.definitionVersionItem(version), conditionParams(itemAbsent()));
    } catch (error) {
      // Versions are content-addressed: the one already stored holds the same text.
      if (!isConditionFailed(error)) throw error;
    }
  }

  async getDefinitionVersion(
    stateMachineName: string,
    versionId: string,
  ): Promise<DefinitionVersion | undefined> {
    const item = await this.get(definitionVersionKey(stateMachineName, versionId));
    return item && codec.toDefinitionVersion(item);
  }

  async claimExecutionName(
    claim: NameClaim,
  ): Promise<{ claimed: true } | { claimed: false; holder: NameClaim }> {
    // An expired claim that TTL has not deleted yet no longer holds the name.
    const condition = anyOf(itemAbsent(), expiredAt(Math.floor(this.clock.now() / 1000)));
    try {
      await this.put(codec.nameClaimItem(claim), {
        ...conditionParams(condition),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      });
      return { claimed: true };
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      // DynamoDB returns the holder with the error; dynalite ignores
      // ReturnValuesOnConditionCheckFailure, so there the holder is read (consistently).
      const wire = (error as ConditionalCheckFailedException).Item;
      const holder = wire
        ? codec.fromWireItem(wire)
        : await this.get(nameClaimKey(claim.stateMachineName, claim.name));
      // Gone between the put and the read: only TTL deletes claims, so the name is free again.
      if (!holder) return this.claimExecutionName(claim);
      return { claimed: false, holder: codec.toNameClaim(holder) };
    }
  }

  async createExecution(record: ExecutionRecord): Promise<boolean> {
    try {
      await putExecution(this.ctx, record, itemAbsent());
      return true;
    } catch (error) {
      if (isConditionFailed(error)) return false;
      throw error;
    }
  }

  getExecution(id: string): Promise<ExecutionRecord | undefined> {
    return getExecution(this.ctx, id);
  }

  markPerformed(executionId: string, seq: number): Promise<void> {
    return markPerformed(this.ctx, executionId, seq);
  }

  async claim(executionId: string, key: string, owner: string, ttl?: number): Promise<boolean> {
    try {
      await this.ctx.doc.send(
        new PutCommand({
          TableName: this.ctx.tableName,
          Item: { ...claimKey(executionId, key), owner, ...(ttl === undefined ? {} : { ttl }) },
          ConditionExpression: 'attribute_not_exists(#pk) OR #owner = :owner',
          ExpressionAttributeNames: { '#pk': 'pk', '#owner': 'owner' },
          ExpressionAttributeValues: { ':owner': owner },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailed(error)) return false;
      throw error;
    }
  }

  async commitExecution(record: ExecutionRecord, expectedSeq: number): Promise<void> {
    let put: Awaited<ReturnType<typeof putExecution>>;
    try {
      put = await putExecution(this.ctx, record, seqIs(expectedSeq));
    } catch (error) {
      if (isConditionFailed(error)) throw new SeqConflictError(record.id, expectedSeq);
      throw error;
    }
    await deleteReplacedChunks(this.ctx, put);
  }

  putHistory(executionId: string, events: HistoryEvent[]): Promise<void> {
    return putHistory(this.ctx, executionId, events, (items) => this.historyWrites.submit(items));
  }

  getHistory(
    executionId: string,
    options?: { reverse?: boolean; limit?: number; nextToken?: string },
  ): Promise<Page<HistoryEvent>> {
    return getHistory(this.ctx, executionId, options);
  }

  listExecutions(options: {
    stateMachineName: string;
    status?: ExecutionStatus;
    limit?: number;
    nextToken?: string;
  }): Promise<Page<ExecutionSummary>> {
    return listExecutions(this.ctx, options);
  }

  async putTaskToken(entry: TaskTokenEntry): Promise<void> {
    await this.put(codec.taskTokenItem(entry));
  }

  async getTaskToken(tokenHash: string): Promise<TaskTokenEntry | undefined> {
    const item = await this.get(taskTokenKey(tokenHash));
    return item && codec.toTaskToken(item);
  }

  private async put(item: codec.Item, params: Partial<ConstructorParameters<typeof PutCommand>[0]> = {}) {
    await this.ctx.doc.send(new PutCommand({ ...params, TableName: this.ctx.tableName, Item: item }));
  }

  /** Strongly consistent: callers read what they (or a racing writer) just wrote. */
  private async get(key: ItemKey): Promise<codec.Item | undefined> {
    const { Item } = await this.ctx.doc.send(
      new GetCommand({ TableName: this.ctx.tableName, Key: { ...key }, ConsistentRead: true }),
    );
    return Item;
  }
}

/** One BatchWriteItem may not name a key twice (two performers of one outbox): the last wins. */
function uniqueByKey(items: codec.Item[]): codec.Item[] {
  return [...new Map(items.map((item) => [`${item.pk}\u0000${item.sk}`, item])).values()];
}
