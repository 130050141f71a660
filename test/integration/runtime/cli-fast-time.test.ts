/**
 * `quickstep run --fast-time` on the durable runtime: a Map of 10 × 1,000 nested inline
 * iterations followed by a Wait of two days. The wall time is measured and printed, never
 * asserted (docs/performance.md has the figures: about 2¼ minutes when first written, about
 * 20 s once children's reports were folded into one parent commit, a child's first pure
 * states run in its creating commit, and one execution's messages kept to one batch at a
 * time). Both sizes run in every test run.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const TWO_DAYS = 2 * 86_400;

/** The definition, shared with bench/nested-map-profile.ts and shown to users as an example. */
const DEFINITION = join(repoRoot, 'examples', 'nested-map', 'nested-map.asl.json');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
}

function quickstep(args: string[], timeoutMs: number): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/quickstep.js', ...args], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, wallMs: Date.now() - started }));
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quickstep-fast-time-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function runNested(items: number, timeoutMs: number) {
  const inputFile = join(dir, `input-${items}.json`);
  const input = {
    groups: Array.from({ length: 10 }, (_, g) => g),
    items: Array.from({ length: items }, (_, i) => i),
  };
  await writeFile(inputFile, JSON.stringify(input));
  const run = await quickstep(
    ['run', DEFINITION, '--fast-time', '--json', '--input', `@${inputFile}`],
    timeoutMs,
  );
  console.info(`quickstep run --fast-time, Map of 10 × ${items} then a two-day Wait: ${run.wallMs} ms wall`);
  expect(run.stderr).not.toMatch(/Error/);
  expect(run.code).toBe(0);
  const result = JSON.parse(run.stdout) as { status: string; output: Record<string, unknown> };
  expect(result.status).toBe('SUCCEEDED');
  expect(result.output.groups).toBe(10);
  expect(result.output.first).toEqual(input.items);
  expect(result.output.last).toEqual(input.items.map((i) => i + 9));
  // The Wait of two days passed in virtual time: Done was entered two days after the start.
  const napUntil = Date.parse(String(result.output.napUntil));
  expect(napUntil - Date.now()).toBeGreaterThan(TWO_DAYS * 1000 - 3_600_000);
}

describe('quickstep run --fast-time: nested Maps then a two-day Wait', () => {
  it('10 × 20 iterations', async () => {
    await runNested(20, 60_000);
  }, 90_000);

  it('10 × 1,000 iterations', async () => {
    await runNested(1000, 600_000);
  }, 660_000);
});
