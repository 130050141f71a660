/** Questions asked of a compiled CloudFormation template. */
import type { CfnResource, CfnTemplate, CfnValue } from '../../deploy/serverless/cfn.js';

export function ofType(template: CfnTemplate, type: string): [string, CfnResource][] {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

export function resource(template: CfnTemplate, logicalId: string): CfnResource {
  const found = template.Resources[logicalId];
  if (!found) throw new Error(`no resource ${logicalId}`);
  return found;
}

export interface Statement {
  /** The role or policy it belongs to. */
  owner: string;
  Effect: string;
  Action: string[];
  Resource: CfnValue[];
}

/** Every IAM statement: inline role policies and standalone policies. */
export function iamStatements(template: CfnTemplate): Statement[] {
  const documents: [string, CfnValue][] = [];
  for (const [id, role] of ofType(template, 'AWS::IAM::Role')) {
    for (const policy of (role.Properties?.Policies ?? []) as { PolicyDocument: CfnValue }[])
      documents.push([id, policy.PolicyDocument]);
  }
  for (const [id, policy] of ofType(template, 'AWS::IAM::Policy'))
    documents.push([id, policy.Properties?.PolicyDocument ?? null]);
  return documents.flatMap(([owner, document]) =>
    ((document as { Statement: Record<string, CfnValue>[] }).Statement ?? []).map((statement) => ({
      owner,
      Effect: String(statement.Effect),
      Action: list(statement.Action).map(String),
      Resource: list(statement.Resource),
    })),
  );
}

const list = (value: CfnValue | undefined): CfnValue[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The logical id a `!GetAtt X.Arn` / `!Ref X` points at. */
export function target(value: CfnValue | undefined): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt)) return String(getAtt[0]);
  return typeof value.Ref === 'string' ? value.Ref : undefined;
}
