/**
 * A status event as a PutEvents entry. EventBridge takes at most 256 KB per entry; when input
 * and output would not fit, they are left out and marked `inputDetails`/`outputDetails`
 * `{included: false}`, as Step Functions does for its own events.
 */
import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { StatusEvent } from '../../../runtime/ports.js';

export const MAX_ENTRY_BYTES = 256 * 1024;

export function statusEventEntry(event: StatusEvent, eventBusName: string): PutEventsRequestEntry {
  const entry = toEntry(event, event.detail, eventBusName);
  if (entrySize(entry) <= MAX_ENTRY_BYTES) return entry;
  const detail = {
    ...event.detail,
    input: null,
    inputDetails: { included: false },
    output: null,
    outputDetails: { included: false },
  };
  return toEntry(event, detail, eventBusName);
}

function toEntry(
  event: StatusEvent,
  detail: StatusEvent['detail'],
  eventBusName: string,
): PutEventsRequestEntry {
  return {
    EventBusName: eventBusName,
    Source: event.source,
    DetailType: event.detailType,
    Detail: JSON.stringify(detail),
    Resources: event.resources,
    Time: new Date(event.time),
  };
}

/** EventBridge's own measure of an entry (PutEvents entry size calculation). */
export function entrySize(entry: PutEventsRequestEntry): number {
  const bytes = (text?: string) => (text ? Buffer.byteLength(text, 'utf8') : 0);
  return (
    (entry.Time ? 14 : 0) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    (entry.Resources ?? []).reduce((sum, resource) => sum + bytes(resource), 0)
  );
}
