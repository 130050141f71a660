/**
 * I5: each status change of an execution publishes one logical event — RUNNING and the
 * terminal status of every top-level execution, delivered at least once with a stable event
 * id, shaped as DESIGN.md's outside contract says — and children (Parallel branches, Map
 * iterations) publish nothing. Runs under LocalStack's chaos (crashes, duplicates, reordering),
 * and one run where a crash and a stop meet right at the start.
 */
import { describe, expect, it } from 'vitest';
import type { EventBridgeEvent } from '../../../src/adapters/local/bus/eventbridge-event.js';
import { LocalStack } from '../../../src/adapters/local/local-stack.js';
import type { Json } from '../../../src/asl/json.js';
import { executionArn, stateMachineArn } from '../../../src/runtime/arn.js';
import { InjectedCrash } from '../../../src/runtime/durable/fault-injector.js';
import { seededRandom } from '../../../src/runtime/memory/seeded-random.js';
import { CrashOnce } from './crash-once.js';
import { mapWithConcurrency, pureHandlers, type Scenario } from './machines.js';
import { T0, withRig } from './rig.js';
import { MACHINE, settleGuarded, startScenario } from './run.js';

/** What DESIGN.md's contract names; Step Functions' own redrive fields may come along. */
const DETAIL_KEYS = [
  'cause',
  'error',
  'eventId',
  'executionArn',
  'input',
  'name',
  'output',
  'startDate',
  'stateMachineArn',
  'status',
  'stopDate',
].sort();
const OPTIONAL_KEYS = ['redriveCount', 'redriveDate', 'redriveStatus', 'redriveStatusReason'];

const failing: Scenario = {
  name: 'failing',
  input: { n: 1 },
  definition: {
    StartAt: 'Nope',
    States: { Nope: { Type: 'Fail', Error: 'Custom.Failure', Cause: 'on purpose' } },
  },
};

const timingOut: Scenario = {
  name: 'timing out',
  input: { n: 2 },
  definition: {
    TimeoutSeconds: 5,
    StartAt: 'Long',
    States: { Long: { Type: 'Wait', Seconds: 60, End: true } },
  },
};

const waitingForever: Scenario = {
  name: 'waiting for a callback',
  input: { n: 3 },
  definition: {
    StartAt: 'Hold',
    States: {
      Hold: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        Parameters: { QueueUrl: 'https://sqs.local/hold', MessageBody: { 'token.$': '$$.Task.Token' } },
        End: true,
      },
    },
  },
};

/** The published events of one execution, checked for shape; returns them by status. */
function eventsOf(published: EventBridgeEvent[], arn: string, input: Json): Map<string, EventBridgeEvent[]> {
  const byStatus = new Map<string, EventBridgeEvent[]>();
  for (const event of published.filter((e) => e.detail.executionArn === arn)) {
    expect(event.source).toBe('quickstep');
    expect(event['detail-type']).toBe('Execution Status Change');
    expect(event.resources).toEqual([arn]);
    const keys = Object.keys(event.detail);
    expect(keys.filter((key) => !OPTIONAL_KEYS.includes(key)).sort()).toEqual(DETAIL_KEYS);
    expect(event.detail.eventId).toBe(event.id);
    expect(event.detail.stateMachineArn).toBe(stateMachineArn(MACHINE));
    expect(event.detail.name).toBe(arn.split(':').at(-1));
    expect(JSON.parse(String(event.detail.input))).toEqual(input);
    expect(typeof event.detail.startDate).toBe('number');
    const status = String(event.detail.status);
    byStatus.set(status, [...(byStatus.get(status) ?? []), event]);
  }
  for (const [status, events] of byStatus) {
    // Delivered at least once: repeats allowed, but only as the same logical event.
    expect(new Set(events.map((e) => e.id)).size, `${arn} ${status}: distinct event ids`).toBe(1);
    expect(new Set(events.map((e) => JSON.stringify(e))).size, `${arn} ${status}: distinct bodies`).toBe(1);
  }
  return byStatus;
}

describe('I5: one logical status event per status change', () => {
  const cases = [
    { label: 'with crashes, duplicates and reordering', crashRate: 0.05, withMap: false },
    // Children must publish nothing; crashes are left out here, as Map under crashes has a
    // bug of its own (see i2-crashes.test.ts, "a crash while starting a child").
    { label: 'with a Map, duplicates and reordering', crashRate: 0, withMap: true },
  ];
  for (const { label, crashRate, withMap } of cases)
    for (const seed of [1, 2, 3]) {
      it(`RUNNING and the terminal status of each execution, ${label} (chaos seed ${seed})`, async () => {
        const stack = await LocalStack.start({
          handlers: new Map(Object.entries(pureHandlers())),
          fastTime: true,
          startTime: T0,
          random: seededRandom(7),
          chaos: { seed, duplicate: 0.5, crashRate },
          maxReceiveCount: 10,
        });
        try {
          const runs: { scenario: Scenario; name: string; status: string }[] = [
            ...(withMap ? [{ scenario: mapWithConcurrency, name: 'map', status: 'SUCCEEDED' }] : []),
            { scenario: failing, name: 'fail', status: 'FAILED' },
            { scenario: timingOut, name: 'timeout', status: 'TIMED_OUT' },
            { scenario: waitingForever, name: 'stopped', status: 'ABORTED' },
          ];
          for (const run of runs) {
            await startScenario(stack.runtime, run.scenario, { name: run.name });
            await stack.settle();
          }
          const stopped = executionArn(MACHINE, 'stopped');
          try {
            await stack.runtime.stopExecution(stopped, 'Operator.Stop', 'stopped by the test');
          } catch (error) {
            if (!(error instanceof InjectedCrash)) throw error; // the repair sentinel finishes it
          }
          await stack.settle();

          const arns = runs.map((run) => executionArn(MACHINE, run.name));
          expect(stack.bus.published.every((event) => arns.includes(String(event.detail.executionArn)))).toBe(
            true,
          );
          for (const run of runs) {
            const arn = executionArn(MACHINE, run.name);
            const record = await stack.runtime.describeExecution(arn);
            expect(record.status, run.name).toBe(run.status);
            const byStatus = eventsOf(stack.bus.published, arn, run.scenario.input);
            expect([...byStatus.keys()].sort(), run.name).toEqual(['RUNNING', run.status].sort());
            const running = byStatus.get('RUNNING')![0].detail;
            expect(running).toMatchObject({ stopDate: null, output: null, error: null, cause: null });
            expect(running.startDate).toBe(record.startDate);
            const terminal = byStatus.get(run.status)![0];
            expect(terminal.id).not.toBe(byStatus.get('RUNNING')![0].id);
            expect(terminal.detail.stopDate).toBe(record.stopDate);
            expect(terminal.detail.startDate).toBe(record.startDate);
            const { output, error, cause } = record.snapshot;
            expect(terminal.detail.output).toBe(output === undefined ? null : JSON.stringify(output));
            expect(terminal.detail.error).toBe(error ?? null);
            expect(terminal.detail.cause).toBe(cause ?? null);
          }
          const fail = eventsOf(stack.bus.published, executionArn(MACHINE, 'fail'), failing.input);
          expect(fail.get('FAILED')![0].detail).toMatchObject({
            error: 'Custom.Failure',
            cause: 'on purpose',
          });
          const stop = eventsOf(stack.bus.published, stopped, waitingForever.input);
          expect(stop.get('ABORTED')![0].detail).toMatchObject({
            error: 'Operator.Stop',
            cause: 'stopped by the test',
          });
        } finally {
          await stack.close();
        }
      });
    }

  /*
   * The start commits, then crashes before publishing RUNNING; the client does not retry, and
   * the execution is stopped before the start's repair sentinel comes back. The stop's commit
   * carries the start's history, but its outbox publishes only ABORTED; the sentinel is then
   * stale and dropped. RUNNING must still be published.
   */
  it('RUNNING is published even when the start crashes before it and a stop comes first', async () => {
    const faults = new CrashOnce('after-history', 1);
    await withRig({ faults }, async (rig) => {
      // Time stands still until the stop, so the sentinel (due in 60 s) comes back after it.
      const release = rig.clock.hold();
      const arn = await startScenario(rig.runtime, waitingForever, { retry: false });
      expect(faults.crashed).toBe(true);
      expect((await rig.runtime.describeExecution(arn)).status).toBe('RUNNING');
      await rig.runtime.stopExecution(arn);
      release();
      await settleGuarded(rig);
      expect((await rig.runtime.describeExecution(arn)).status).toBe('ABORTED');
      const statuses = rig.bus.published.map((event) => event.detail.status);
      expect(statuses).toContain('ABORTED');
      expect(statuses, 'status events published').toContain('RUNNING');
    });
  });
});
