/** The slice of a CloudFormation template that the plugin reads and writes. */
export type CfnValue = string | number | boolean | null | CfnValue[] | { [key: string]: CfnValue };

export interface CfnResource {
  Type: string;
  Properties?: { [key: string]: CfnValue };
  DependsOn?: string | string[];
  [key: string]: CfnValue | undefined;
}

export interface CfnTemplate {
  Resources: { [logicalId: string]: CfnResource };
  Outputs?: { [name: string]: CfnValue };
  [key: string]: unknown;
}

export const getAtt = (logicalId: string, attribute: string): CfnValue => ({
  'Fn::GetAtt': [logicalId, attribute],
});

export const ref = (logicalId: string): CfnValue => ({ Ref: logicalId });

export const sub = (text: string): CfnValue => ({ 'Fn::Sub': text });

export function isObject(value: unknown): value is { [key: string]: CfnValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `MyName-2` → `MyName2`; `order_pipeline` → `OrderPipeline`: what a logical id may hold. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}
