/**
 * The EventBridge bus adapter. No EventBridge emulator exists here: the SDK mock
 * (aws-sdk-client-mock) is what covers it — PutEvents requests are asserted as sent.
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EventBridgeBus } from '../../../src/adapters/aws/eventbridge/eventbridge-bus.js';
import type { StatusEvent } from '../../../src/runtime/ports.js';

const client = new EventBridgeClient({ region: 'us-east-1' });
const events = mockClient(client);
const bus = new EventBridgeBus({ client, eventBusName: 'quickstep-bus', backoffMs: () => 0 });
const ARN = 'arn:aws:states:us-east-1:123456789012:execution:Orders:run-1';

const statusEvent = (status: string, output: unknown = { ok: true }): StatusEvent => ({
  eventId: `${ARN}:${status}`,
  source: 'quickstep',
  detailType: 'Execution Status Change',
  time: Date.parse('2026-01-01T00:00:05Z'),
  resources: [ARN],
  detail: {
    eventId: `${ARN}:${status}`,
    executionArn: ARN,
    status,
    input: '{}',
    output: JSON.stringify(output),
  },
});
const requests = () => events.commandCalls(PutEventsCommand).map((call) => call.args[0].input);

beforeEach(() => events.reset());

describe('EventBridgeBus', () => {
  it('publishes Execution Status Change events on the configured bus', async () => {
    events.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e' }] });
    await bus.publish([statusEvent('SUCCEEDED')]);
    const [entry] = requests()[0].Entries!;
    expect(entry).toMatchObject({
      EventBusName: 'quickstep-bus',
      Source: 'quickstep',
      DetailType: 'Execution Status Change',
      Resources: [ARN],
      Time: new Date('2026-01-01T00:00:05Z'),
    });
    expect(JSON.parse(entry.Detail!)).toMatchObject({ eventId: `${ARN}:SUCCEEDED`, status: 'SUCCEEDED' });
  });

  it('sends again only the entries EventBridge reports as failed', async () => {
    events
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 1,
        Entries: [{ EventId: 'a' }, { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }],
      })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'b' }] });
    await bus.publish([statusEvent('RUNNING'), statusEvent('FAILED')]);
    const sent = requests().map((r) => r.Entries!.map((e) => JSON.parse(e.Detail!).status));
    expect(sent).toEqual([['RUNNING', 'FAILED'], ['FAILED']]);
  });

  it('throws when entries keep failing, so the message behind them is redelivered', async () => {
    events
      .on(PutEventsCommand)
      .resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException' }] });
    await expect(bus.publish([statusEvent('RUNNING')])).rejects.toThrow(/ThrottlingException/);
    expect(requests()).toHaveLength(4);
  });

  it('leaves out input and output that would not fit in an event, and says so', async () => {
    events.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e' }] });
    await bus.publish([statusEvent('SUCCEEDED', 'x'.repeat(300 * 1024))]);
    const detail = JSON.parse(requests()[0].Entries![0].Detail!);
    expect(detail).toMatchObject({
      output: null,
      outputDetails: { included: false },
      inputDetails: { included: false },
    });
  });

  it('publishes at most ten events per request', async () => {
    events.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    await bus.publish(Array.from({ length: 13 }, () => statusEvent('RUNNING')));
    expect(requests().map((r) => r.Entries?.length)).toEqual([10, 3]);
  });
});
