/**
 * DynamoDB getItem, putItem, updateItem and deleteItem, with the API's own request and result
 * shapes (attribute values as `{"S": "…"}`), as Step Functions' optimized integration takes
 * them. Binary values (`B`, `BS`) travel as base64 text in JSON.
 */
import {
  DeleteItemCommand,
  type DeleteItemCommandInput,
  type DynamoDBClient,
  GetItemCommand,
  type GetItemCommandInput,
  PutItemCommand,
  type PutItemCommandInput,
  UpdateItemCommand,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { type Json, isJsonObject } from '../../../asl/json.js';
import type { TaskResult } from '../../../runtime/ports.js';
import { invalidParameter, outputJson, stringField } from './parameters.js';
import { sdkEnvelope } from './sdk-envelope.js';
import { serviceError } from './service-error.js';

type Command = GetItemCommand | PutItemCommand | UpdateItemCommand | DeleteItemCommand;

const commands: Record<string, (input: unknown) => Command> = {
  getItem: (input) => new GetItemCommand(input as GetItemCommandInput),
  putItem: (input) => new PutItemCommand(input as PutItemCommandInput),
  updateItem: (input) => new UpdateItemCommand(input as UpdateItemCommandInput),
  deleteItem: (input) => new DeleteItemCommand(input as DeleteItemCommandInput),
};

export const DYNAMODB_ACTIONS = Object.keys(commands);

export async function dynamodbItem(
  client: DynamoDBClient,
  action: string,
  parameters: Json,
): Promise<TaskResult> {
  const command = commands[action];
  if (!command) return { ok: false, error: 'States.Runtime', cause: `dynamodb:${action} is not supported` };
  if (!stringField(parameters, 'TableName')) return invalidParameter('DynamoDB', 'TableName', 'a table name');
  try {
    // The union of commands has no common send overload; each is a plain DynamoDB command.
    const response = (await client.send(command(withBinary(parameters)) as GetItemCommand)) as object & {
      $metadata?: { httpStatusCode?: number; requestId?: string };
    };
    return { ok: true, output: { ...outputJson(response), ...sdkEnvelope(response.$metadata) } };
  } catch (error) {
    return serviceError('DynamoDB', error);
  }
}

/** `{"B": "base64"}` and `{"BS": [...]}` as bytes, the rest as it is. */
function withBinary(value: Json): unknown {
  if (Array.isArray(value)) return value.map(withBinary);
  if (!isJsonObject(value)) return value;
  const converted: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (key === 'B' && typeof member === 'string') converted[key] = Buffer.from(member, 'base64');
    else if (key === 'BS' && Array.isArray(member))
      converted[key] = member.map((item) => Buffer.from(String(item), 'base64'));
    else converted[key] = withBinary(member);
  }
  return converted;
}
