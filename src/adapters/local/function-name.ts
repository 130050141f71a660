/**
 * Lambda's accepted FunctionName forms: `name`, `name:alias`, `123456789012:function:name`
 * and the full ARN, with or without a qualifier. Returns the bare function name.
 */
export function functionNameOf(reference: string): string {
  const parts = reference.split(':');
  if (parts[0] === 'arn') return parts[6] ?? '';
  if (parts[1] === 'function') return parts[2] ?? '';
  return parts[0];
}
