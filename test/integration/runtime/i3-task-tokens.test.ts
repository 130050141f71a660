/**
 * I3: a task token completes its task at most once. Racing callbacks, a timeout racing a
 * callback, late, unknown and malformed tokens — each answered as Step Functions answers them —
 * and only the token's SHA-256 kept in the table, apart from where the definition's own
 * Parameters put it (the scheduled task's parameters, as AWS records them in history).
 */
import { createHash, randomBytes } from 'node:crypto';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/asl/json.js';
import { QuickstepError } from '../../../src/runtime/errors.js';
import type { AdvanceMessage } from '../../../src/runtime/ports.js';
import { countOf, fullHistory, outcomeOf, typesOf } from './history.js';
import type { Scenario } from './machines.js';
import { type Rig, withRig } from './rig.js';
import { driveByHand, settleGuarded, startScenario } from './run.js';

function approval(task: Record<string, unknown> = {}): Scenario {
  return {
    name: 'approval',
    input: { order: 7 },
    definition: {
      StartAt: 'Approve',
      States: {
        Approve: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: {
            FunctionName: 'approver',
            Payload: { 'token.$': '$$.Task.Token', 'order.$': '$.order' },
          },
          ResultPath: '$.approval',
          Next: 'Done',
          ...task,
        },
        Done: { Type: 'Succeed' },
      },
    },
  };
}

/** A handler that keeps the tokens it is sent, by order number. */
function approver() {
  const tokens: string[] = [];
  const handler = (event: Json) => {
    tokens.push((event as { token: string }).token);
    return { queued: true };
  };
  return { tokens, handlers: { approver: handler } };
}

async function codeOf(action: Promise<unknown>): Promise<string> {
  try {
    await action;
    return 'none';
  } catch (error) {
    if (error instanceof QuickstepError) return error.code;
    throw error;
  }
}

/** Starts `count` approvals and runs until each waits for its callback; returns arns and tokens. */
async function waitingApprovals(rig: Rig, tokens: string[], count: number, scenario = approval()) {
  const arns: string[] = [];
  for (let i = 0; i < count; i++) arns.push(await startScenario(rig.runtime, scenario, { name: `run-${i}` }));
  await settleGuarded(rig);
  expect(tokens).toHaveLength(count);
  for (const arn of arns) expect((await rig.runtime.describeExecution(arn)).status).toBe('RUNNING');
  return arns;
}

describe('I3: a token completes its task at most once', () => {
  it('two sendTaskSuccess racing for one token: one succeeds, the other gets TaskTimedOut', async () => {
    const { tokens, handlers } = approver();
    await withRig({ handlers }, async (rig) => {
      const arns = await waitingApprovals(rig, tokens, 5);
      for (const [i, arn] of arns.entries()) {
        // The execution's own token: tokens arrive in start order, one per execution.
        const token = tokens[i];
        const codes = await Promise.all([
          codeOf(rig.runtime.sendTaskSuccess(token, JSON.stringify({ by: 'first' }))),
          codeOf(rig.runtime.sendTaskSuccess(token, JSON.stringify({ by: 'second' }))),
        ]);
        expect(codes.sort(), arn).toEqual(['TaskTimedOut', 'none']);
      }
      await settleGuarded(rig);
      for (const arn of arns) {
        const outcome = await outcomeOf(rig.runtime, arn);
        expect(outcome.status).toBe('SUCCEEDED');
        expect(['first', 'second']).toContain((outcome.output as { approval: { by: string } }).approval.by);
        expect(countOf(outcome.types, 'TaskSucceeded'), arn).toBe(1);
      }
    });
  });

  it('a success and a failure racing for one token: exactly one of them is recorded', async () => {
    const { tokens, handlers } = approver();
    await withRig({ handlers }, async (rig) => {
      const arns = await waitingApprovals(rig, tokens, 4);
      for (const [i, arn] of arns.entries()) {
        const codes = await Promise.all([
          codeOf(rig.runtime.sendTaskSuccess(tokens[i], '{"ok":true}')),
          codeOf(rig.runtime.sendTaskFailure(tokens[i], 'Rejected', 'no')),
        ]);
        expect(
          codes.filter((code) => code === 'none'),
          arn,
        ).toHaveLength(1);
        expect(
          codes.filter((code) => code === 'TaskTimedOut'),
          arn,
        ).toHaveLength(1);
        await settleGuarded(rig);
        const outcome = await outcomeOf(rig.runtime, arn);
        const succeeded = codes[0] === 'none';
        expect(outcome.status).toBe(succeeded ? 'SUCCEEDED' : 'FAILED');
        expect(countOf(outcome.types, 'TaskSucceeded') + countOf(outcome.types, 'TaskFailed')).toBe(1);
      }
    });
  });

  it('a task timeout racing a callback: exactly one wins, and the loser is told so', async () => {
    const { tokens, handlers } = approver();
    const results: string[] = [];
    for (let round = 0; round < 6; round++) {
      await withRig({ handlers, byHand: true }, async (rig) => {
        const arn = await startScenario(rig.runtime, approval({ TimeoutSeconds: 10 }), {
          name: `race-${round}`,
        });
        // Deliver until the task waits: what is left is its timeout timer and the repair sentinel.
        const queue = rig.handQueue!;
        for (let i = 0; i < 10 && tokens.length <= round; i++) {
          for (const message of queue.takeVisible()) await rig.runtime.handleMessage(message);
        }
        const token = tokens[round];
        expect(token).toBeDefined();
        const timer = queue.pending.find((entry) => entry.message.event.type === 'TimerFired');
        expect(timer, 'the task timeout timer').toBeDefined();
        queue.pending.splice(queue.pending.indexOf(timer!), 1);
        rig.clock.advanceTo(timer!.visibleAt);
        const fire = (message: AdvanceMessage) => rig.runtime.handleMessage(message);
        const [callback] = await Promise.all(
          round % 2 === 0
            ? [codeOf(rig.runtime.sendTaskSuccess(token, '{"late":false}')), fire(timer!.message)]
            : [fire(timer!.message).then(() => codeOf(rig.runtime.sendTaskSuccess(token, '{"late":false}')))],
        );
        await driveByHand(rig, 'in-order');
        const outcome = await outcomeOf(rig.runtime, arn);
        const timedOut = countOf(outcome.types, 'TaskTimedOut');
        const succeeded = countOf(outcome.types, 'TaskSucceeded');
        expect(timedOut + succeeded, 'task outcomes recorded').toBe(1);
        if (callback === 'none') {
          expect(succeeded).toBe(1);
          expect(outcome.status).toBe('SUCCEEDED');
        } else {
          expect(callback).toBe('TaskTimedOut');
          expect(timedOut).toBe(1);
          expect({ status: outcome.status, error: outcome.error }).toEqual({
            status: 'FAILED',
            error: 'States.Timeout',
          });
        }
        results.push(callback === 'none' ? 'callback won' : 'timeout won');
      });
    }
    // Odd rounds fire the timer first, so the timeout wins at least there.
    expect(results).toContain('timeout won');
  });

  it('a late callback after completion gets TaskTimedOut, for success, failure and heartbeat', async () => {
    const { tokens, handlers } = approver();
    await withRig({ handlers }, async (rig) => {
      const [arn] = await waitingApprovals(rig, tokens, 1);
      await rig.runtime.sendTaskSuccess(tokens[0], '{"approved":true}');
      await settleGuarded(rig);
      const before = await fullHistory(rig.runtime, arn);
      expect(await codeOf(rig.runtime.sendTaskSuccess(tokens[0], '{"again":true}'))).toBe('TaskTimedOut');
      expect(await codeOf(rig.runtime.sendTaskFailure(tokens[0], 'Late', 'late'))).toBe('TaskTimedOut');
      expect(await codeOf(rig.runtime.sendTaskHeartbeat(tokens[0]))).toBe('TaskTimedOut');
      await settleGuarded(rig);
      const outcome = await outcomeOf(rig.runtime, arn);
      expect(outcome.status).toBe('SUCCEEDED');
      expect(outcome.output).toEqual({ order: 7, approval: { approved: true } });
      expect(typesOf(await fullHistory(rig.runtime, arn))).toEqual(typesOf(before));
    });
  });

  it('an unknown or forged token gets TaskDoesNotExist; a malformed one gets InvalidToken', async () => {
    const { tokens, handlers } = approver();
    await withRig({ handlers }, async (rig) => {
      const [arn] = await waitingApprovals(rig, tokens, 1);
      const real = tokens[0];
      const forged = real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A');
      const unknown = randomBytes(32).toString('base64url');
      expect(await codeOf(rig.runtime.sendTaskSuccess(unknown, '{}'))).toBe('TaskDoesNotExist');
      expect(await codeOf(rig.runtime.sendTaskSuccess(forged, '{}'))).toBe('TaskDoesNotExist');
      expect(await codeOf(rig.runtime.sendTaskFailure(forged, 'X', 'y'))).toBe('TaskDoesNotExist');
      expect(await codeOf(rig.runtime.sendTaskHeartbeat(unknown))).toBe('TaskDoesNotExist');
      expect(await codeOf(rig.runtime.sendTaskSuccess('', '{}'))).toBe('InvalidToken');
      expect(await codeOf(rig.runtime.sendTaskSuccess('x'.repeat(3000), '{}'))).toBe('InvalidToken');
      expect(await codeOf(rig.runtime.sendTaskFailure(`${real}${'x'.repeat(3000)}`))).toBe('InvalidToken');
      // None of them touched the execution: the real token still completes it.
      expect((await rig.runtime.describeExecution(arn)).status).toBe('RUNNING');
      await rig.runtime.sendTaskSuccess(real, '{"approved":true}');
      await settleGuarded(rig);
      expect((await outcomeOf(rig.runtime, arn)).status).toBe('SUCCEEDED');
    });
  });
});

// ── What the table holds ──────────────────────────────────────────────────────────────────

/** The definition's own Parameters may carry the token: drop those places, keep the rest. */
function withoutParameters(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutParameters);
  if (value === null || typeof value !== 'object') return value;
  const object = { ...(value as Record<string, unknown>) };
  if (object.type === 'InvokeTask') delete object.parameters;
  if (object.type === 'TaskScheduled' && object.details && typeof object.details === 'object') {
    const { parameters: _parameters, ...details } = object.details as Record<string, unknown>;
    object.details = details;
  }
  for (const [key, inner] of Object.entries(object)) object[key] = withoutParameters(inner);
  return object;
}

async function scanTable(rig: Rig): Promise<Record<string, unknown>[]> {
  const doc = DynamoDBDocumentClient.from(rig.dynamo.client);
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: rig.tableName, ExclusiveStartKey: startKey }));
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

describe('I3: only the SHA-256 of a token is stored', () => {
  it('no item holds the raw token outside the Parameters the definition gave it', async () => {
    const { tokens, handlers } = approver();
    await withRig({ handlers }, async (rig) => {
      // Time stands still until the callback, so the heartbeat timeout cannot fire first.
      const release = rig.clock.hold();
      const arn = await startScenario(rig.runtime, approval({ HeartbeatSeconds: 3600 }));
      while (tokens.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const token = tokens[0];
      const hash = createHash('sha256').update(token).digest('hex');
      expect(token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits in base64url

      const check = async (moment: string) => {
        const items = await scanTable(rig);
        const raw = items.filter((item) => JSON.stringify(item).includes(token));
        // The scan can see the token: the scheduled task's parameters hold it, as on AWS.
        expect(raw.length, `${moment}: items with the token in any form`).toBeGreaterThan(0);
        const leaks = items.filter((item) => {
          const body = typeof item.body === 'string' ? withoutParameters(JSON.parse(item.body)) : undefined;
          return JSON.stringify({ ...item, body }).includes(token);
        });
        expect(
          leaks.map((item) => `${item.pk} ${item.sk}`),
          `${moment}: items holding the raw token`,
        ).toEqual([]);
        expect(items.some((item) => item.pk === `TT#${hash}`)).toBe(true);
      };

      await check('while the task waits');
      expect((await rig.runtime.describeExecution(arn)).snapshot.position?.phase).toMatchObject({
        tokenHash: hash,
      });
      await rig.runtime.sendTaskHeartbeat(token);
      await check('after a heartbeat');
      await rig.runtime.sendTaskSuccess(token, '{"approved":true}');
      release();
      await settleGuarded(rig);
      expect((await rig.runtime.describeExecution(arn)).status).toBe('SUCCEEDED');
      await check('after the callback');
    });
  });
});
