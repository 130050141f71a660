/**
 * A state machine's `events` become EventBridge rules that target the start queue with a
 * start message `{"stateMachine", "name", "input"}`, built by an input transformer. The
 * execution is named after the EventBridge event id, so a redelivered event starts nothing new.
 */
import { type CfnResource, type CfnValue, getAtt, ref } from './cfn.js';
import type { StartEvent, StateMachineDeclaration } from './config.js';
import { START_QUEUE } from './logical-ids.js';

export function eventRule(machine: StateMachineDeclaration, event: StartEvent, index: number): CfnResource {
  const source: { [key: string]: CfnValue } =
    event.kind === 'eventBridge'
      ? { EventPattern: event.pattern, ...(event.eventBusName ? { EventBusName: event.eventBusName } : {}) }
      : { ScheduleExpression: event.expression };
  return {
    Type: 'AWS::Events::Rule',
    Properties: {
      Description: `Starts Quickstep state machine ${machine.name}`,
      State: event.enabled ? 'ENABLED' : 'DISABLED',
      ...source,
      Targets: [
        {
          Id: 'quickstep-start-queue',
          Arn: getAtt(START_QUEUE, 'Arn'),
          InputTransformer: inputTransformer(machine.name, event, index),
        },
      ],
    },
  };
}

function inputTransformer(
  stateMachine: string,
  event: StartEvent,
  index: number,
): { [key: string]: CfnValue } {
  const paths: { [key: string]: string } = { id: '$.id' };
  let input = '<aws.events.event.json>';
  if (event.input !== undefined) input = JSON.stringify(event.input);
  else if (event.kind === 'eventBridge' && event.inputPath) {
    paths.input = event.inputPath;
    input = '<input>';
  }
  // `"e1-<id>"`: inside quotes the id goes in as raw text; the prefix tells two rules apart.
  const template = `{"stateMachine":${JSON.stringify(stateMachine)},"name":"e${index + 1}-<id>","input":${input}}`;
  return { InputPathsMap: paths, InputTemplate: template };
}

/** Lets EventBridge send to the start queue, from these rules only. */
export function startQueuePolicy(ruleIds: string[]): CfnResource {
  return {
    Type: 'AWS::SQS::QueuePolicy',
    Properties: {
      Queues: [ref(START_QUEUE)],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: getAtt(START_QUEUE, 'Arn'),
            Condition: { ArnEquals: { 'aws:SourceArn': ruleIds.map((id) => getAtt(id, 'Arn')) } },
          },
        ],
      },
    },
  };
}
