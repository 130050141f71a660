/**
 * The Lambda functions a definition calls: bare-ARN task resources and `lambda:invoke`
 * FunctionName parameters, literal or through a `${Name}` substitution (typically
 * `!GetAtt MyLambdaFunction.Arn`). The advance role may invoke exactly these.
 */
import { type CfnValue, isObject } from './cfn.js';
import type { StateMachineDeclaration } from './config.js';

const PLACEHOLDER = /^\$\{([A-Za-z0-9_.-]+)\}$/;
const LAMBDA_ARN = /^arn:aws[\w-]*:lambda:[^:]*:[^:]*:function:[^:]+(:[^:]+)?$/;
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function lambdaReferences(machine: StateMachineDeclaration): CfnValue[] {
  const found: CfnValue[] = [];
  const visit = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
    } else if (isObject(node)) {
      for (const [name, value] of Object.entries(node)) visit(value, name);
    } else if (typeof node === 'string' && (key === 'Resource' || key === 'FunctionName')) {
      const reference = resolve(node, machine.substitutions, key);
      if (reference !== undefined) found.push(reference);
    }
  };
  visit(JSON.parse(machine.definition));
  return found;
}

function resolve(
  text: string,
  substitutions: { [key: string]: CfnValue },
  key: string,
): CfnValue | undefined {
  const placeholder = PLACEHOLDER.exec(text);
  if (placeholder) {
    const value = substitutions[placeholder[1]];
    if (typeof value === 'string') return resolve(value, {}, key);
    // An intrinsic (GetAtt, Ref, Sub, ImportValue): a function ARN once deployed.
    return value ?? undefined;
  }
  if (LAMBDA_ARN.test(text)) return text;
  // lambda:invoke also takes a bare function name; other resources are integrations.
  if (key === 'FunctionName' && FUNCTION_NAME.test(text)) return text;
  return undefined;
}
