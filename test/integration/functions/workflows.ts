/**
 * The example service's workflows file, read as osls reads it: YAML with CloudFormation tags,
 * `${file(path)}` definitions loaded from the repository root. Handler tests drive the real
 * declarations through the plugin's own functions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type QuickstepConfig, readConfig } from '../../../deploy/serverless/config.js';

export const ROOT = join(import.meta.dirname, '../../..');

const tag = (name: string, fn: string, split = false) => ({
  tag: `!${name}`,
  resolve: (value: string) => ({ [fn]: split ? value.split('.') : value }),
});

export function loadWorkflows(path = 'examples/service/workflows.yml'): QuickstepConfig {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const raw = parse(text, {
    customTags: [tag('GetAtt', 'Fn::GetAtt', true), tag('Ref', 'Ref'), tag('Sub', 'Fn::Sub')],
  }) as { stateMachines: Record<string, { definition: unknown }> };
  for (const machine of Object.values(raw.stateMachines)) {
    const file = /^\$\{file\((.+)\)\}$/.exec(String(machine.definition))?.[1];
    if (file) machine.definition = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
  }
  return readConfig(raw);
}
