/**
 * Listings over the sparse index gsi1: executions of a state machine newest first (only
 * top-level ones carry gsi1 keys), and state machines by name (their HEAD items share one
 * gsi1 partition, so listing them is a Query, never a Scan of the whole table).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ExecutionStatus } from '../../../engine/types.js';
import type { ExecutionSummary, Page, StateMachineRecord } from '../../../runtime/ports.js';
import { type Clause, gsi1PartitionIs, queryParams, statusIs } from './conditions.js';
import { toExecutionSummary } from './execution-codec.js';
import { type Item, toStateMachine } from './item-codec.js';
import { executionsGsi1pk, STATE_MACHINES_GSI1PK } from './keys.js';
import { collectPage, decodeToken, encodeToken, pageLimit } from './paging.js';
import { GSI1, GSI1_KEYS, GSI1_PK } from './table-schema.js';
import type { TableContext } from './table-context.js';

interface IndexPageRequest {
  gsi1pk: string;
  newestFirst: boolean;
  filter?: Clause;
  limit?: number;
  nextToken?: string;
}

async function queryIndexPage(ctx: TableContext, request: IndexPageRequest) {
  const { gsi1pk, filter } = request;
  const page = await collectPage({
    limit: pageLimit(request.limit),
    startKey: request.nextToken
      ? decodeToken(request.nextToken, GSI1_KEYS, { [GSI1_PK]: gsi1pk })
      : undefined,
    keyAttributes: GSI1_KEYS,
    // With a filter, DynamoDB's Limit counts items read before filtering: read more than
    // wanted (the surplus is cut, and the token resumes after the last item returned).
    readLimit: (remaining) => (filter ? Math.min(Math.max(remaining * 4, 100), 1000) : remaining + 1),
    query: async (startKey, limit) => {
      const result = await ctx.doc.send(
        new QueryCommand({
          TableName: ctx.tableName,
          IndexName: GSI1,
          ...queryParams(gsi1PartitionIs(gsi1pk), filter),
          ScanIndexForward: !request.newestFirst,
          Limit: limit,
          ExclusiveStartKey: startKey,
        }),
      );
      return { items: result.Items ?? [], lastEvaluatedKey: result.LastEvaluatedKey };
    },
  });
  return { items: page.items, ...(page.nextKey ? { nextToken: encodeToken(page.nextKey) } : {}) };
}

const mapPage = <T>(page: { items: Item[]; nextToken?: string }, map: (item: Item) => T): Page<T> => ({
  ...page,
  items: page.items.map(map),
});

export async function listExecutions(
  ctx: TableContext,
  options: { stateMachineName: string; status?: ExecutionStatus; limit?: number; nextToken?: string },
): Promise<Page<ExecutionSummary>> {
  const page = await queryIndexPage(ctx, {
    gsi1pk: executionsGsi1pk(options.stateMachineName),
    newestFirst: true,
    filter: options.status ? statusIs(options.status) : undefined,
    limit: options.limit,
    nextToken: options.nextToken,
  });
  return mapPage(page, toExecutionSummary);
}

export async function listStateMachines(
  ctx: TableContext,
  options: { limit?: number; nextToken?: string } = {},
): Promise<Page<StateMachineRecord>> {
  const page = await queryIndexPage(ctx, { gsi1pk: STATE_MACHINES_GSI1PK, newestFirst: false, ...options });
  return mapPage(page, toStateMachine);
}
