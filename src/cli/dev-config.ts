/**
 * What a serverless.yml declares for `quickstep dev` and `quickstep run --config`: the state
 * machines under `custom.quickstep.stateMachines` — `definition` as a file path (relative to
 * the serverless.yml), the Serverless Framework's `${file(path)}` form, or an inline object,
 * with `definitionSubstitutions` put in as CloudFormation would — and the Lambda functions
 * under `functions`. Other Serverless variables are not resolved: a definition must not need them.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseDefinitionText } from '../asl/index.js';
import type { StateMachineInput } from '../runtime/durable/create-state-machine.js';
import {
  type DeclaredFunction,
  declaredFunctions,
  type Scope,
  substitutionValue,
} from './config-functions.js';
import { at, isObject, readServerlessYaml } from './serverless-yaml.js';

const FILE_VARIABLE = /^\$\{file\(([^)]+)\)\}$/;

/** One declared machine: ready to deploy, or its problems (an edit that does not validate). */
export interface ConfigMachine {
  name: string;
  /** The definition file, when the definition is one (watched by `quickstep dev`). */
  file?: string;
  input?: StateMachineInput;
  problems: string[];
}

export interface DevConfig {
  path: string;
  dir: string;
  machines: ConfigMachine[];
  functions: DeclaredFunction[];
}

const DEFAULT_SCOPE: Scope = { region: 'us-east-1', account: '123456789012' };

/** Throws when the file itself cannot be used; a machine's own problems are in its entry. */
export async function loadDevConfig(configPath: string, scope: Scope = DEFAULT_SCOPE): Promise<DevConfig> {
  const config = await readServerlessYaml(configPath);
  const functions = declaredFunctions(config);
  const declared = at(config.document, ['custom', 'quickstep', 'stateMachines']);
  const machines: ConfigMachine[] = [];
  if (declared !== undefined && declared !== null) {
    if (!isObject(declared))
      throw new Error(`${configPath}: custom.quickstep.stateMachines must be a mapping`);
    for (const [name, entry] of Object.entries(declared)) {
      const where = `${configPath}: custom.quickstep.stateMachines.${name}`;
      machines.push(await configMachine(name, entry, where, config.dir, { functions, scope }));
    }
  }
  return { path: config.path, dir: config.dir, machines, functions };
}

/** The machines, or every problem as one error (what a start refuses to run with). */
export function deployable(config: DevConfig): StateMachineInput[] {
  const problems = config.machines.flatMap((machine) => machine.problems);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return config.machines.flatMap((machine) => (machine.input ? [machine.input] : []));
}

async function configMachine(
  name: string,
  entry: unknown,
  where: string,
  base: string,
  context: { functions: DeclaredFunction[]; scope: Scope },
): Promise<ConfigMachine> {
  if (!isObject(entry)) return { name, problems: [`${where} must be a mapping with a definition`] };
  const value = entry.definition;
  let text: string;
  let file: string | undefined;
  if (isObject(value)) {
    text = JSON.stringify(value);
  } else if (typeof value === 'string') {
    file = resolve(base, (FILE_VARIABLE.exec(value.trim())?.[1] ?? value).trim());
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      return {
        name,
        file,
        problems: [`${where}.definition: cannot read ${file}: ${(error as Error).message}`],
      };
    }
  } else {
    return { name, problems: [`${where}.definition must be a file path or a mapping`] };
  }
  const substituted = substitute(
    text,
    entry.definitionSubstitutions,
    context,
    `${where}.definitionSubstitutions`,
  );
  if (typeof substituted !== 'string') return { name, file, problems: substituted };
  const format = file && /\.ya?ml$/i.test(file) ? 'yaml' : 'json';
  const { definition, problems } = parseDefinitionText(substituted, { format });
  if (!definition) {
    const list = problems.map((p) => `  ${p.path || '/'} ${p.code} ${p.message}`);
    return { name, file, problems: [`${where}.definition${file ? ` (${file})` : ''} is invalid:`, ...list] };
  }
  const type = entry.type === 'EXPRESS' ? 'EXPRESS' : 'STANDARD';
  // YAML definitions are deployed as JSON, as Step Functions stores them.
  const json = format === 'yaml' ? JSON.stringify(definition.source) : substituted;
  return { name, file, input: { name, definition: json, type }, problems: [] };
}

/** `${Name}` → its value, in the definition's text, as CloudFormation's DefinitionSubstitutions. */
function substitute(
  text: string,
  substitutions: unknown,
  context: { functions: DeclaredFunction[]; scope: Scope },
  where: string,
): string | string[] {
  if (substitutions === undefined || substitutions === null) return text;
  if (!isObject(substitutions)) return [`${where} must be a mapping`];
  let result = text;
  const problems: string[] = [];
  for (const [key, raw] of Object.entries(substitutions)) {
    const value = substitutionValue(raw, context.functions, context.scope);
    if (typeof value !== 'string') {
      problems.push(`${where}.${key}: ${value.problem}`);
      continue;
    }
    // Inside a JSON string the value must stay JSON text (YAML takes the same escapes).
    result = result.split(`\${${key}}`).join(JSON.stringify(value).slice(1, -1));
  }
  return problems.length > 0 ? problems : result;
}
