/**
 * I4: an execution runs to its end on the definition version it started with. An execution
 * waits (on a callback, on a Wait timer, inside a Map iteration), the state machine is updated
 * to another definition, and the waiting execution still finishes on the old one, while a new
 * execution follows the new one.
 */
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/asl/json.js';
import { expectContiguous, fullHistory, typesOf } from './history.js';
import { MACHINE, settleGuarded } from './run.js';
import { type Rig, withRig } from './rig.js';

const callbackVersion = (label: string) => ({
  StartAt: 'Approve',
  States: {
    Approve: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: 'approver', Payload: { 'token.$': '$$.Task.Token' } },
      ResultPath: '$.approval',
      Next: 'Stamp',
    },
    Stamp: {
      Type: 'Pass',
      Result: label,
      ResultPath: '$.version',
      Next: label === 'v1' ? 'OnlyInV1' : 'Done',
    },
    ...(label === 'v1'
      ? { OnlyInV1: { Type: 'Pass', Result: true, ResultPath: '$.oldPath', Next: 'Done' } }
      : {}),
    Done: { Type: 'Succeed' },
  },
});

const waitVersion = (label: string) => ({
  StartAt: 'Pause',
  States: {
    Pause: { Type: 'Wait', Seconds: 86_400, Next: 'Stamp' },
    Stamp: { Type: 'Pass', Result: label, ResultPath: '$.version', End: true },
  },
});

const mapVersion = (label: string) => ({
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemProcessor: {
        StartAt: 'Pause',
        States: {
          Pause: { Type: 'Wait', Seconds: 3600, Next: 'Stamp' },
          Stamp: { Type: 'Pass', Parameters: { version: label, 'item.$': '$' }, End: true },
        },
      },
      End: true,
    },
  },
});

async function start(rig: Rig, name: string, input: Json): Promise<string> {
  const started = await rig.runtime.startExecution({
    stateMachine: MACHINE,
    name,
    input: JSON.stringify(input),
  });
  return started.executionArn;
}

/** Waits (in real time, with virtual time held) until `done` holds. */
async function until(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500 && !(await done()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(await done()).toBe(true);
}

describe('I4: an execution finishes on the version it started with', () => {
  it('waiting on a callback across an update', async () => {
    const tokens: string[] = [];
    const handlers = { approver: (event: Json) => void tokens.push((event as { token: string }).token) };
    await withRig({ handlers }, async (rig) => {
      const v1 = await rig.runtime.createStateMachine({
        name: MACHINE,
        definition: JSON.stringify(callbackVersion('v1')),
      });
      const old = await start(rig, 'old', { n: 1 });
      await settleGuarded(rig);
      expect(tokens).toHaveLength(1);
      const v2 = await rig.runtime.updateStateMachine({
        name: MACHINE,
        definition: JSON.stringify(callbackVersion('v2')),
      });
      expect(v2.versionId).not.toBe(v1.versionId);
      const fresh = await start(rig, 'new', { n: 2 });
      await settleGuarded(rig);
      expect(tokens).toHaveLength(2);
      await rig.runtime.sendTaskSuccess(tokens[0], '{"ok":1}');
      await rig.runtime.sendTaskSuccess(tokens[1], '{"ok":2}');
      await settleGuarded(rig);

      const oldRecord = await rig.runtime.describeExecution(old);
      expect(oldRecord.versionId).toBe(v1.versionId);
      expect(oldRecord.status).toBe('SUCCEEDED');
      expect(oldRecord.snapshot.output).toEqual({ n: 1, approval: { ok: 1 }, version: 'v1', oldPath: true });
      const newRecord = await rig.runtime.describeExecution(fresh);
      expect(newRecord.versionId).toBe(v2.versionId);
      expect(newRecord.snapshot.output).toEqual({ n: 2, approval: { ok: 2 }, version: 'v2' });
      const oldHistory = await fullHistory(rig.runtime, old);
      expectContiguous(oldHistory);
      expect(typesOf(oldHistory).filter((type) => type === 'PassStateEntered')).toHaveLength(2);
    });
  });

  it('waiting on a Wait timer across an update, and a new execution after it', async () => {
    await withRig({}, async (rig) => {
      const release = rig.clock.hold();
      await rig.runtime.createStateMachine({ name: MACHINE, definition: JSON.stringify(waitVersion('v1')) });
      const old = await start(rig, 'old', {});
      await until(
        async () => (await rig.runtime.describeExecution(old)).snapshot.position?.phase.kind === 'waiting',
      );
      await rig.runtime.updateStateMachine({ name: MACHINE, definition: JSON.stringify(waitVersion('v2')) });
      const fresh = await start(rig, 'new', {});
      release();
      await settleGuarded(rig);
      expect((await rig.runtime.describeExecution(old)).snapshot.output).toEqual({ version: 'v1' });
      expect((await rig.runtime.describeExecution(fresh)).snapshot.output).toEqual({ version: 'v2' });
    });
  });

  it('Map iterations started before an update run the old iteration definition', async () => {
    await withRig({}, async (rig) => {
      const release = rig.clock.hold();
      await rig.runtime.createStateMachine({ name: MACHINE, definition: JSON.stringify(mapVersion('v1')) });
      const old = await start(rig, 'old', { items: [1, 2, 3] });
      await until(async () => rig.store.created.length >= 4);
      await rig.runtime.updateStateMachine({ name: MACHINE, definition: JSON.stringify(mapVersion('v2')) });
      const fresh = await start(rig, 'new', { items: [4] });
      release();
      await settleGuarded(rig);
      expect((await rig.runtime.describeExecution(old)).snapshot.output).toEqual([
        { version: 'v1', item: 1 },
        { version: 'v1', item: 2 },
        { version: 'v1', item: 3 },
      ]);
      expect((await rig.runtime.describeExecution(fresh)).snapshot.output).toEqual([
        { version: 'v2', item: 4 },
      ]);
    });
  });
});
