/**
 * Runs the real `quickstep` command as users do — `node bin/quickstep.js …` from the repo
 * root, through the tsx launcher — and captures stdout, stderr and the exit code.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = 'test/cli/fixtures';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Plain text by default (NO_COLOR), so assertions read the words, not escape codes. */
export function quickstep(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/quickstep.js', ...args], {
      cwd: repoRoot,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 20_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** One spawn shared by several assertions: the first caller starts it, the rest await it. */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined;
  return () => (started ??= make());
}

/** Step Functions' execution ARN: arn:aws:states:<region>:<account>:execution:<machine>:<name>. */
export function executionArnPattern(stateMachine: string, name = '[0-9a-f-]{36}'): RegExp {
  return new RegExp(`^arn:aws:states:[a-z]{2}(-[a-z]+)+-\\d:\\d{12}:execution:${stateMachine}:${name}$`);
}
