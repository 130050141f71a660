/** Execution records ↔ execution items, and the summaries that listing reads from gsi1. */
import type { ExecutionStatus } from '../../../engine/types.js';
import type { ExecutionRecord, ExecutionSummary, Outbox } from '../../../runtime/ports.js';
import type { Snapshot } from '../../../engine/types.js';
import {
  type Item,
  readNumber,
  readOptionalNumber,
  readOptionalString,
  readString,
  withoutUndefined,
} from './item-codec.js';
import { executionGsi1sk, executionKey, executionsGsi1pk } from './keys.js';

const STATUSES: readonly ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];

interface ExecutionBody {
  snapshot: Snapshot;
  outbox: Outbox;
}

/** The snapshot and outbox, as one JSON text (see item-codec.ts for why a string). */
export const executionBody = (record: ExecutionRecord): string =>
  JSON.stringify({ snapshot: record.snapshot, outbox: record.outbox } satisfies ExecutionBody);

/**
 * Every attribute but the body. Rewritten whole on each commit, so status, stopDate, ttl and
 * the listing keys always match the record. Only top-level executions get gsi1 keys:
 * children (Parallel branches, Map iterations) are not listed.
 */
export function executionAttributes(record: ExecutionRecord): Item {
  const listed = record.parentId === undefined;
  return {
    ...executionKey(record.id),
    kind: 'execution',
    id: record.id,
    stateMachineName: record.stateMachineName,
    versionId: record.versionId,
    name: record.name,
    status: record.status,
    seq: record.seq,
    parentId: record.parentId,
    startDate: record.startDate,
    stopDate: record.stopDate,
    ttl: record.ttl,
    gsi1pk: listed ? executionsGsi1pk(record.stateMachineName) : undefined,
    gsi1sk: listed ? executionGsi1sk(record.startDate, record.id) : undefined,
  };
}

function readStatus(item: Item): ExecutionStatus {
  const status = readString(item, 'status');
  const known = STATUSES.find((s) => s === status);
  if (!known) throw new Error(`Unknown execution status in item: ${status}`);
  return known;
}

export function toExecution(item: Item, body: string): ExecutionRecord {
  const { snapshot, outbox } = JSON.parse(body) as ExecutionBody;
  return withoutUndefined({
    id: readString(item, 'id'),
    stateMachineName: readString(item, 'stateMachineName'),
    versionId: readString(item, 'versionId'),
    name: readString(item, 'name'),
    status: readStatus(item),
    seq: readNumber(item, 'seq'),
    snapshot,
    outbox,
    parentId: readOptionalString(item, 'parentId'),
    startDate: readNumber(item, 'startDate'),
    stopDate: readOptionalNumber(item, 'stopDate'),
    ttl: readOptionalNumber(item, 'ttl'),
  });
}

export const toExecutionSummary = (item: Item): ExecutionSummary =>
  withoutUndefined({
    id: readString(item, 'id'),
    stateMachineName: readString(item, 'stateMachineName'),
    name: readString(item, 'name'),
    status: readStatus(item),
    startDate: readNumber(item, 'startDate'),
    stopDate: readOptionalNumber(item, 'stopDate'),
  });
