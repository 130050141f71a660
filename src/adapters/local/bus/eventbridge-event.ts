import type { JsonObject } from '../../../asl/json.js';
import type { StatusEvent } from '../../../runtime/ports.js';

/** The envelope EventBridge delivers to targets, and what event patterns are matched against. */
export type EventBridgeEvent = {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  /** EventBridge's timestamps carry whole seconds: `2024-01-01T00:00:00Z`. */
  time: string;
  region: string;
  resources: string[];
  detail: JsonObject;
};

export function toEventBridgeEvent(event: StatusEvent, account: string, region: string): EventBridgeEvent {
  return {
    version: '0',
    id: event.eventId,
    'detail-type': event.detailType,
    source: event.source,
    account,
    time: new Date(event.time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [...event.resources],
    // Through JSON, as PutEvents sends it: undefined fields vanish and nothing is shared.
    detail: JSON.parse(JSON.stringify(event.detail)) as JsonObject,
  };
}
