/**
 * `sls package` with no AWS account, and what the generated CloudFormation must hold: every
 * resource of the deployment, least-privilege IAM, partial batch responses, dead-letter queues,
 * the table's TTL and point-in-time recovery, and start rules that target the start queue.
 * Packaged with the example service (two state machines), and bare.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnTemplate, CfnValue } from '../../deploy/serverless/cfn.js';
import { createTableInput } from '../../src/adapters/aws/dynamodb/table-schema.js';
import { slsPackage } from './sls-package.js';
import { iamStatements, ofType, resource, target } from './template-queries.js';
import { zipEntries } from './zip-entries.js';

const QUICKSTEP_FUNCTIONS = {
  advance: 'AdvanceLambdaFunction',
  start: 'StartLambdaFunction',
  api: 'ApiLambdaFunction',
  callback: 'CallbackLambdaFunction',
  'dead-letter': 'DeadDashletterLambdaFunction',
  registrar: 'RegistrarLambdaFunction',
};
const QUEUES = [
  'AdvanceQueue',
  'AdvanceDeadLetterQueue',
  'DeadLetterArchiveQueue',
  'StartQueue',
  'StartDeadLetterQueue',
  'CallbackQueue',
  'CallbackDeadLetterQueue',
];
/** Actions with no resource-level permissions: the only ones allowed on Resource "*". */
const NO_RESOURCE_LEVEL = new Set([
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'cloudwatch:PutMetricData',
]);

let template: CfnTemplate;
let directory: string;
let bare: CfnTemplate;

beforeAll(async () => {
  ({ template, directory } = await slsPackage({ workflows: 'examples/service/workflows.yml' }));
  ({ template: bare } = await slsPackage());
}, 180_000);

describe('sls package (example service)', () => {
  it('creates every resource of the deployment', () => {
    for (const id of Object.values(QUICKSTEP_FUNCTIONS))
      expect(resource(template, id).Type).toBe('AWS::Lambda::Function');
    for (const id of QUEUES) expect(resource(template, id).Type).toBe('AWS::SQS::Queue');
    expect(resource(template, 'QuickstepTable').Type).toBe('AWS::DynamoDB::Table');
    for (const role of [
      'AdvanceRole',
      'StartRole',
      'ApiRole',
      'CallbackRole',
      'DeadLetterRole',
      'RegistrarRole',
    ])
      expect(resource(template, role).Type).toBe('AWS::IAM::Role');
    expect(ofType(template, 'AWS::ApiGatewayV2::Api')).toHaveLength(1);
    const machines = ofType(template, 'Custom::QuickstepStateMachine').map(([, r]) => r.Properties?.Name);
    expect(machines).toEqual(['orderFulfilment', 'stockReport']);
  });

  it('runs every function on nodejs22.x, arm64, each with its own role', () => {
    for (const [name, id] of Object.entries(QUICKSTEP_FUNCTIONS)) {
      const properties = resource(template, id).Properties ?? {};
      expect([properties.Runtime, properties.Architectures]).toEqual(['nodejs22.x', ['arm64']]);
      expect(properties.Handler).toBe(`functions/${name}.handler`);
      const role = target(properties.Role);
      expect(role?.toLowerCase()).toBe(`${name.replace('-', '')}role`);
    }
  });

  it('bundles each function with esbuild into one ESM file that loads on Node', async () => {
    const unpacked = await mkdtemp(join(tmpdir(), 'quickstep-bundles-'));
    const bundles: string[] = [];
    for (const name of Object.keys(QUICKSTEP_FUNCTIONS)) {
      const files = zipEntries(await readFile(join(directory, `${name}.zip`)));
      expect([...files.keys()].filter((file) => !file.endsWith('.map'))).toEqual([`functions/${name}.mjs`]);
      // Bundled: nothing imported from outside the file but Node's own modules.
      const code = files.get(`functions/${name}.mjs`)!.toString('utf8');
      const imports = [...code.matchAll(/^import .* from ["']([^"']+)["'];?$/gm)].map((m) => m[1]);
      expect(imports.filter((specifier) => !isBuiltin(specifier))).toEqual([]);
      bundles.push(join(unpacked, `${name}.mjs`));
      await writeFile(bundles.at(-1)!, code);
    }
    const check = `for (const file of ${JSON.stringify(bundles)}) {
      const { handler } = await import(file);
      if (typeof handler !== 'function') throw new Error(file + ' exports no handler');
    }`;
    const env = { PATH: process.env.PATH, AWS_REGION: 'us-east-1', NODE_NO_WARNINGS: '1' };
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', check], { env });
  });

  it('lets no IAM statement allow a * action, and Resource "*" only where no resource-level permission exists', () => {
    const statements = iamStatements(template);
    expect(statements.length).toBeGreaterThan(10);
    for (const statement of statements) {
      for (const action of statement.Action) expect(action, statement.owner).not.toContain('*');
      if (statement.Resource.includes('*')) {
        expect(
          statement.Action.every((action) => NO_RESOURCE_LEVEL.has(action)),
          statement.owner,
        ).toBe(true);
      }
    }
  });

  it('limits Lambda invoke to the advance function, on the functions the state machines name', () => {
    const invoke = iamStatements(template).filter((s) => s.Action.includes('lambda:InvokeFunction'));
    expect(invoke.map((s) => s.owner)).toEqual(['QuickstepAdvanceTaskPolicy']);
    const functions = new Set(invoke[0].Resource.map((r) => target(r) ?? target(joined(r))));
    expect(functions).toEqual(
      new Set([
        'ReserveStockLambdaFunction',
        'ChargePaymentLambdaFunction',
        'ReleaseStockLambdaFunction',
        'CountStockLambdaFunction',
      ]),
    );
    expect(target(resource(template, 'QuickstepAdvanceTaskPolicy').Properties?.Roles?.[0 as never])).toBe(
      'AdvanceRole',
    );
  });

  it('reports batch item failures on every SQS event source, and every consumed queue has a DLQ', () => {
    const mappings = ofType(template, 'AWS::Lambda::EventSourceMapping');
    const consumed = mappings.map(([, m]) => [
      target(m.Properties?.FunctionName),
      target(m.Properties?.EventSourceArn),
    ]);
    expect(consumed).toEqual(
      expect.arrayContaining([
        ['AdvanceLambdaFunction', 'AdvanceQueue'],
        ['StartLambdaFunction', 'StartQueue'],
        ['CallbackLambdaFunction', 'CallbackQueue'],
        ['DeadDashletterLambdaFunction', 'AdvanceDeadLetterQueue'],
      ]),
    );
    for (const [id, mapping] of mappings) {
      expect(mapping.Properties?.FunctionResponseTypes, id).toEqual(['ReportBatchItemFailures']);
      const queue = resource(template, target(mapping.Properties?.EventSourceArn)!);
      // Lambda refuses a queue that would show a message again while the function still runs.
      const timeout = Number(
        resource(template, target(mapping.Properties?.FunctionName)!).Properties?.Timeout,
      );
      expect(Number(queue.Properties?.VisibilityTimeout ?? 30), id).toBeGreaterThanOrEqual(timeout);
      const redrive = queue.Properties?.RedrivePolicy as {
        deadLetterTargetArn: CfnValue;
        maxReceiveCount: number;
      };
      expect(resource(template, target(redrive.deadLetterTargetArn)!).Type).toBe('AWS::SQS::Queue');
      expect(redrive.maxReceiveCount).toBe(5);
    }
  });

  it('keeps an advance message invisible longer than the advance function may run', () => {
    const timeout = Number(resource(template, 'AdvanceLambdaFunction').Properties?.Timeout);
    expect(Number(resource(template, 'AdvanceQueue').Properties?.VisibilityTimeout)).toBeGreaterThan(timeout);
  });

  it('declares the table as the store expects it: on demand, TTL, point-in-time recovery, the listing GSI', () => {
    const table = resource(template, 'QuickstepTable').Properties ?? {};
    const expected = createTableInput('any');
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.TimeToLiveSpecification).toEqual({ AttributeName: 'ttl', Enabled: true });
    expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.KeySchema).toEqual(expected.KeySchema);
    expect(table.AttributeDefinitions).toEqual(expected.AttributeDefinitions);
    expect(table.GlobalSecondaryIndexes).toEqual(expected.GlobalSecondaryIndexes);
  });

  it('points every declared start rule at the start queue, which accepts exactly those rules', () => {
    const rules = ofType(template, 'AWS::Events::Rule').filter(([id]) =>
      id.startsWith('QuickstepStateMachine'),
    );
    expect(rules.map(([id]) => id)).toEqual([
      'QuickstepStateMachineOrderFulfilmentEventRule1',
      'QuickstepStateMachineStockReportEventRule1',
    ]);
    for (const [, rule] of rules) {
      const targets = rule.Properties?.Targets as {
        Arn: CfnValue;
        InputTransformer: { InputTemplate: string };
      }[];
      expect(targets.map((t) => target(t.Arn))).toEqual(['StartQueue']);
    }
    const policy = resource(template, 'QuickstepStartQueuePolicy').Properties ?? {};
    const [statement] = (policy.PolicyDocument as { Statement: Record<string, CfnValue>[] }).Statement;
    expect(statement.Principal).toEqual({ Service: 'events.amazonaws.com' });
    const sources = (statement.Condition as { ArnEquals: { 'aws:SourceArn': CfnValue[] } }).ArnEquals[
      'aws:SourceArn'
    ];
    expect(sources.map(target)).toEqual(rules.map(([id]) => id));
  });

  it('registers each definition as text, substitutions left to CloudFormation', () => {
    const [, order] = ofType(template, 'Custom::QuickstepStateMachine')[0];
    const properties = order.Properties ?? {};
    expect(target(properties.ServiceToken)).toBe('RegistrarLambdaFunction');
    expect(JSON.parse(String(properties.Definition)).StartAt).toBe('ReserveStock');
    expect((properties.DefinitionSubstitutions as Record<string, CfnValue>).ReserveStockFunction).toEqual({
      'Fn::GetAtt': ['ReserveStockLambdaFunction', 'Arn'],
    });
  });

  it('routes the HTTP API to the api function, behind IAM authorization', () => {
    const routes = ofType(template, 'AWS::ApiGatewayV2::Route');
    expect(routes).toHaveLength(1);
    expect(routes[0][1].Properties?.AuthorizationType).toBe('AWS_IAM');
    const integration = ofType(template, 'AWS::ApiGatewayV2::Integration')[0][1];
    expect(JSON.stringify(integration.Properties?.IntegrationUri)).toContain('ApiLambdaFunction');
  });
});

describe('sls package (Quickstep alone)', () => {
  it('deploys the engine without state machines, rules or task permissions', () => {
    expect(ofType(bare, 'Custom::QuickstepStateMachine')).toEqual([]);
    expect(ofType(bare, 'AWS::Events::Rule')).toEqual([]);
    expect(bare.Resources.QuickstepAdvanceTaskPolicy).toBeUndefined();
    for (const id of [...Object.values(QUICKSTEP_FUNCTIONS), ...QUEUES, 'QuickstepTable'])
      expect(bare.Resources[id]).toBeDefined();
  });
});

function joined(value: CfnValue): CfnValue | undefined {
  const join = (value as { 'Fn::Join'?: [string, CfnValue[]] })?.['Fn::Join'];
  return join?.[1][0];
}
