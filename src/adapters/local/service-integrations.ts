/**
 * SQS sendMessage, SNS publish and EventBridge putEvents, delivered to local sinks with the
 * result shapes Step Functions returns for them.
 */
import { createHash, randomUUID } from 'node:crypto';
import { type Json, type JsonObject, getOwn, isJsonObject } from '../../asl/json.js';
import type { TaskResult } from '../../runtime/ports.js';
import type { LocalSinks } from './local-sinks.js';

export type Integration = (parameters: Json, sinks: LocalSinks) => TaskResult;

const field = (parameters: Json, key: string): Json | undefined =>
  isJsonObject(parameters) ? getOwn(parameters, key) : undefined;

const missing = (service: string, name: string): TaskResult => ({
  ok: false,
  error: `${service}.ValidationException`,
  cause: `The parameter ${name} is required`,
});

const text = (value: Json): string => (typeof value === 'string' ? value : JSON.stringify(value));

function sqsSendMessage(parameters: Json, sinks: LocalSinks): TaskResult {
  const queueUrl = field(parameters, 'QueueUrl');
  const body = field(parameters, 'MessageBody');
  if (typeof queueUrl !== 'string') return missing('SQS', 'QueueUrl');
  if (body === undefined) return missing('SQS', 'MessageBody');
  const messageId = randomUUID();
  sinks.deliver({ service: 'sqs', target: queueUrl, payload: body, messageId });
  const md5 = createHash('md5').update(text(body)).digest('hex');
  return { ok: true, output: { MD5OfMessageBody: md5, MessageId: messageId } };
}

function snsPublish(parameters: Json, sinks: LocalSinks): TaskResult {
  const target =
    field(parameters, 'TopicArn') ?? field(parameters, 'TargetArn') ?? field(parameters, 'PhoneNumber');
  const message = field(parameters, 'Message');
  if (typeof target !== 'string') return missing('SNS', 'TopicArn');
  if (message === undefined) return missing('SNS', 'Message');
  const messageId = randomUUID();
  sinks.deliver({ service: 'sns', target, payload: message, messageId });
  return { ok: true, output: { MessageId: messageId } };
}

function eventsPutEvents(parameters: Json, sinks: LocalSinks): TaskResult {
  const entries = field(parameters, 'Entries');
  if (!Array.isArray(entries)) return missing('EventBridge', 'Entries');
  const results: JsonObject[] = entries.map((entry) => {
    const eventId = randomUUID();
    const bus = field(entry, 'EventBusName');
    sinks.deliver({
      service: 'events',
      target: typeof bus === 'string' ? bus : 'default',
      payload: entry,
      messageId: eventId,
    });
    return { EventId: eventId };
  });
  return { ok: true, output: { Entries: results, FailedEntryCount: 0 } };
}

/** By `service:action`, the `.waitForTaskToken` suffix removed. */
export const serviceIntegrations = new Map<string, Integration>([
  ['sqs:sendMessage', sqsSendMessage],
  ['sns:publish', snsPublish],
  ['events:putEvents', eventsPutEvents],
]);
