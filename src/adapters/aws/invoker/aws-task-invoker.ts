/**
 * The TaskInvoker on AWS: a Task's Resource picks the integration — a bare Lambda function
 * ARN, `lambda:invoke`, `sqs:sendMessage`, `sns:publish`, `events:putEvents`,
 * `dynamodb:{get,put,update,delete}Item`, `states:startExecution` — each with Step Functions'
 * request and result shapes and error names. Spec errors come back as results; only
 * infrastructure faults throw.
 */
import type { TaskInvoker, TaskRequest, TaskResult } from '../../../runtime/ports.js';
import type { NestedExecutions } from '../sfn/nested-execution.js';
import type { AwsClients } from './aws-clients.js';
import { DYNAMODB_ACTIONS, dynamodbItem } from './dynamodb-tasks.js';
import { invokeFunctionArn, lambdaInvoke } from './lambda-tasks.js';
import { eventsPutEvents, snsPublish, sqsSendMessage } from './messaging-tasks.js';

type Integration = (request: TaskRequest) => Promise<TaskResult>;
type Entry = [string, { run: Integration; patterns: string[] }];

const PATTERN_SUFFIX = /\.(waitForTaskToken|sync:2|sync)$/;

export class AwsTaskInvoker implements TaskInvoker {
  private readonly integrations: Map<string, { run: Integration; patterns: string[] }>;

  constructor(
    private readonly clients: AwsClients,
    nested: NestedExecutions,
  ) {
    const callback = ['request-response', 'waitForTaskToken'];
    const entries: Entry[] = [
      ['lambda:invoke', { run: (r) => lambdaInvoke(clients.lambda, r), patterns: callback }],
      ['sqs:sendMessage', { run: (r) => sqsSendMessage(clients.sqs, r.parameters), patterns: callback }],
      ['sns:publish', { run: (r) => snsPublish(clients.sns, r.parameters), patterns: callback }],
      [
        'events:putEvents',
        { run: (r) => eventsPutEvents(clients.eventBridge, r.parameters), patterns: callback },
      ],
      ['states:startExecution', { run: (r) => nested.start(r), patterns: [...callback, 'sync', 'sync:2'] }],
      ...DYNAMODB_ACTIONS.map(
        (action): Entry => [
          `dynamodb:${action}`,
          {
            run: (r) => dynamodbItem(clients.dynamodb, action, r.parameters),
            patterns: ['request-response'],
          },
        ],
      ),
    ];
    this.integrations = new Map(entries);
  }

  invoke(request: TaskRequest): Promise<TaskResult> {
    const parts = request.resource.split(':');
    if (parts[2] === 'lambda' && parts[5] === 'function')
      return invokeFunctionArn(this.clients.lambda, request);
    const action = parts.slice(5).join(':').replace(PATTERN_SUFFIX, '');
    const integration = parts[2] === 'states' ? this.integrations.get(action) : undefined;
    if (!integration) return Promise.resolve(unsupported(request.resource));
    if (!integration.patterns.includes(request.pattern)) {
      return Promise.resolve({
        ok: false,
        error: 'States.Runtime',
        cause: `${action} does not support the ${request.pattern} integration pattern.`,
      });
    }
    return integration.run(request);
  }
}

function unsupported(resource: string): TaskResult {
  return {
    ok: false,
    error: 'States.Runtime',
    cause: `The resource '${resource}' is not supported: Quickstep runs Lambda functions, lambda:invoke, sqs:sendMessage, sns:publish, events:putEvents, dynamodb:getItem/putItem/updateItem/deleteItem and states:startExecution.`,
  };
}
