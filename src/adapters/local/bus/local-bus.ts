import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../../../runtime/arn.js';
import type { EventBus, StatusEvent } from '../../../runtime/ports.js';
import { compileEventPattern } from './compile-event-pattern.js';
import { type EventBridgeEvent, toEventBridgeEvent } from './eventbridge-event.js';
import { matchesEventPattern } from './match-event-pattern.js';
import type { EventPattern } from './pattern-types.js';

export type EventHandler = (event: EventBridgeEvent) => Promise<void> | void;

export interface LocalBusOptions {
  account?: string;
  region?: string;
  /** Told about a subscriber that threw; like an EventBridge target's failure, it does not fail publish. */
  onHandlerError?: (error: unknown, event: EventBridgeEvent) => void;
}

export interface Subscription {
  unsubscribe(): void;
}

interface Subscriber {
  pattern: EventPattern;
  handler: EventHandler;
}

/**
 * An in-process event bus with EventBridge's rule matching: each published event goes to
 * every subscriber whose event pattern matches it. Every event published is kept, in order,
 * duplicates included (I5 is at least once), for tests and the CLI to read.
 */
export class LocalBus implements EventBus {
  readonly published: EventBridgeEvent[] = [];
  private readonly subscribers = new Set<Subscriber>();
  private readonly account: string;
  private readonly region: string;
  private readonly onHandlerError: (error: unknown, event: EventBridgeEvent) => void;

  constructor(options: LocalBusOptions = {}) {
    this.account = options.account ?? DEFAULT_ACCOUNT;
    this.region = options.region ?? DEFAULT_REGION;
    this.onHandlerError = options.onHandlerError ?? (() => {});
  }

  /** Throws InvalidEventPatternError for a pattern EventBridge would refuse. */
  subscribe(pattern: unknown, handler: EventHandler): Subscription {
    const subscriber: Subscriber = { pattern: compileEventPattern(pattern), handler };
    this.subscribers.add(subscriber);
    return { unsubscribe: () => this.subscribers.delete(subscriber) };
  }

  /** Resolves once every matching subscriber has handled the events. */
  async publish(events: StatusEvent[]): Promise<void> {
    const envelopes = events.map((event) => toEventBridgeEvent(event, this.account, this.region));
    this.published.push(...envelopes);
    const deliveries: Promise<void>[] = [];
    for (const envelope of envelopes) {
      for (const { pattern, handler } of this.subscribers) {
        if (matchesEventPattern(pattern, envelope)) deliveries.push(this.deliver(handler, envelope));
      }
    }
    await Promise.all(deliveries);
  }

  private async deliver(handler: EventHandler, event: EventBridgeEvent): Promise<void> {
    try {
      // Each target gets its own copy, as each EventBridge target gets its own delivery.
      await handler(structuredClone(event));
    } catch (error) {
      this.onHandlerError(error, event);
    }
  }
}
