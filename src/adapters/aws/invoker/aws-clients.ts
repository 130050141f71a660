/** The SDK clients tasks use, created on first use (a cold start pays only for what it calls). */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';

export interface AwsClients {
  readonly lambda: LambdaClient;
  readonly sqs: SQSClient;
  readonly sns: SNSClient;
  readonly eventBridge: EventBridgeClient;
  readonly dynamodb: DynamoDBClient;
}

export function lazyClients(given: Partial<AwsClients> = {}): AwsClients {
  const made: Partial<AwsClients> = { ...given };
  const once = <K extends keyof AwsClients>(key: K, make: () => AwsClients[K]): AwsClients[K] => {
    made[key] ??= make();
    return made[key] as AwsClients[K];
  };
  return {
    get lambda() {
      return once('lambda', () => new LambdaClient({}));
    },
    get sqs() {
      return once('sqs', () => new SQSClient({}));
    },
    get sns() {
      return once('sns', () => new SNSClient({}));
    },
    get eventBridge() {
      return once('eventBridge', () => new EventBridgeClient({}));
    },
    get dynamodb() {
      return once('dynamodb', () => new DynamoDBClient({}));
    },
  };
}
