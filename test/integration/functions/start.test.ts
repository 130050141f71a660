/**
 * The start function as Lambda invokes it: SQS batches from the start queue and direct
 * invokes, over the embedded services; the executions it starts run to their end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStartHandler } from '../../../functions/start.js';
import { Harness } from './harness.js';
import { ACCOUNT, REGION, lambdaContext, sqsEvent, sqsRecord } from './lambda-events.js';
import { capturingObservability } from './observability.js';

const arnOf = (name: string) => `arn:aws:states:${REGION}:${ACCOUNT}:execution:Greeter:${name}`;
const context = lambdaContext('quickstep-dev-start');

let harness: Harness;
let observability: ReturnType<typeof capturingObservability>;
let start: ReturnType<typeof createStartHandler>;

beforeAll(async () => {
  harness = await Harness.start();
  await harness.register('Greeter', {
    StartAt: 'Greet',
    States: {
      Greet: { Type: 'Pass', Parameters: { 'greeting.$': "States.Format('Hello, {}!', $.who)" }, End: true },
    },
  });
  observability = capturingObservability();
  start = createStartHandler(() => harness.services, observability);
});
afterAll(async () => harness?.close());

describe('start function', () => {
  it('a direct invoke starts an execution and returns its ARN', async () => {
    const result = await start({ stateMachine: 'Greeter', name: 'direct-1', input: { who: 'Ada' } }, context);
    expect(result).toEqual({ executionArn: arnOf('direct-1'), startDate: expect.any(Number) });
    await harness.ended(arnOf('direct-1'));
    const record = await harness.runtime.describeExecution(arnOf('direct-1'));
    expect(record.snapshot.output).toEqual({ greeting: 'Hello, Ada!' });
  });

  it('a direct invoke of an unknown state machine fails with its Step Functions error name', async () => {
    await expect(start({ stateMachine: 'Nope', input: {} }, context)).rejects.toMatchObject({
      name: 'StateMachineDoesNotExist',
    });
  });

  it('starts from a start-queue batch; only the starts that cannot succeed are reported', async () => {
    const body = (value: unknown) => JSON.stringify(value);
    const records = [
      sqsRecord(body({ stateMachine: 'Greeter', name: 'queued-1', input: { who: 'Grace' } }), {
        messageId: 'ok',
      }),
      sqsRecord(body({ stateMachine: 'Greeter', name: 'queued-1', input: { who: 'Grace' } }), {
        messageId: 'repeat',
      }),
      sqsRecord(body({ stateMachine: 'Greeter', name: 'queued-1', input: { who: 'Eve' } }), {
        messageId: 'clash',
      }),
      sqsRecord(body({ stateMachine: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:Nope` }), {
        messageId: 'unknown',
      }),
      sqsRecord('{"stateMachine": ', { messageId: 'not-json' }),
      sqsRecord(body({ input: {} }), { messageId: 'no-machine' }),
    ];
    // Sequential records: the repeat is then the redelivery of a start already made.
    const responses = [];
    for (const record of records) responses.push(await start(sqsEvent([record]), context));
    const failed = responses.flatMap((r) => ('batchItemFailures' in r ? r.batchItemFailures : []));
    expect(failed.map((f) => f.itemIdentifier)).toEqual(['clash', 'unknown', 'not-json', 'no-machine']);

    await harness.ended(arnOf('queued-1'));
    const listed = await harness.runtime.listExecutions({ stateMachineName: 'Greeter' });
    expect(listed.items.filter((e) => e.name === 'queued-1')).toHaveLength(1);
    const refused = observability.lines
      .filter((line) => line.message === 'start refused')
      .map((line) => line.error);
    expect(refused).toEqual([
      'ExecutionAlreadyExists',
      'StateMachineDoesNotExist',
      'InvalidStartRequest',
      'InvalidStartRequest',
    ]);
  });

  it('a start redelivered after its execution ended is the same start, not an error', async () => {
    const record = () =>
      sqsRecord(JSON.stringify({ stateMachine: 'Greeter', name: 'once', input: { who: 'Alan' } }));
    expect(await start(sqsEvent([record()]), context)).toEqual({ batchItemFailures: [] });
    await harness.ended(arnOf('once'));
    expect(await start(sqsEvent([record()]), context)).toEqual({ batchItemFailures: [] });
  });
});
