/**
 * The Lambda functions a serverless.yml declares (`functions: <name>: handler: file.export`),
 * and how a definition names them once deployed: by the function's key, its deployed name
 * (`name:`, or osls's `{service}-{stage}-{key}`), or `!GetAtt {Key}LambdaFunction.Arn` /
 * `!Ref {Key}LambdaFunction` in `definitionSubstitutions`.
 */
import type { DeclaredFunction } from '../adapters/local/load-serverless-functions.js';
import { at, isObject, type ServerlessYaml } from './serverless-yaml.js';

export type { DeclaredFunction };

export function declaredFunctions(config: ServerlessYaml): DeclaredFunction[] {
  const section = at(config.document, ['functions']);
  // osls also takes a list of mappings (Quickstep's own serverless.yml merges files that way).
  const groups = Array.isArray(section) ? section : [section];
  const declared: DeclaredFunction[] = [];
  for (const group of groups) {
    if (!isObject(group)) continue;
    for (const [key, entry] of Object.entries(group)) {
      const handler = isObject(entry) ? entry.handler : undefined;
      if (typeof handler !== 'string' || !/^[^\s]+\.[A-Za-z_$][\w$]*$/.test(handler))
        throw new Error(`${config.path}: functions.${key}.handler must be "path/to/file.exportName"`);
      const names = [key, deployedName(config, key)];
      if (isObject(entry) && typeof entry.name === 'string' && !entry.name.includes('${'))
        names.push(entry.name);
      declared.push({ key, handler, names: [...new Set(names.filter((n) => n !== undefined))] });
    }
  }
  return declared;
}

/** osls's default function name, when service and stage are literals. */
function deployedName(config: ServerlessYaml, key: string): string | undefined {
  const service = at(config.document, ['service']);
  const stage = at(config.document, ['provider', 'stage']);
  if (typeof service !== 'string' || service.includes('${')) return undefined;
  const literalStage = typeof stage === 'string' && !stage.includes('${') ? stage : 'dev';
  return `${service}-${literalStage}-${key}`;
}

/** osls's logical id of a function's resource: `reserve-stock` → `ReserveDashstockLambdaFunction`. */
export function functionLogicalId(key: string): string {
  const normal = key.replace(/-/g, 'Dash').replace(/_/g, 'Underscore');
  return `${normal[0].toUpperCase()}${normal.slice(1)}LambdaFunction`;
}

export interface Scope {
  region: string;
  account: string;
}

/**
 * A `definitionSubstitutions` value as it would be once deployed, locally: a function's ARN or
 * name for `!GetAtt …LambdaFunction.Arn` / `!Ref …LambdaFunction`; any other `!Ref` or
 * `!GetAtt` stands for its logical id (local sinks print where a message went). Other
 * intrinsics have no local value.
 */
export function substitutionValue(
  value: unknown,
  functions: DeclaredFunction[],
  scope: Scope,
): string | { problem: string } {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  const byLogicalId = (id: unknown) => functions.find((f) => functionLogicalId(f.key) === id);
  if (isObject(value) && typeof value.Ref === 'string') {
    return byLogicalId(value.Ref)?.key ?? value.Ref;
  }
  const getAtt = isObject(value) ? value['Fn::GetAtt'] : undefined;
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') {
    const fn = byLogicalId(getAtt[0]);
    if (fn && getAtt[1] === 'Arn')
      return `arn:aws:lambda:${scope.region}:${scope.account}:function:${fn.key}`;
    return getAtt.join('.');
  }
  return { problem: `${JSON.stringify(value)} has no local value; give a literal instead` };
}
