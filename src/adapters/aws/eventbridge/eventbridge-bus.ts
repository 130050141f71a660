/**
 * The runtime's EventBus on EventBridge: status events with PutEvents, at most 10 entries and
 * 256 KB per request. Entries EventBridge reports as failed are sent again; those still
 * failing after the retries throw, so the message behind them is redelivered and the event
 * published then (at least once, I5; consumers deduplicate on detail.eventId).
 */
import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import type { EventBus, StatusEvent } from '../../../runtime/ports.js';
import { MAX_ENTRY_BYTES, entrySize, statusEventEntry } from './status-event-entry.js';

const MAX_ENTRIES = 10;
const ATTEMPTS = 4;

export interface EventBridgeBusOptions {
  client: EventBridgeClient;
  /** Name or ARN; `default` for the account's default bus. */
  eventBusName: string;
  backoffMs?: (attempt: number) => number;
}

export class EventBridgeBus implements EventBus {
  constructor(private readonly options: EventBridgeBusOptions) {}

  async publish(events: StatusEvent[]): Promise<void> {
    const entries = events.map((event) => statusEventEntry(event, this.options.eventBusName));
    for (const request of requests(entries)) await this.put(request);
  }

  private async put(entries: PutEventsRequestEntry[]): Promise<void> {
    const backoff = this.options.backoffMs ?? ((attempt: number) => 50 * 2 ** attempt);
    let pending = entries;
    for (let attempt = 1; ; attempt++) {
      const result = await this.options.client.send(new PutEventsCommand({ Entries: pending }));
      if (!result.FailedEntryCount) return;
      // Results are positional: the n-th result belongs to the n-th entry sent.
      const outcomes = result.Entries ?? [];
      const failed = pending.filter((_, index) => outcomes[index]?.ErrorCode !== undefined);
      if (attempt === ATTEMPTS || failed.length === 0) {
        const error = outcomes.find((outcome) => outcome.ErrorCode);
        throw new Error(
          `EventBridge did not accept ${result.FailedEntryCount} status event(s): ${error?.ErrorCode} ${error?.ErrorMessage ?? ''}`,
        );
      }
      pending = failed;
      await new Promise((resolve) => setTimeout(resolve, backoff(attempt)));
    }
  }
}

function requests(entries: PutEventsRequestEntry[]): PutEventsRequestEntry[][] {
  const result: PutEventsRequestEntry[][] = [];
  let current: PutEventsRequestEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = entrySize(entry);
    if (current.length === MAX_ENTRIES || bytes + size > MAX_ENTRY_BYTES) {
      if (current.length > 0) result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) result.push(current);
  return result;
}
