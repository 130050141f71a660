/**
 * DynamoDB task integrations against a real DynamoDB implementation (dynalite, in-process):
 * Step Functions' request and result shapes, and its error names.
 */
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../../src/asl/json.js';
import { classify } from '../../../src/engine/task-resource.js';
import { lazyClients } from '../../../src/adapters/aws/invoker/aws-clients.js';
import { AwsTaskInvoker } from '../../../src/adapters/aws/invoker/aws-task-invoker.js';
import { NestedExecutions } from '../../../src/adapters/aws/sfn/nested-execution.js';
import type { TaskRequest } from '../../../src/runtime/ports.js';
import { type LocalDynamo, startDynalite } from '../../support/dynalite.js';

let dynamo: LocalDynamo;
let invoker: AwsTaskInvoker;

beforeAll(async () => {
  dynamo = await startDynalite();
  await dynamo.client.send(
    new CreateTableCommand({
      TableName: 'Orders',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'orderId', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
    }),
  );
  const unused = new NestedExecutions(() => {
    throw new Error('unused');
  });
  invoker = new AwsTaskInvoker(lazyClients({ dynamodb: dynamo.client }), unused);
});
afterAll(async () => dynamo?.close());

const task = (action: string, parameters: Json) => {
  const resource = `arn:aws:states:::dynamodb:${action}`;
  const request: TaskRequest = {
    executionId: 'arn:exec',
    stateName: action,
    resource,
    pattern: classify(resource).pattern,
    parameters,
    idempotencyKey: `arn:exec:${action}:w`,
    waitId: 'w',
  };
  return invoker.invoke(request);
};

describe('DynamoDB tasks (dynalite)', () => {
  it('putItem, getItem, updateItem and deleteItem with attribute values, as Step Functions returns them', async () => {
    const item = {
      orderId: { S: 'o-1' },
      total: { N: '30' },
      tags: { SS: ['tea'] },
      blob: { B: 'aGVsbG8=' },
    };
    expect(await task('putItem', { TableName: 'Orders', Item: item })).toMatchObject({
      ok: true,
      output: { SdkHttpMetadata: { HttpStatusCode: 200 } },
    });

    const got = await task('getItem', {
      TableName: 'Orders',
      Key: { orderId: { S: 'o-1' } },
      ConsistentRead: true,
    });
    expect(got).toMatchObject({ ok: true, output: { Item: item } });

    const updated = await task('updateItem', {
      TableName: 'Orders',
      Key: { orderId: { S: 'o-1' } },
      UpdateExpression: 'SET #s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': { S: 'SHIPPED' } },
      ReturnValues: 'UPDATED_NEW',
    });
    expect(updated).toMatchObject({ ok: true, output: { Attributes: { status: { S: 'SHIPPED' } } } });

    const deleted = await task('deleteItem', {
      TableName: 'Orders',
      Key: { orderId: { S: 'o-1' } },
      ReturnValues: 'ALL_OLD',
    });
    expect(deleted).toMatchObject({ ok: true, output: { Attributes: { status: { S: 'SHIPPED' } } } });
    expect(await task('getItem', { TableName: 'Orders', Key: { orderId: { S: 'o-1' } } })).toMatchObject({
      ok: true,
      output: {},
    });
  });

  it('names a failed condition DynamoDB.ConditionalCheckFailedException, for Retry and Catch', async () => {
    const put = {
      TableName: 'Orders',
      Item: { orderId: { S: 'o-2' } },
      ConditionExpression: 'attribute_not_exists(orderId)',
    };
    expect(await task('putItem', put)).toMatchObject({ ok: true });
    expect(await task('putItem', put)).toMatchObject({
      ok: false,
      error: 'DynamoDB.ConditionalCheckFailedException',
    });
  });

  it('names a missing table DynamoDB.ResourceNotFoundException, and a missing TableName a validation error', async () => {
    expect(await task('getItem', { TableName: 'Nope', Key: { orderId: { S: 'x' } } })).toMatchObject({
      ok: false,
      error: 'DynamoDB.ResourceNotFoundException',
    });
    expect(await task('getItem', { Key: {} })).toMatchObject({
      ok: false,
      error: 'DynamoDB.ValidationException',
    });
  });
});
