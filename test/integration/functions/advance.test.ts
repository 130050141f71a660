/**
 * The advance and dead-letter functions invoked as Lambda invokes them — SQS batches from the
 * event source mapping, ReportBatchItemFailures back — over the embedded services (dynalite,
 * the SQS-like queue, the EventBridge-like bus). The archive queue has no emulator here: the
 * SDK mock on the SQS client is what covers the dead-letter function's archiving.
 */
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TaskInvoker } from '../../../src/runtime/ports.js';
import { ARCHIVE_QUEUE_URL, Harness, MAX_RECEIVE_COUNT } from './harness.js';
import { REGION, sqsRecord } from './lambda-events.js';
import { capturingObservability } from './observability.js';

const FN = 'arn:aws:lambda:us-east-1:123456789012:function';

const doubler = {
  StartAt: 'Double',
  States: {
    Double: { Type: 'Task', Resource: `${FN}:double`, Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('advance function', () => {
  it('reports only the poisoned record of a batch; the rest advance their executions', async () => {
    const observability = capturingObservability();
    harness = await Harness.start({
      handlers: { double: (event) => ({ n: (event as { n: number }).n * 2 }) },
      observability,
    });
    await harness.register('Doubler', doubler);
    harness.injected.push(sqsRecord('{"hello": "not an advance message"}', { messageId: 'poison-1' }));

    const { executionArn } = await harness.runtime.startExecution({
      stateMachine: 'Doubler',
      input: '{"n":21}',
    });
    await harness.ended(executionArn);
    await harness.idle();

    const record = await harness.runtime.describeExecution(executionArn);
    expect(record.status).toBe('SUCCEEDED');
    expect(record.snapshot.output).toEqual({ n: 42 });
    const mixed = harness.deliveries.find((d) => d.event.Records.some((r) => r.messageId === 'poison-1'));
    expect(mixed?.event.Records.length).toBeGreaterThan(1);
    expect(mixed?.response).toEqual({ batchItemFailures: [{ itemIdentifier: 'poison-1' }] });

    const failure = observability.lines.find(
      (line) => line.message === 'advance message failed; it will be redelivered',
    );
    expect(failure).toMatchObject({ level: 'ERROR', sqsMessageId: 'poison-1', error: 'PoisonMessageError' });
    const handled = observability.lines.filter((line) => line.message === 'advance message handled');
    expect(handled.length).toBeGreaterThan(0);
    expect(handled.every((line) => line.executionId === executionArn)).toBe(true);
  });

  it("folds children's reports in one batch into one parent commit", async () => {
    harness = await Harness.start();
    await harness.register('Squares', {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'Square',
            States: {
              Square: {
                Type: 'Pass',
                Parameters: { 'v.$': 'States.MathAdd($, $)' },
                OutputPath: '$.v',
                End: true,
              },
            },
          },
          End: true,
        },
      },
    });
    const items = Array.from({ length: 40 }, (_, i) => i);
    const commit = vi.spyOn(harness.runtime.context.ports.store, 'commitExecution');
    const { executionArn } = await harness.runtime.startExecution({
      stateMachine: 'Squares',
      input: JSON.stringify(items),
    });
    await harness.ended(executionArn);
    await harness.idle();
    const record = await harness.runtime.describeExecution(executionArn);
    expect(record.snapshot.output).toEqual(items.map((i) => i + i));
    // The parent's reports arrived in batches of several: one commit per batch, not per report.
    const reports = harness.deliveries.map(
      (d) => d.event.Records.filter((r) => r.body.includes('"ChildCompleted"')).length,
    );
    expect(reports.reduce((sum, n) => sum + n, 0)).toBe(items.length);
    expect(Math.max(...reports)).toBeGreaterThan(1);
    const parentCommits = commit.mock.calls.filter(([committed]) => committed.id === record.id).length;
    expect(parentCommits).toBeLessThan(items.length);
    expect(harness.deliveries.every((d) => (d.response?.batchItemFailures ?? []).length === 0)).toBe(true);
  });

  it('emits EMF metrics: transitions, executions started and succeeded, per-state duration', async () => {
    const observability = capturingObservability();
    harness = await Harness.start({ handlers: { double: () => ({ n: 2 }) }, observability });
    await harness.register('Doubler', doubler);
    const { executionArn } = await harness.runtime.startExecution({
      stateMachine: 'Doubler',
      input: '{"n":1}',
    });
    await harness.ended(executionArn);
    await harness.idle();

    const emf = observability.lines.filter((line) => '_aws' in line);
    const named = (metric: string) => emf.filter((doc) => metric in doc);
    expect(named('StateTransitions').length).toBeGreaterThan(0);
    expect(named('ExecutionsSucceeded')).toEqual([expect.objectContaining({ stateMachine: 'Doubler' })]);
    const durations = named('StateDuration').map((doc) => doc.state);
    expect(durations).toEqual(expect.arrayContaining(['Double']));
  });
});

describe('dead-letter function', () => {
  it('fails the execution of a message that kept failing, publishes FAILED and archives the message', async () => {
    const sqs = new SQSClient({ region: REGION });
    const sqsMock = mockClient(sqs);
    sqsMock
      .on(SendMessageBatchCommand)
      .resolves({ Successful: [{ Id: '0', MessageId: 'm', MD5OfMessageBody: '' }], Failed: [] });
    // The task's service is unreachable: an infrastructure fault, thrown on every attempt.
    const unreachable = (local: TaskInvoker): TaskInvoker => ({
      invoke: (request) =>
        request.resource.endsWith(':unreachable')
          ? Promise.reject(new Error('socket hang up'))
          : local.invoke(request),
    });
    harness = await Harness.start({ invoker: unreachable, sqs });
    await harness.register('Fragile', {
      StartAt: 'Call',
      States: { Call: { Type: 'Task', Resource: `${FN}:unreachable`, End: true } },
    });

    const { executionArn } = await harness.runtime.startExecution({ stateMachine: 'Fragile' });
    await harness.ended(executionArn);
    await harness.idle();

    const record = await harness.runtime.describeExecution(executionArn);
    expect(record.status).toBe('FAILED');
    expect(record.snapshot.error).toBe('States.Runtime');
    expect(record.snapshot.cause).toContain(`after ${MAX_RECEIVE_COUNT} attempts`);
    const history = (await harness.runtime.getExecutionHistory(executionArn)).items.map((e) => e.type);
    expect(history.at(-1)).toBe('ExecutionFailed');
    const statuses = harness.bus.published.map((event) => event.detail.status);
    expect(statuses).toEqual(['RUNNING', 'FAILED']);

    const advanceAttempts = harness.deliveries.filter(
      (d) => d.queue.endsWith('AdvanceQueue') && d.response?.batchItemFailures.length,
    );
    expect(advanceAttempts.length).toBe(MAX_RECEIVE_COUNT);
    const archived = sqsMock.commandCalls(SendMessageBatchCommand).map((call) => call.args[0].input);
    expect(archived).toHaveLength(1);
    expect(archived[0].QueueUrl).toBe(ARCHIVE_QUEUE_URL);
    const body = JSON.parse(archived[0].Entries?.[0].MessageBody ?? '{}');
    expect(body).toMatchObject({ executionId: executionArn, event: { type: 'Advance' } });
    expect(archived[0].Entries?.[0].MessageAttributes?.['quickstep-outcome'].StringValue).toBe(
      'execution failed with States.Runtime',
    );
  });
});
