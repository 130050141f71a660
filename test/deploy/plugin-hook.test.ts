/** The plugin as osls drives it: one hook, once every other resource is in the template. */
import { describe, expect, it } from 'vitest';
import type { CfnTemplate } from '../../deploy/serverless/cfn.js';
import { QuickstepPlugin } from '../../deploy/serverless/quickstep-plugin.js';

const FN = 'arn:aws:lambda:us-east-1:123456789012:function';

describe('QuickstepPlugin', () => {
  it('adds the resources once the template is complete, and sizes the advance queue to the function', () => {
    const template: CfnTemplate = {
      Resources: {
        AdvanceLambdaFunction: { Type: 'AWS::Lambda::Function', Properties: { Timeout: 120 } },
        AdvanceQueue: { Type: 'AWS::SQS::Queue', Properties: {} },
      },
    };
    const quickstep = {
      advanceTimeout: 120,
      stateMachines: {
        m: { definition: { StartAt: 'A', States: { A: { Type: 'Task', Resource: `${FN}:f`, End: true } } } },
      },
    };
    const plugin = new QuickstepPlugin({
      service: { custom: { quickstep }, provider: { compiledCloudFormationTemplate: template } },
    });
    plugin.hooks['before:aws:package:finalize:saveServiceState']();
    expect(Object.keys(template.Resources)).toEqual([
      'AdvanceLambdaFunction',
      'AdvanceQueue',
      'QuickstepStateMachineM',
      'QuickstepAdvanceTaskPolicy',
    ]);
    expect(template.Resources.AdvanceQueue.Properties?.VisibilityTimeout).toBe(150);
    expect(template.Resources.AdvanceLambdaFunction.DependsOn).toEqual(['QuickstepAdvanceTaskPolicy']);
  });
});
