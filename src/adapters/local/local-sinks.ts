/**
 * Where local runs deliver SQS, SNS and EventBridge task integrations: in-process lists a user
 * can see (the CLI prints them) and tests can read.
 */
import type { Json } from '../../asl/json.js';

export interface SinkDelivery {
  service: 'sqs' | 'sns' | 'events';
  /** Queue URL, topic ARN or event bus name. */
  target: string;
  payload: Json;
  messageId: string;
}

export class LocalSinks {
  readonly deliveries: SinkDelivery[] = [];
  private readonly listeners: ((delivery: SinkDelivery) => void)[] = [];

  deliver(delivery: SinkDelivery): void {
    this.deliveries.push(delivery);
    for (const listener of this.listeners) listener(delivery);
  }

  onDelivery(listener: (delivery: SinkDelivery) => void): void {
    this.listeners.push(listener);
  }
}
