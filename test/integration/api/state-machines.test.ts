/** The state machine operations through @aws-sdk/client-sfn: create, describe, list, update, delete. */
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  ListStateMachinesCommand,
  StartExecutionCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { refusal, useApi } from './api-harness.js';
import { doubleIt, passThrough } from './fixtures/definitions.js';

const api = useApi();
const roleArn = 'arn:aws:iam::123456789012:role/orders';

describe('CreateStateMachine and DescribeStateMachine', () => {
  it('creates a machine that DescribeStateMachine shows as created', async () => {
    const created = await api.client.send(
      new CreateStateMachineCommand({ name: 'orders', definition: doubleIt, roleArn }),
    );
    expect(created.stateMachineArn).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:orders');
    expect(created.creationDate).toBeInstanceOf(Date);
    expect(Math.abs(created.creationDate!.getTime() - api.stack.clock.now())).toBeLessThan(60_000);

    const described = await api.client.send(
      new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }),
    );
    expect(described).toMatchObject({
      stateMachineArn: created.stateMachineArn,
      name: 'orders',
      status: 'ACTIVE',
      definition: doubleIt,
      roleArn,
      type: 'STANDARD',
    });
    expect(described.creationDate?.getTime()).toBe(created.creationDate?.getTime());
  });

  it('answers a repeated identical create with the same machine, a different one with StateMachineAlreadyExists', async () => {
    const again = await api.client.send(
      new CreateStateMachineCommand({ name: 'orders', definition: doubleIt, roleArn }),
    );
    expect(again.stateMachineArn).toBe(api.machineArn('orders'));
    const other = await refusal(
      api.client.send(new CreateStateMachineCommand({ name: 'orders', definition: passThrough, roleArn })),
    );
    expect(other.name).toBe('StateMachineAlreadyExists');
  });

  it('rejects an invalid definition with every problem and its JSON Pointer', async () => {
    const definition = JSON.stringify({ StartAt: 'Nowhere', States: { A: { Type: 'Pass', Next: 'Gone' } } });
    const refused = await refusal(
      api.client.send(new CreateStateMachineCommand({ name: 'broken', definition, roleArn })),
    );
    expect(refused.name).toBe('InvalidDefinition');
    expect(refused.message).toContain('/StartAt');
    expect(refused.message).toContain('/States/A/Next');
    const lookup = await refusal(
      api.client.send(new DescribeStateMachineCommand({ stateMachineArn: api.machineArn('broken') })),
    );
    expect(lookup.name).toBe('StateMachineDoesNotExist');
  });

  it('rejects a bad name (InvalidName), a missing definition (ValidationException) and a bad role (InvalidArn)', async () => {
    const badName = await refusal(
      api.client.send(new CreateStateMachineCommand({ name: 'no spaces', definition: doubleIt, roleArn })),
    );
    expect(badName.name).toBe('InvalidName');
    const missing = await refusal(
      api.client.send(
        new CreateStateMachineCommand({ name: 'x', roleArn } as {
          name: string;
          definition: string;
          roleArn: string;
        }),
      ),
    );
    expect(missing).toMatchObject({ name: 'ValidationException', message: 'definition is required' });
    const badRole = await refusal(
      api.client.send(new CreateStateMachineCommand({ name: 'x', definition: doubleIt, roleArn: 'admin' })),
    );
    expect(badRole.name).toBe('InvalidArn');
    const badType = await refusal(
      api.client.send(
        new CreateStateMachineCommand({
          name: 'x',
          definition: doubleIt,
          roleArn,
          type: 'FAST' as 'EXPRESS',
        }),
      ),
    );
    expect(badType.name).toBe('ValidationException');
    expect(badType.message).toContain('type must be one of STANDARD, EXPRESS');
  });

  it('rejects malformed ARNs with InvalidArn and unknown ones with StateMachineDoesNotExist', async () => {
    const malformed = await refusal(
      api.client.send(new DescribeStateMachineCommand({ stateMachineArn: 'orders' })),
    );
    expect(malformed.name).toBe('InvalidArn');
    const otherAccount = await refusal(
      api.client.send(
        new DescribeStateMachineCommand({
          stateMachineArn: 'arn:aws:states:us-east-1:999999999999:stateMachine:orders',
        }),
      ),
    );
    expect(otherAccount.name).toBe('StateMachineDoesNotExist');
  });
});

describe('ListStateMachines', () => {
  it('lists every machine exactly once across pages', async () => {
    for (const name of ['list-a', 'list-b', 'list-c', 'list-d', 'list-e']) {
      await api.client.send(new CreateStateMachineCommand({ name, definition: passThrough, roleArn }));
    }
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await api.client.send(new ListStateMachinesCommand({ maxResults: 2, nextToken }));
      expect(page.stateMachines!.length).toBeLessThanOrEqual(2);
      names.push(...page.stateMachines!.map((machine) => machine.name!));
      for (const machine of page.stateMachines!) expect(machine.type).toBe('STANDARD');
      nextToken = page.nextToken;
    } while (nextToken);
    expect(names.filter((name) => name.startsWith('list-'))).toEqual([
      'list-a',
      'list-b',
      'list-c',
      'list-d',
      'list-e',
    ]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('refuses a nextToken it did not issue (InvalidToken)', async () => {
    const refused = await refusal(
      api.client.send(new ListStateMachinesCommand({ nextToken: 'not-a-token' })),
    );
    expect(refused.name).toBe('InvalidToken');
  });
});

describe('UpdateStateMachine and DescribeStateMachineForExecution', () => {
  it('runs new executions on the new definition while an execution keeps the one it started with', async () => {
    const stateMachineArn = (
      await api.client.send(
        new CreateStateMachineCommand({ name: 'versions', definition: passThrough, roleArn }),
      )
    ).stateMachineArn!;
    const { executionArn } = await api.client.send(
      new StartExecutionCommand({ stateMachineArn, input: '{}' }),
    );
    const updated = await api.client.send(
      new UpdateStateMachineCommand({ stateMachineArn, definition: doubleIt }),
    );
    expect(updated.updateDate).toBeInstanceOf(Date);

    const current = await api.client.send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(current.definition).toBe(doubleIt);
    const pinned = await api.client.send(new DescribeStateMachineForExecutionCommand({ executionArn }));
    expect(pinned).toMatchObject({ stateMachineArn, name: 'versions', definition: passThrough, roleArn });
    expect(pinned.updateDate).toBeInstanceOf(Date);
  });

  it('updates the role alone, keeping the definition', async () => {
    const stateMachineArn = api.machineArn('versions');
    const newRole = 'arn:aws:iam::123456789012:role/other';
    await api.client.send(new UpdateStateMachineCommand({ stateMachineArn, roleArn: newRole }));
    const described = await api.client.send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(described).toMatchObject({ roleArn: newRole, definition: doubleIt });
  });

  it('refuses an update that changes nothing, and one of an unknown machine', async () => {
    const nothing = await refusal(
      api.client.send(new UpdateStateMachineCommand({ stateMachineArn: api.machineArn('versions') })),
    );
    expect(nothing.name).toBe('ValidationException');
    const unknown = await refusal(
      api.client.send(
        new UpdateStateMachineCommand({ stateMachineArn: api.machineArn('ghost'), definition: doubleIt }),
      ),
    );
    expect(unknown.name).toBe('StateMachineDoesNotExist');
  });
});

describe('DeleteStateMachine', () => {
  it('deletes a machine: DescribeStateMachine then answers StateMachineDoesNotExist, and deleting again is fine', async () => {
    const stateMachineArn = (
      await api.client.send(
        new CreateStateMachineCommand({ name: 'doomed', definition: passThrough, roleArn }),
      )
    ).stateMachineArn!;
    await api.client.send(new DeleteStateMachineCommand({ stateMachineArn }));
    const gone = await refusal(api.client.send(new DescribeStateMachineCommand({ stateMachineArn })));
    expect(gone.name).toBe('StateMachineDoesNotExist');
    await api.client.send(new DeleteStateMachineCommand({ stateMachineArn }));
  });
});
