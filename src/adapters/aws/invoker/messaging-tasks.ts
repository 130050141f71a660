/**
 * SQS sendMessage, SNS publish and EventBridge putEvents with Step Functions' request and
 * result shapes. A JSON message body or event detail is sent as its text; for
 * `.waitForTaskToken` the token is wherever the definition put it (`$$.Task.Token`).
 */
import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { type Json, isJsonObject } from '../../../asl/json.js';
import type { TaskResult } from '../../../runtime/ports.js';
import { messageAttributes } from './message-attributes.js';
import { field, invalidParameter, jsonText, numberField, outputJson, stringField } from './parameters.js';
import { sdkEnvelope } from './sdk-envelope.js';
import { serviceError } from './service-error.js';

export async function sqsSendMessage(client: SQSClient, parameters: Json): Promise<TaskResult> {
  const queueUrl = stringField(parameters, 'QueueUrl');
  const body = field(parameters, 'MessageBody');
  if (!queueUrl) return invalidParameter('SQS', 'QueueUrl', 'a queue URL');
  if (body === undefined) return invalidParameter('SQS', 'MessageBody', 'present');
  try {
    const response = await client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: jsonText(body),
        DelaySeconds: numberField(parameters, 'DelaySeconds'),
        MessageAttributes: messageAttributes(field(parameters, 'MessageAttributes')),
        MessageGroupId: stringField(parameters, 'MessageGroupId'),
        MessageDeduplicationId: stringField(parameters, 'MessageDeduplicationId'),
      }),
    );
    return { ok: true, output: { ...outputJson(response), ...sdkEnvelope(response.$metadata) } };
  } catch (error) {
    return serviceError('SQS', error);
  }
}

export async function snsPublish(client: SNSClient, parameters: Json): Promise<TaskResult> {
  const message = field(parameters, 'Message');
  const topicArn = stringField(parameters, 'TopicArn');
  const targetArn = stringField(parameters, 'TargetArn');
  const phoneNumber = stringField(parameters, 'PhoneNumber');
  if (!topicArn && !targetArn && !phoneNumber)
    return invalidParameter('SNS', 'TopicArn', 'a topic ARN (or TargetArn or PhoneNumber)');
  if (message === undefined) return invalidParameter('SNS', 'Message', 'present');
  try {
    const response = await client.send(
      new PublishCommand({
        TopicArn: topicArn,
        TargetArn: targetArn,
        PhoneNumber: phoneNumber,
        Message: jsonText(message),
        Subject: stringField(parameters, 'Subject'),
        MessageStructure: stringField(parameters, 'MessageStructure'),
        MessageAttributes: messageAttributes(field(parameters, 'MessageAttributes')),
        MessageGroupId: stringField(parameters, 'MessageGroupId'),
        MessageDeduplicationId: stringField(parameters, 'MessageDeduplicationId'),
      }),
    );
    return { ok: true, output: { ...outputJson(response), ...sdkEnvelope(response.$metadata) } };
  } catch (error) {
    return serviceError('SNS', error);
  }
}

/** A failed entry fails the task with EventBridge.FailedEntry, as Step Functions does. */
export async function eventsPutEvents(client: EventBridgeClient, parameters: Json): Promise<TaskResult> {
  const entries = field(parameters, 'Entries');
  if (!Array.isArray(entries) || entries.length === 0)
    return invalidParameter('EventBridge', 'Entries', 'a non-empty list of entries');
  try {
    const response = await client.send(new PutEventsCommand({ Entries: entries.map(toEntry) }));
    const output = { ...outputJson(response), ...sdkEnvelope(response.$metadata) };
    if (response.FailedEntryCount) {
      return { ok: false, error: 'EventBridge.FailedEntry', cause: JSON.stringify(outputJson(response)) };
    }
    return { ok: true, output };
  } catch (error) {
    return serviceError('EventBridge', error);
  }
}

function toEntry(entry: Json): PutEventsRequestEntry {
  if (!isJsonObject(entry)) return {};
  const detail = field(entry, 'Detail');
  const time = stringField(entry, 'Time');
  const resources = field(entry, 'Resources');
  return {
    Source: stringField(entry, 'Source'),
    DetailType: stringField(entry, 'DetailType'),
    Detail: detail === undefined ? undefined : jsonText(detail),
    EventBusName: stringField(entry, 'EventBusName'),
    Resources: Array.isArray(resources) ? resources.filter((r) => typeof r === 'string') : undefined,
    Time: time ? new Date(time) : undefined,
    TraceHeader: stringField(entry, 'TraceHeader'),
  };
}
