import { describe, expect, it } from 'vitest';
import type { StateMachineRecord } from '../../../src/runtime/ports.js';
import { useStore } from './store-fixtures.js';

const h = useStore('store-state-machines');

const machine = (name: string, changes: Partial<StateMachineRecord> = {}): StateMachineRecord => ({
  name,
  arn: `arn:aws:states:us-east-1:000000000000:stateMachine:${name}`,
  versionId: 'v1',
  type: 'STANDARD',
  roleArn: 'arn:aws:iam::000000000000:role/quickstep',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  ...changes,
});

describe('state machines', () => {
  it('puts, gets, updates and deletes', async () => {
    expect(await h.store.getStateMachine('crud')).toBeUndefined();
    await h.store.putStateMachine(machine('crud'));
    expect(await h.store.getStateMachine('crud')).toEqual(machine('crud'));

    const updated = machine('crud', { versionId: 'v2', type: 'EXPRESS', updatedAt: 1_700_000_000_999 });
    await h.store.putStateMachine(updated);
    expect(await h.store.getStateMachine('crud')).toEqual(updated);

    await h.store.deleteStateMachine('crud');
    expect(await h.store.getStateMachine('crud')).toBeUndefined();
  });

  it('rejects ifAbsent when the name is taken, leaving the stored one as it was', async () => {
    await h.store.putStateMachine(machine('taken'), { ifAbsent: true });
    const attempt = h.store.putStateMachine(machine('taken', { versionId: 'other' }), { ifAbsent: true });
    await expect(attempt).rejects.toMatchObject({ code: 'StateMachineAlreadyExists' });
    expect((await h.store.getStateMachine('taken'))?.versionId).toBe('v1');
  });

  it('keeps definition versions immutable: the first text stays', async () => {
    const version = { stateMachineName: 'versions', versionId: 'sha-1', definition: '{"a":1}', createdAt: 5 };
    await h.store.putDefinitionVersion(version);
    await h.store.putDefinitionVersion({ ...version, definition: '{"b":2}', createdAt: 6 });
    expect(await h.store.getDefinitionVersion('versions', 'sha-1')).toEqual(version);
    expect(await h.store.getDefinitionVersion('versions', 'sha-2')).toBeUndefined();
  });

  it('keeps versions when the state machine is deleted (running executions need them)', async () => {
    await h.store.putStateMachine(machine('gone'));
    const version = { stateMachineName: 'gone', versionId: 'sha-g', definition: '{}', createdAt: 1 };
    await h.store.putDefinitionVersion(version);
    await h.store.deleteStateMachine('gone');
    expect(await h.store.getDefinitionVersion('gone', 'sha-g')).toEqual(version);
  });

  it('lists state machines by name, page by page, each exactly once', async () => {
    const store = await h.newStore('store-state-machines-list');
    const names = Array.from({ length: 7 }, (_, i) => `m-${String.fromCharCode(103 - i)}`);
    await Promise.all(names.map((name) => store.putStateMachine(machine(name))));
    // Versions, claims and executions share the partition key prefix but are not listed.
    await store.putDefinitionVersion({
      stateMachineName: 'm-a',
      versionId: 'x',
      definition: '{}',
      createdAt: 1,
    });

    const seen: StateMachineRecord[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await store.listStateMachines({ limit: 3, nextToken });
      seen.push(...page.items);
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    expect(pages).toBe(3);
    expect(seen.map((m) => m.name)).toEqual([...names].sort());
    expect(seen[0]).toEqual(machine('m-a'));
  });
});
