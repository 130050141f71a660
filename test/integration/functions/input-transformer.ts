/**
 * EventBridge's input transformer, as a rule target applies it: InputPathsMap picks values out
 * of the event by JSON path; InputTemplate places them — as raw text inside a JSON string, as
 * JSON outside one; `<aws.events.event.json>` is the whole event. Enough of it for the rules
 * the plugin writes.
 */
import type { CfnValue } from '../../../deploy/serverless/cfn.js';

export function applyInputTransformer(transformer: CfnValue, event: unknown): string {
  const { InputPathsMap = {}, InputTemplate = '' } = transformer as {
    InputPathsMap?: Record<string, string>;
    InputTemplate?: string;
  };
  const values = new Map<string, unknown>([['aws.events.event.json', event]]);
  for (const [name, path] of Object.entries(InputPathsMap)) values.set(name, select(event, path));
  return InputTemplate.replace(/<([\w.-]+)>/g, (match, name: string, offset: number) => {
    if (!values.has(name)) return match;
    const value = values.get(name);
    const insideString = (InputTemplate.slice(0, offset).match(/(?<!\\)"/g) ?? []).length % 2 === 1;
    if (insideString) return typeof value === 'string' ? value : JSON.stringify(value);
    return JSON.stringify(value);
  });
}

function select(event: unknown, path: string): unknown {
  return path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter((key) => key !== '')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], event);
}
