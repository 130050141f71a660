/**
 * What a Task's Resource names, and so which history events it records: a bare Lambda
 * function ARN records LambdaFunction* events and returns only the payload; an
 * `arn:aws:states:::service:action[.pattern]` integration records Task* events.
 */
import type { TaskState } from '../asl/types.js';
import type { TaskPattern } from './types.js';

export interface TaskResource {
  kind: 'lambda-function' | 'integration' | 'activity';
  pattern: TaskPattern;
  /** History event family: LambdaFunctionScheduled vs TaskScheduled vs ActivityScheduled. */
  eventPrefix: 'LambdaFunction' | 'Task' | 'Activity';
  /** As Step Functions records them: e.g. resourceType "lambda", resource "invoke.waitForTaskToken". */
  resourceType: string;
  resource: string;
  region: string;
}

const cache = new WeakMap<TaskState, TaskResource>();

export function taskResource(state: TaskState): TaskResource {
  let resource = cache.get(state);
  if (!resource) {
    resource = classify(state.resource);
    cache.set(state, resource);
  }
  return resource;
}

function patternOf(action: string): TaskPattern {
  if (action.endsWith('.waitForTaskToken')) return 'waitForTaskToken';
  if (action.endsWith('.sync:2')) return 'sync:2';
  if (action.endsWith('.sync')) return 'sync';
  return 'request-response';
}

export function classify(arn: string): TaskResource {
  const parts = arn.split(':');
  const region = parts[3] || 'us-east-1';
  if (parts[2] === 'lambda' && parts[5] === 'function') {
    return {
      kind: 'lambda-function',
      pattern: 'request-response',
      eventPrefix: 'LambdaFunction',
      resourceType: 'lambda',
      resource: arn,
      region,
    };
  }
  if (parts[2] === 'states' && parts[5] === 'activity') {
    return {
      kind: 'activity',
      pattern: 'waitForTaskToken',
      eventPrefix: 'Activity',
      resourceType: 'activity',
      resource: arn,
      region,
    };
  }
  const resourceType = parts[5] ?? '';
  const resource = parts.slice(6).join(':');
  return {
    kind: 'integration',
    pattern: patternOf(resource),
    eventPrefix: 'Task',
    resourceType,
    resource,
    region,
  };
}
