/**
 * Reads a serverless.yml for `quickstep dev` and `quickstep run --config`: YAML with
 * CloudFormation's short-form tags (`!GetAtt`, `!Ref`, `!Sub`, …) turned into their long form
 * (`{"Fn::GetAtt": …}`), as osls reads them, so a config that deploys also loads here.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse, type Tags } from 'yaml';

export interface ServerlessYaml {
  /** Absolute path of the file. */
  path: string;
  /** Its folder: relative paths in the file are relative to it. */
  dir: string;
  document: unknown;
}

const INTRINSICS = [
  'And',
  'Base64',
  'Cidr',
  'Equals',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'If',
  'ImportValue',
  'Join',
  'Not',
  'Or',
  'Select',
  'Split',
  'Sub',
];

const longForm = (name: string) => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);

/** `!GetAtt A.Arn` is `{"Fn::GetAtt": ["A", "Arn"]}`; the others keep their argument as written. */
const cfnTags: Tags = [...INTRINSICS, 'Ref', 'Condition'].flatMap((name) => [
  {
    tag: `!${name}`,
    resolve: (text: string) => ({ [longForm(name)]: name === 'GetAtt' ? text.split('.') : text }),
  },
  {
    tag: `!${name}`,
    collection: 'seq' as const,
    resolve: (seq: { toJSON(): unknown }) => ({ [longForm(name)]: seq.toJSON() }),
  },
  {
    tag: `!${name}`,
    collection: 'map' as const,
    resolve: (map: { toJSON(): unknown }) => ({ [longForm(name)]: map.toJSON() }),
  },
]);

export async function readServerlessYaml(configPath: string): Promise<ServerlessYaml> {
  const path = resolve(configPath);
  const text = await readFile(path, 'utf8');
  let document: unknown;
  try {
    document = parse(text, { customTags: cfnTags, maxAliasCount: 100 });
  } catch (error) {
    throw new Error(`${configPath} is not valid YAML: ${error instanceof Error ? error.message : error}`);
  }
  return { path, dir: dirname(path), document };
}

export function at(value: unknown, keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = isObject(current) ? current[key] : undefined;
  return current;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
