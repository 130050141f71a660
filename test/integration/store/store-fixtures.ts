/** Shared set-up of the store tests: dynalite per file, a table, records to write. */
import { afterAll, beforeAll } from 'vitest';
import type { Json } from '../../../src/asl/json.js';
import { ensureTable } from '../../../src/adapters/aws/dynamodb/create-table.js';
import { DynamoDBStore } from '../../../src/adapters/aws/dynamodb/dynamodb-store.js';
import type { ExecutionStatus, HistoryEvent } from '../../../src/engine/types.js';
import type { Clock, ExecutionRecord } from '../../../src/runtime/ports.js';
import { type LocalDynamo, startDynalite } from '../../support/dynalite.js';

export interface StoreHarness {
  dynamo: LocalDynamo;
  store: DynamoDBStore;
  tableName: string;
  /** A further table in the same dynalite, for tests that need an empty one. */
  newStore(tableName: string, clock?: Clock): Promise<DynamoDBStore>;
}

export function useStore(tableName: string): StoreHarness {
  const harness = { tableName } as StoreHarness;
  beforeAll(async () => {
    harness.dynamo = await startDynalite();
    harness.newStore = async (name, clock) => {
      await ensureTable(harness.dynamo.client, name);
      return new DynamoDBStore({ client: harness.dynamo.client, tableName: name, clock });
    };
    harness.store = await harness.newStore(tableName);
  });
  afterAll(async () => {
    await harness.dynamo?.close();
  });
  return harness;
}

export interface RecordOptions {
  id?: string;
  stateMachineName?: string;
  name?: string;
  status?: ExecutionStatus;
  seq?: number;
  input?: Json;
  parentId?: string;
  startDate?: number;
  stopDate?: number;
  ttl?: number;
  messageId?: string;
}

export function executionRecord(options: RecordOptions = {}): ExecutionRecord {
  const stateMachineName = options.stateMachineName ?? 'orders';
  const name = options.name ?? 'run-1';
  const id = options.id ?? `arn:aws:states:us-east-1:000000000000:execution:${stateMachineName}:${name}`;
  const status = options.status ?? 'RUNNING';
  const seq = options.seq ?? 0;
  const startDate = options.startDate ?? 1_700_000_000_000;
  const input = options.input ?? { order: 42 };
  const record: ExecutionRecord = {
    id,
    stateMachineName,
    versionId: 'v-abc',
    name,
    status,
    seq,
    snapshot: {
      id,
      execution: {
        id,
        name,
        input,
        startTime: startDate,
        roleArn: 'arn:aws:iam::000000000000:role/quickstep',
        stateMachineId: `arn:aws:states:us-east-1:000000000000:stateMachine:${stateMachineName}`,
        stateMachineName,
        redriveCount: 0,
      },
      machineId: '',
      status,
      seq,
      lastEventId: 2,
      position: {
        state: 'Start',
        input,
        enteredTime: startDate,
        retryCounts: [],
        phase: { kind: 'entering' },
      },
    },
    outbox: { messageId: options.messageId ?? `${id}#${seq}#0`, events: [], effects: [{ type: 'Continue' }] },
    startDate,
  };
  if (options.parentId !== undefined) record.parentId = options.parentId;
  if (options.stopDate !== undefined) record.stopDate = options.stopDate;
  if (options.ttl !== undefined) record.ttl = options.ttl;
  return record;
}

/** The record after one more decision, as the runtime would commit it. */
export function nextRecord(record: ExecutionRecord, changes: RecordOptions = {}): ExecutionRecord {
  const seq = record.seq + 1;
  const status = changes.status ?? record.status;
  const next: ExecutionRecord = {
    ...record,
    status,
    seq,
    snapshot: { ...record.snapshot, status, seq, lastEventId: record.snapshot.lastEventId + 1 },
    outbox: { ...record.outbox, messageId: changes.messageId ?? `${record.id}#${seq}#0` },
  };
  if (changes.stopDate !== undefined) next.stopDate = changes.stopDate;
  if (changes.ttl !== undefined) next.ttl = changes.ttl;
  if (changes.input !== undefined) next.snapshot = { ...next.snapshot, output: changes.input };
  return next;
}

export function historyEvent(id: number, details?: { [key: string]: Json }): HistoryEvent {
  return {
    id,
    previousEventId: id - 1,
    timestamp: 1_700_000_000_000 + id,
    type: id === 1 ? 'ExecutionStarted' : 'PassStateEntered',
    ...(details ? { details } : {}),
  };
}
