/**
 * The state machines a serverless.yml declares for `quickstep dev`:
 * `custom.quickstep.stateMachines.<name>.definition` as a file path (relative to the
 * serverless.yml), the Serverless Framework's `${file(path)}` form, or an inline object.
 * Other Serverless variables are not resolved: a definition must not need them.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseDefinitionText } from '../asl/index.js';
import type { StateMachineInput } from '../runtime/durable/create-state-machine.js';

const FILE_VARIABLE = /^\$\{file\(([^)]+)\)\}$/;

export async function loadConfigStateMachines(configPath: string): Promise<StateMachineInput[]> {
  const config: unknown = parse(await readFile(configPath, 'utf8'), { maxAliasCount: 100 });
  const declared = at(config, ['custom', 'quickstep', 'stateMachines']);
  if (declared === undefined) return [];
  if (!isObject(declared)) throw new Error(`${configPath}: custom.quickstep.stateMachines must be a mapping`);
  const machines: StateMachineInput[] = [];
  for (const [name, entry] of Object.entries(declared)) {
    const where = `${configPath}: custom.quickstep.stateMachines.${name}`;
    if (!isObject(entry)) throw new Error(`${where} must be a mapping with a definition`);
    const definition = await definitionText(entry.definition, dirname(configPath), where);
    const type = entry.type === 'EXPRESS' ? 'EXPRESS' : 'STANDARD';
    machines.push({ name, definition, type });
  }
  return machines;
}

async function definitionText(value: unknown, base: string, where: string): Promise<string> {
  if (isObject(value)) return JSON.stringify(value);
  if (typeof value !== 'string') throw new Error(`${where}.definition must be a file path or a mapping`);
  const path = resolve(base, (FILE_VARIABLE.exec(value.trim())?.[1] ?? value).trim());
  const text = await readFile(path, 'utf8').catch((error: Error) => {
    throw new Error(`${where}.definition: cannot read ${path}: ${error.message}`);
  });
  const format = /\.ya?ml$/i.test(path) ? 'yaml' : 'json';
  const { definition, problems } = parseDefinitionText(text, { format });
  if (!definition) {
    const list = problems.map((p) => `${p.path || '/'} ${p.code} ${p.message}`).join('; ');
    throw new Error(`${where}.definition (${path}) is invalid: ${list}`);
  }
  // YAML definitions are deployed as JSON, as Step Functions stores them.
  return format === 'yaml' ? JSON.stringify(definition.source) : text;
}

function at(value: unknown, keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = isObject(current) ? current[key] : undefined;
  return current;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
