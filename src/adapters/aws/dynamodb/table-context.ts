import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** What every table operation needs: the document client and the table's name. */
export interface TableContext {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

/**
 * True for a failed ConditionExpression. Checked by name, not instanceof, so that a second
 * copy of the SDK in node_modules cannot hide it.
 */
export function isConditionFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
