/**
 * The local EventBridge bus: status events become EventBridge envelopes, go to every
 * subscriber whose pattern matches, and are all kept in publish order.
 */
import { describe, expect, it } from 'vitest';
import type { EventBridgeEvent } from '../../../../src/adapters/local/bus/eventbridge-event.js';
import { LocalBus } from '../../../../src/adapters/local/bus/local-bus.js';
import { InvalidEventPatternError } from '../../../../src/adapters/local/bus/pattern-types.js';
import type { EventBus, StatusEvent } from '../../../../src/runtime/ports.js';

function statusEvent(name: string, status: string, time = Date.UTC(2024, 0, 2, 3, 4, 5, 678)): StatusEvent {
  const executionArn = `arn:aws:states:us-east-1:123456789012:execution:orders:${name}`;
  return {
    eventId: `${executionArn}#${status}`,
    source: 'quickstep',
    detailType: 'Execution Status Change',
    time,
    resources: [executionArn],
    detail: { executionArn, name, status, output: status === 'SUCCEEDED' ? '{"ok":true}' : undefined },
  };
}

describe('LocalBus', () => {
  it('presents each event in the EventBridge envelope', async () => {
    const bus: EventBus = new LocalBus();
    await bus.publish([statusEvent('e1', 'RUNNING')]);
    expect((bus as LocalBus).published).toEqual([
      {
        version: '0',
        id: 'arn:aws:states:us-east-1:123456789012:execution:orders:e1#RUNNING',
        'detail-type': 'Execution Status Change',
        source: 'quickstep',
        account: '123456789012',
        time: '2024-01-02T03:04:05Z',
        region: 'us-east-1',
        resources: ['arn:aws:states:us-east-1:123456789012:execution:orders:e1'],
        detail: {
          executionArn: 'arn:aws:states:us-east-1:123456789012:execution:orders:e1',
          name: 'e1',
          status: 'RUNNING',
        },
      },
    ]);
  });

  it('delivers to every subscriber whose pattern matches, and only to those', async () => {
    const bus = new LocalBus({ account: '111122223333', region: 'eu-west-1' });
    const finished: string[] = [];
    const everything: string[] = [];
    const failed: string[] = [];
    bus.subscribe(
      { source: ['quickstep'], detail: { status: [{ 'anything-but': ['RUNNING'] }] } },
      (event) => void finished.push(event.id),
    );
    bus.subscribe({}, (event) => void everything.push(event.id));
    bus.subscribe(
      { detail: { status: ['FAILED'] }, region: ['us-east-1'] },
      (event) => void failed.push(event.id),
    );
    await bus.publish([
      statusEvent('e1', 'RUNNING'),
      statusEvent('e1', 'SUCCEEDED'),
      statusEvent('e2', 'FAILED'),
    ]);
    expect(finished.map((id) => id.split(':').pop())).toEqual(['e1#SUCCEEDED', 'e2#FAILED']);
    expect(everything).toHaveLength(3);
    expect(failed).toEqual([]);
    expect(
      bus.published.every((event) => event.account === '111122223333' && event.region === 'eu-west-1'),
    ).toBe(true);
  });

  it('keeps every publish, duplicates included, and gives each subscriber its own copy', async () => {
    const bus = new LocalBus();
    const received: EventBridgeEvent[] = [];
    bus.subscribe({ 'detail-type': ['Execution Status Change'] }, (event) => {
      event.detail.status = 'tampered';
      received.push(event);
    });
    const event = statusEvent('e1', 'SUCCEEDED');
    await bus.publish([event]);
    await bus.publish([event]);
    expect(bus.published.map((e) => e.id)).toEqual([event.eventId, event.eventId]);
    expect(bus.published[0].detail.status).toBe('SUCCEEDED');
    expect(received).toHaveLength(2);
  });

  it('waits for subscribers, reports one that throws, and still delivers to the others', async () => {
    const errors: unknown[] = [];
    const bus = new LocalBus({ onHandlerError: (error) => errors.push(error) });
    const order: string[] = [];
    bus.subscribe({}, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      order.push('slow subscriber done');
    });
    bus.subscribe({}, () => {
      throw new Error('target failed');
    });
    await bus.publish([statusEvent('e1', 'RUNNING')]);
    order.push('publish resolved');
    expect(order).toEqual(['slow subscriber done', 'publish resolved']);
    expect(errors).toEqual([new Error('target failed')]);
  });

  it('rejects an invalid pattern at subscribe, and stops delivering after unsubscribe', async () => {
    const bus = new LocalBus();
    expect(() => bus.subscribe({ source: 'quickstep' }, () => {})).toThrow(InvalidEventPatternError);
    const seen: string[] = [];
    const subscription = bus.subscribe({ source: ['quickstep'] }, (event) => void seen.push(event.id));
    await bus.publish([statusEvent('e1', 'RUNNING')]);
    subscription.unsubscribe();
    await bus.publish([statusEvent('e2', 'RUNNING')]);
    expect(seen).toHaveLength(1);
  });
});
