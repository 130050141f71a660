/**
 * The Quickstep table (DESIGN.md, Data model): one table with string keys `pk`/`sk`, one
 * sparse GSI for listing, TTL on `ttl`. The CreateTable input here is what `create-table.ts`
 * uses locally; serverless.yml should declare the same shape.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const PK = 'pk';
export const SK = 'sk';
export const GSI1 = 'gsi1';
export const GSI1_PK = 'gsi1pk';
export const GSI1_SK = 'gsi1sk';
/** Epoch seconds; DynamoDB's TTL deletes the item some time after it passes. */
export const TTL_ATTRIBUTE = 'ttl';

export const TABLE_KEYS = [PK, SK] as const;
export const GSI1_KEYS = [PK, SK, GSI1_PK, GSI1_SK] as const;

/**
 * Attributes copied into gsi1: what an execution summary and a state machine record need.
 * Not ALL: the execution `body` can be 350 KB and would be paid for again in the index.
 */
export const GSI1_PROJECTED = [
  'kind',
  'id',
  'stateMachineName',
  'name',
  'status',
  'startDate',
  'stopDate',
  'arn',
  'versionId',
  'type',
  'roleArn',
  'createdAt',
  'updatedAt',
];

export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [PK, SK, GSI1_PK, GSI1_SK].map((name) => ({
      AttributeName: name,
      AttributeType: 'S',
    })),
    KeySchema: [
      { AttributeName: PK, KeyType: 'HASH' },
      { AttributeName: SK, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: GSI1,
        KeySchema: [
          { AttributeName: GSI1_PK, KeyType: 'HASH' },
          { AttributeName: GSI1_SK, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: GSI1_PROJECTED },
      },
    ],
  };
}
