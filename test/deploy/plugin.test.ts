/**
 * The Quickstep plugin's pieces without osls: reading `custom.quickstep`, the rules' start
 * messages, the functions the advance role may invoke.
 */
import { describe, expect, it } from 'vitest';
import type { CfnValue } from '../../deploy/serverless/cfn.js';
import { QuickstepConfigError, readConfig } from '../../deploy/serverless/config.js';
import { eventRule } from '../../deploy/serverless/event-rules.js';
import { lambdaReferences } from '../../deploy/serverless/lambda-references.js';
import { taskPolicy } from '../../deploy/serverless/task-permissions.js';
import { applyInputTransformer } from '../integration/functions/input-transformer.js';

/** A DefinitionSubstitutions placeholder, `${Name}`. */
const placeholder = (name: string) => `\${${name}}`;
const accountArn = `arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:billing-*`;

const FN = 'arn:aws:lambda:us-east-1:123456789012:function';
const definition = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };

describe('custom.quickstep', () => {
  it('reads state machines with definitions as text, substitutions and events', () => {
    const config = readConfig({
      stateMachines: {
        orders: {
          definition,
          definitionSubstitutions: { Fn: { 'Fn::GetAtt': ['OrderLambdaFunction', 'Arn'] } },
          events: [{ eventBridge: { event: { source: ['shop'] } } }, { schedule: 'rate(1 hour)' }],
        },
      },
    });
    const [machine] = config.stateMachines;
    expect(JSON.parse(machine.definition)).toEqual(definition);
    expect(machine.type).toBe('STANDARD');
    expect(machine.events.map((event) => event.kind)).toEqual(['eventBridge', 'schedule']);
    expect(readConfig(undefined)).toEqual({
      stateMachines: [],
      invoke: [],
      taskPermissions: [],
      advanceTimeout: 300,
    });
  });

  it.each([
    [{ stateMachines: { 'bad name!': { definition } } }, 'stateMachines.bad name!'],
    [{ stateMachines: { ok: {} } }, 'stateMachines.ok.definition'],
    [{ stateMachines: { ok: { definition: 'not json' } } }, 'stateMachines.ok.definition'],
    [{ stateMachines: { ok: { definition, events: [{ http: {} }] } } }, 'stateMachines.ok.events[0]'],
    [
      { stateMachines: { ok: { definition, events: [{ eventBridge: {} }] } } },
      'stateMachines.ok.events[0].eventBridge',
    ],
    [{ stateMachines: { ok: { definition, type: 'FAST' } } }, 'stateMachines.ok.type'],
    [{ invoke: 'everything' }, 'invoke'],
  ])('names the offending setting: %j', (quickstep, path) => {
    expect(() => readConfig(quickstep)).toThrow(QuickstepConfigError);
    expect(() => readConfig(quickstep)).toThrow(`custom.quickstep.${path}:`);
  });
});

describe('start rules', () => {
  const machine = (events: unknown[]) =>
    readConfig({ stateMachines: { orders: { definition, events } } }).stateMachines[0];
  const event = {
    id: 'ev-1',
    source: 'shop',
    'detail-type': 'Order Placed',
    detail: { orderId: 'o-1', note: 'a "quoted" <tag>' },
  };
  const startMessage = (events: unknown[]) => {
    const declared = machine(events);
    const rule = eventRule(declared, declared.events[0], 0);
    const [target] = (rule.Properties?.Targets ?? []) as Record<string, CfnValue>[];
    return JSON.parse(applyInputTransformer(target.InputTransformer, event));
  };

  it('start the machine with the whole event as input, named after the event id', () => {
    expect(startMessage([{ eventBridge: { pattern: { source: ['shop'] } } }])).toEqual({
      stateMachine: 'orders',
      name: 'e1-ev-1',
      input: event,
    });
  });

  it('take the part of the event that inputPath selects, or a constant input', () => {
    expect(
      startMessage([{ eventBridge: { pattern: { source: ['shop'] }, inputPath: '$.detail' } }]).input,
    ).toEqual(event.detail);
    expect(startMessage([{ schedule: { rate: 'rate(1 day)', input: { report: 'daily' } } }]).input).toEqual({
      report: 'daily',
    });
  });

  it('are disabled when the event says so, and schedules carry their expression', () => {
    const declared = machine([{ schedule: { rate: 'cron(0 6 * * ? *)', enabled: false } }]);
    const rule = eventRule(declared, declared.events[0], 0);
    expect(rule.Properties).toMatchObject({ State: 'DISABLED', ScheduleExpression: 'cron(0 6 * * ? *)' });
  });
});

describe('task permissions', () => {
  const withDefinition = (
    states: unknown,
    substitutions: Record<string, CfnValue> = {},
    invoke: CfnValue[] = [],
  ) =>
    readConfig({
      stateMachines: {
        m: { definition: { StartAt: 'A', States: states }, definitionSubstitutions: substitutions },
      },
      invoke,
    });

  it('finds functions by bare ARN, lambda:invoke FunctionName and substitution, nested states included', () => {
    const config = withDefinition(
      {
        A: { Type: 'Task', Resource: `${FN}:direct`, Next: 'B' },
        B: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'by-name' },
          Next: 'C',
        },
        C: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'D',
            States: { D: { Type: 'Task', Resource: placeholder('Fn'), End: true } },
          },
          Next: 'E',
        },
        E: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage',
          Parameters: { QueueUrl: 'q' },
          End: true,
        },
      },
      { Fn: { 'Fn::GetAtt': ['WorkerLambdaFunction', 'Arn'] } },
    );
    expect(lambdaReferences(config.stateMachines[0])).toEqual([
      `${FN}:direct`,
      'by-name',
      { 'Fn::GetAtt': ['WorkerLambdaFunction', 'Arn'] },
    ]);
  });

  it('allows lambda:InvokeFunction on exactly those functions, their versions and aliases, and the configured ones', () => {
    const config = withDefinition({ A: { Type: 'Task', Resource: `${FN}:direct`, End: true } }, {}, [
      'billing-*',
    ]);
    const statements = taskPolicy(config)?.Properties?.PolicyDocument as {
      Statement: Record<string, CfnValue>[];
    };
    expect(statements.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['lambda:InvokeFunction'],
        Resource: [
          `${FN}:direct`,
          `${FN}:direct:*`,
          { 'Fn::Sub': accountArn },
          {
            'Fn::Join': ['', [{ 'Fn::Sub': accountArn }, ':*']],
          },
        ],
      },
    ]);
  });

  it('adds no policy when no task needs one', () => {
    expect(taskPolicy(withDefinition({ A: { Type: 'Pass', End: true } }))).toBeUndefined();
  });
});
