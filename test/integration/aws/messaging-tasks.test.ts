/**
 * SQS, SNS and EventBridge tasks through the AWS task invoker, and the resources it refuses.
 * No emulator exists here for these services: the SDK mocks are what cover them (see
 * invoker-fixture.ts).
 */
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PublishCommand } from '@aws-sdk/client-sns';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { beforeEach, describe, expect, it } from 'vitest';
import { eventBridge, invoker, metadata, request, resetMocks, sns, sqs } from './invoker-fixture.js';

beforeEach(resetMocks);

describe('SQS, SNS and EventBridge tasks', () => {
  it('sqs:sendMessage sends a JSON body as text and returns the message id', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm-1', MD5OfMessageBody: 'abc', $metadata: metadata });
    const parameters = {
      QueueUrl: 'https://sqs/q',
      MessageBody: { orderId: 'o-1', taskToken: 'tok' },
      DelaySeconds: 5,
    };
    const result = await invoker.invoke(
      request('arn:aws:states:::sqs:sendMessage.waitForTaskToken', parameters, 'tok'),
    );
    expect(result).toMatchObject({
      ok: true,
      output: { MessageId: 'm-1', MD5OfMessageBody: 'abc', SdkResponseMetadata: { RequestId: 'req-1' } },
    });
    expect(sqs.commandCalls(SendMessageCommand)[0].args[0].input).toEqual({
      QueueUrl: 'https://sqs/q',
      MessageBody: '{"orderId":"o-1","taskToken":"tok"}',
      DelaySeconds: 5,
    });
  });

  it('sns:publish sends the message and returns its id; SNS errors are SNS.{Exception}', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'n-1', $metadata: metadata });
    const parameters = {
      TopicArn: 'arn:aws:sns:us-east-1:123456789012:orders',
      Message: 'shipped',
      Subject: 'Order',
    };
    expect(await invoker.invoke(request('arn:aws:states:::sns:publish', parameters))).toMatchObject({
      ok: true,
      output: { MessageId: 'n-1' },
    });
    expect(sns.commandCalls(PublishCommand)[0].args[0].input).toMatchObject({
      TopicArn: parameters.TopicArn,
      Message: 'shipped',
      Subject: 'Order',
    });
    sns.on(PublishCommand).rejects(
      Object.assign(new Error('Topic does not exist'), {
        name: 'NotFoundException',
        $metadata: { httpStatusCode: 404 },
      }),
    );
    expect(await invoker.invoke(request('arn:aws:states:::sns:publish', parameters))).toMatchObject({
      ok: false,
      error: 'SNS.NotFoundException',
    });
  });

  it('events:putEvents sends Detail as text; a failed entry fails the task with EventBridge.FailedEntry', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }], $metadata: metadata });
    const parameters = { Entries: [{ Source: 'shop', DetailType: 'Shipped', Detail: { orderId: 'o-1' } }] };
    expect(await invoker.invoke(request('arn:aws:states:::events:putEvents', parameters))).toMatchObject({
      ok: true,
      output: { Entries: [{ EventId: 'e-1' }], FailedEntryCount: 0 },
    });
    expect(eventBridge.commandCalls(PutEventsCommand)[0].args[0].input.Entries?.[0]).toMatchObject({
      Source: 'shop',
      Detail: '{"orderId":"o-1"}',
    });
    eventBridge
      .on(PutEventsCommand)
      .resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure' }] });
    expect(await invoker.invoke(request('arn:aws:states:::events:putEvents', parameters))).toMatchObject({
      ok: false,
      error: 'EventBridge.FailedEntry',
    });
  });
});

describe('resources', () => {
  it('refuses resources and patterns Quickstep does not run, with a clear cause', async () => {
    const glue = await invoker.invoke(request('arn:aws:states:::glue:startJobRun.sync', {}));
    expect(glue).toMatchObject({
      ok: false,
      error: 'States.Runtime',
      cause: expect.stringContaining('not supported'),
    });
    const callbackGet = await invoker.invoke(
      request('arn:aws:states:::dynamodb:getItem.waitForTaskToken', { TableName: 't' }),
    );
    expect(callbackGet).toMatchObject({
      ok: false,
      error: 'States.Runtime',
      cause: expect.stringContaining('waitForTaskToken'),
    });
  });
});
