/**
 * The registrar invoked as CloudFormation invokes a custom resource — Create, Update, Delete —
 * answering on the pre-signed URL (a local HTTP server here), over the embedded DynamoDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistrarHandler } from '../../../functions/registrar.js';
import { CfnResponseServer } from './cfn-response-server.js';
import { Harness } from './harness.js';
import { ACCOUNT, REGION, customResourceEvent, lambdaContext } from './lambda-events.js';
import { quietObservability } from './observability.js';

const FN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function`;
/** A DefinitionSubstitutions placeholder, `${Name}`. */
const placeholder = (name: string) => `\${${name}}`;
const definition = (resource: string) =>
  JSON.stringify({ StartAt: 'Work', States: { Work: { Type: 'Task', Resource: resource, End: true } } });

let harness: Harness;
let cfn: CfnResponseServer;
let register: ReturnType<typeof createRegistrarHandler>;
const context = lambdaContext('quickstep-dev-registrar');

beforeAll(async () => {
  harness = await Harness.start({ handlers: { v1: () => 'one', v2: () => 'two' } });
  cfn = await CfnResponseServer.start();
  register = createRegistrarHandler(() => harness.services, quietObservability());
});
afterAll(async () => {
  await harness?.close();
  await cfn?.close();
});

const lastResponse = () => cfn.responses.at(-1)!.body;

describe('registrar (CloudFormation custom resource)', () => {
  const properties = (resource: string) => ({
    Name: 'Orders',
    Definition: definition(placeholder('WorkFn')),
    DefinitionSubstitutions: { WorkFn: `${FN}:${resource}` },
    Type: 'STANDARD',
  });

  it('Create registers the definition with its substitutions and answers SUCCESS with the ARN', async () => {
    await register(customResourceEvent('Create', cfn.url, properties('v1')), context);
    expect(lastResponse()).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: 'quickstep:stateMachine:Orders',
      LogicalResourceId: 'QuickstepStateMachineOrders',
      Data: { Arn: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:Orders`, Name: 'Orders' },
    });
    expect(cfn.responses.at(-1)!.headers['content-type']).toBe('');
    const { executionArn } = await harness.runtime.startExecution({ stateMachine: 'Orders' });
    await harness.ended(executionArn);
    expect((await harness.runtime.describeExecution(executionArn)).snapshot.output).toBe('one');
  });

  it('Update registers a new version; an execution in flight keeps the version it started with', async () => {
    await harness.register('Slow', {
      StartAt: 'W',
      States: {
        W: { Type: 'Wait', Seconds: 3600, Next: 'Work' },
        Work: { Type: 'Task', Resource: `${FN}:v1`, End: true },
      },
    });
    const { executionArn } = await harness.runtime.startExecution({ stateMachine: 'Slow' });
    const slow = (resource: string) => ({
      Name: 'Slow',
      Definition: JSON.stringify({
        StartAt: 'W',
        States: {
          W: { Type: 'Wait', Seconds: 3600, Next: 'Work' },
          Work: { Type: 'Task', Resource: placeholder('WorkFn'), End: true },
        },
      }),
      DefinitionSubstitutions: { WorkFn: `${FN}:${resource}` },
    });
    const event = customResourceEvent('Update', cfn.url, slow('v2'), {
      physicalResourceId: 'quickstep:stateMachine:Slow',
      oldProperties: slow('v1'),
    });
    await register(event, context);
    expect(lastResponse().Status).toBe('SUCCESS');

    await harness.ended(executionArn);
    expect((await harness.runtime.describeExecution(executionArn)).snapshot.output).toBe('one');
    const { executionArn: later } = await harness.runtime.startExecution({ stateMachine: 'Slow' });
    await harness.ended(later);
    expect((await harness.runtime.describeExecution(later)).snapshot.output).toBe('two');
  });

  it('an invalid definition fails the deploy with every problem, and registers nothing', async () => {
    const bad = {
      Name: 'Broken',
      Definition: JSON.stringify({ StartAt: 'Nowhere', States: { A: { Type: 'Pass', Next: 'B' } } }),
    };
    await register(customResourceEvent('Create', cfn.url, bad), context);
    const response = lastResponse();
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toContain('InvalidDefinition');
    expect(response.Reason).toContain('/States/A/Next');
    expect(response.PhysicalResourceId).toMatch(/^failed:/);
    expect(await harness.services.store.getStateMachine('Broken')).toBeUndefined();

    // CloudFormation then deletes what it never got: nothing to do, SUCCESS.
    await register(
      customResourceEvent('Delete', cfn.url, bad, { physicalResourceId: response.PhysicalResourceId }),
      context,
    );
    expect(lastResponse().Status).toBe('SUCCESS');
  });

  it('Delete removes the state machine; starting it is then refused', async () => {
    await register(
      customResourceEvent('Delete', cfn.url, properties('v1'), {
        physicalResourceId: 'quickstep:stateMachine:Orders',
      }),
      context,
    );
    expect(lastResponse()).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: 'quickstep:stateMachine:Orders',
    });
    await expect(harness.runtime.startExecution({ stateMachine: 'Orders' })).rejects.toThrow(
      /State Machine Does Not Exist/,
    );
  });

  it('answers FAILED, never silence, when the runtime cannot even be built', async () => {
    const broken = createRegistrarHandler(() => {
      throw new Error('Quickstep is not configured: the environment variable QUICKSTEP_TABLE is not set');
    }, quietObservability());
    await broken(customResourceEvent('Create', cfn.url, properties('v1')), context);
    expect(lastResponse()).toMatchObject({
      Status: 'FAILED',
      Reason: expect.stringContaining('QUICKSTEP_TABLE'),
    });
  });
});
