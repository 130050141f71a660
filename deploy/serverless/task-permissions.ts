/**
 * The advance function's task permissions, as an IAM policy on its role: lambda:InvokeFunction
 * on the functions the definitions reference and those `custom.quickstep.invoke` names (ARNs,
 * names, patterns), plus the statements in `custom.quickstep.taskPermissions`.
 */
import { type CfnResource, type CfnValue, getAtt, isObject, ref } from './cfn.js';
import type { QuickstepConfig } from './config.js';
import { lambdaReferences } from './lambda-references.js';
import { ADVANCE_ROLE } from './logical-ids.js';

export function taskPolicy(config: QuickstepConfig): CfnResource | undefined {
  const functions = [...config.stateMachines.flatMap(lambdaReferences), ...config.invoke];
  const statements: CfnValue[] = [];
  if (functions.length > 0) {
    statements.push({
      Effect: 'Allow',
      Action: ['lambda:InvokeFunction'],
      Resource: unique(functions.flatMap(invokeResources)),
    });
  }
  statements.push(...config.taskPermissions);
  if (statements.length === 0) return undefined;
  return {
    Type: 'AWS::IAM::Policy',
    Properties: {
      PolicyName: 'quickstep-tasks',
      Roles: [ref(ADVANCE_ROLE)],
      PolicyDocument: { Version: '2012-10-17', Statement: statements },
    },
  };
}

/** A function and its versions and aliases (`name:qualifier`). */
function invokeResources(reference: CfnValue): CfnValue[] {
  if (typeof reference === 'string') {
    const arn = reference.startsWith('arn:')
      ? reference
      : {
          'Fn::Sub': `arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${reference}`,
        };
    return typeof arn === 'string' && arn.split(':').length > 7 ? [arn] : [arn, qualified(arn)];
  }
  const getAttArn = isObject(reference) ? reference['Fn::GetAtt'] : undefined;
  if (Array.isArray(getAttArn) && typeof getAttArn[0] === 'string') {
    const arn = getAtt(getAttArn[0], 'Arn');
    return [arn, qualified(arn)];
  }
  return [reference, qualified(reference)];
}

function qualified(arn: CfnValue): CfnValue {
  return typeof arn === 'string' ? `${arn}:*` : { 'Fn::Join': ['', [arn, ':*']] };
}

function unique(values: CfnValue[]): CfnValue[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
