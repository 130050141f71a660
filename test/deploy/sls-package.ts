/**
 * Runs `sls package` (osls) on the repository's serverless.yml as CI does: no AWS account,
 * dummy credentials, output in a temporary folder. Returns the CloudFormation template that
 * `sls deploy` would submit.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CfnTemplate } from '../../deploy/serverless/cfn.js';

export const ROOT = join(import.meta.dirname, '../..');
const SLS = join(ROOT, 'node_modules/osls/bin/serverless.js');

export interface Packaged {
  template: CfnTemplate;
  directory: string;
}

export async function slsPackage(options: { workflows?: string; stage?: string } = {}): Promise<Packaged> {
  const directory = await mkdtemp(join(tmpdir(), 'quickstep-package-'));
  const args = [
    SLS,
    'package',
    '--package',
    directory,
    '--stage',
    options.stage ?? 'test',
    '--region',
    'us-east-1',
  ];
  if (options.workflows) args.push('--param', `workflows=${options.workflows}`);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    // Never real credentials: packaging must need none.
    AWS_ACCESS_KEY_ID: 'AKIAQUICKSTEPTEST000',
    AWS_SECRET_ACCESS_KEY: 'quickstep-test-secret',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
  };
  await promisify(execFile)(process.execPath, args, { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 });
  const text = await readFile(join(directory, 'cloudformation-template-update-stack.json'), 'utf8');
  return { template: JSON.parse(text) as CfnTemplate, directory };
}
