import { describe, expect, it } from 'vitest';
import { fromWireItem, toNameClaim } from '../../../src/adapters/aws/dynamodb/item-codec.js';
import type { NameClaim } from '../../../src/runtime/ports.js';
import { useStore } from './store-fixtures.js';

const h = useStore('store-claims');

const claim = (name: string, executionId: string, changes: Partial<NameClaim> = {}): NameClaim => ({
  stateMachineName: 'orders',
  name,
  executionId,
  inputHash: `hash-of-${executionId}`,
  ...changes,
});

describe('execution name claims', () => {
  it('the first claim wins; the second sees the holder', async () => {
    const first = claim('daily', 'ex-1', { ttl: 2_000_000_000 });
    expect(await h.store.claimExecutionName(first)).toEqual({ claimed: true });
    expect(await h.store.claimExecutionName(claim('daily', 'ex-2'))).toEqual({
      claimed: false,
      holder: first,
    });
  });

  it('names are per state machine', async () => {
    expect(await h.store.claimExecutionName(claim('shared', 'ex-a'))).toEqual({ claimed: true });
    const other = claim('shared', 'ex-b', { stateMachineName: 'invoices' });
    expect(await h.store.claimExecutionName(other)).toEqual({ claimed: true });
  });

  it('of concurrent claims exactly one wins, and every loser sees the winner', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => h.store.claimExecutionName(claim('race', `ex-${i}`))),
    );
    const winners = results.filter((r) => r.claimed);
    expect(winners).toHaveLength(1);
    const holders = new Set(results.flatMap((r) => (r.claimed ? [] : [r.holder.executionId])));
    expect(holders.size).toBe(1);
  });

  it('reads the holder as DynamoDB returns it with a failed condition (dynalite returns none)', () => {
    const wire = {
      pk: { S: 'SM#orders' },
      sk: { S: 'N#daily' },
      kind: { S: 'nameClaim' },
      stateMachineName: { S: 'orders' },
      name: { S: 'daily' },
      executionId: { S: 'ex-1' },
      inputHash: { S: 'h' },
      ttl: { N: '2000000000' },
    };
    expect(toNameClaim(fromWireItem(wire))).toStrictEqual(
      claim('daily', 'ex-1', { inputHash: 'h', ttl: 2_000_000_000 }),
    );
  });

  it('an expired claim that TTL has not deleted yet gives the name up', async () => {
    const nowMs = 1_800_000_000_000;
    const store = await h.newStore('store-claims-expiry', { now: () => nowMs });
    await store.claimExecutionName(claim('nightly', 'old', { ttl: nowMs / 1000 - 1 }));
    expect(await store.claimExecutionName(claim('nightly', 'new'))).toEqual({ claimed: true });
    const again = await store.claimExecutionName(claim('nightly', 'newer'));
    expect(again).toMatchObject({ claimed: false, holder: { executionId: 'new' } });
  });
});

describe('task tokens', () => {
  it('stores a token by its hash and finds it again', async () => {
    const entry = { tokenHash: 'a'.repeat(64), executionId: 'ex-1', waitId: 'w-3', ttl: 1_900_000_000 };
    await h.store.putTaskToken(entry);
    expect(await h.store.getTaskToken(entry.tokenHash)).toEqual(entry);
    expect(await h.store.getTaskToken('b'.repeat(64))).toBeUndefined();
  });

  it('an entry without TTL reads back without one', async () => {
    const entry = { tokenHash: 'c'.repeat(64), executionId: 'ex-2', waitId: 'w-1' };
    await h.store.putTaskToken(entry);
    expect(await h.store.getTaskToken(entry.tokenHash)).toStrictEqual(entry);
  });
});
