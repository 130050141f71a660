import type { Seconds, TaskState } from '../types.js';
import type { FieldReader } from './field-reader.js';
import { type StateHeader, readFilters, readTransition } from './read-common.js';
import { isExpressionField, readExpression, readJsonataValue } from './read-jsonata.js';
import { readResultPath, readTemplate, readValueOrPath } from './read-paths.js';
import { readRetryCatch } from './read-retry-catch.js';
import { MAX_SECONDS } from './state-fields.js';

export function readTaskState(fields: FieldReader, header: StateHeader): TaskState {
  const timeout = readSeconds(fields, 'TimeoutSeconds', header.queryLanguage === 'JSONata');
  const heartbeat = readSeconds(fields, 'HeartbeatSeconds', header.queryLanguage === 'JSONata');
  if (
    timeout &&
    heartbeat &&
    'seconds' in timeout &&
    'seconds' in heartbeat &&
    heartbeat.seconds >= timeout.seconds
  ) {
    fields.invalid('HeartbeatSeconds', `smaller than TimeoutSeconds (${timeout.seconds})`);
  }
  return {
    ...header,
    type: 'Task',
    ...readFilters(fields),
    transition: readTransition(fields),
    resource: readResource(fields) ?? '',
    parameters: readTemplate(fields, 'Parameters'),
    arguments: readJsonataValue(fields, 'Arguments'),
    resultSelector: readTemplate(fields, 'ResultSelector'),
    resultPath: readResultPath(fields),
    timeout,
    heartbeat,
    ...readRetryCatch(fields, header.queryLanguage),
    credentials: readTemplate(fields, 'Credentials'),
  };
}

function readResource(fields: FieldReader): string | undefined {
  if (!fields.require('Resource', 'A Task state')) return undefined;
  const resource = fields.string('Resource');
  if (resource === undefined || resource.startsWith('arn:')) return resource;
  return fields.invalid('Resource', 'an ARN (a string starting with "arn:")');
}

/** A positive number of seconds, a reference path to one (`key`Path), or a JSONata expression. */
function readSeconds(fields: FieldReader, key: string, jsonata: boolean): Seconds | undefined {
  if (jsonata && isExpressionField(fields, key)) return readExpression(fields, key);
  const read = readValueOrPath(fields, key, (name) => fields.integer(name, { min: 1, max: MAX_SECONDS }));
  return read === undefined || 'path' in read ? read : { seconds: read.value };
}
