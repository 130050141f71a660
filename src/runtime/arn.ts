/** ARNs in Step Functions' form, so clients that parse them keep working. */
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT = '123456789012';

export function stateMachineArn(name: string, region = DEFAULT_REGION, account = DEFAULT_ACCOUNT): string {
  return `arn:aws:states:${region}:${account}:stateMachine:${name}`;
}

export function executionArn(
  stateMachineName: string,
  executionName: string,
  region = DEFAULT_REGION,
  account = DEFAULT_ACCOUNT,
): string {
  return `arn:aws:states:${region}:${account}:execution:${stateMachineName}:${executionName}`;
}
