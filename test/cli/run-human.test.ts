/**
 * `quickstep run` without --json: each state entered and left with its nominal duration,
 * Map iterations indented and capped, then the final status and the output.
 */
import { describe, expect, it } from 'vitest';
import { fixtures, quickstep } from './run-quickstep.js';

/** The pretty-printed JSON that follows the status line. */
function printedOutput(stdout: string, statusLine: RegExp): unknown {
  const lines = stdout.split('\n');
  const at = lines.findIndex((line) => statusLine.test(line));
  expect(at, `status line ${statusLine} in:\n${stdout}`).toBeGreaterThanOrEqual(0);
  return JSON.parse(lines.slice(at + 1).join('\n'));
}

describe.concurrent('quickstep run (human output)', () => {
  it('finishes a 2-day Wait at once on the virtual clock, printing the nominal duration', async () => {
    // The spawn's 20 s timeout is the proof that no real time passes.
    const { code, stdout, stderr } = await quickstep(['run', `${fixtures}/long-wait.json`, '--fast-time']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual(['→ Cooling Wait', '✓ Cooling 2d 0h', '→ Done Pass', '✓ Done 0ms']);
    expect(stdout).toMatch(/^✓ SUCCEEDED in 2d 0h \(\d+ transitions; durable runtime, \d+ messages\)$/m);
    expect(printedOutput(stdout, /^✓ SUCCEEDED/)).toEqual({ cooled: true });
  });

  it('indents Map iterations and caps them: 100 items do not print 400 lines', async () => {
    const { code, stdout } = await quickstep(['run', `${fixtures}/wide-map.json`, '--fast-time']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThan(60);
    const iterationLines = lines.filter((line) => /^ {2}\[\d+\] [→✓] (Label|Keep) /.test(line));
    expect(iterationLines.length).toBeGreaterThan(0);
    expect(iterationLines.length).toBeLessThanOrEqual(25);
    expect(stdout).toMatch(/… more .* not shown/);
    expect(lines).toContain('→ Square Map');
    // The Map's duration is nominal (virtual) time; only that it is printed is asserted here.
    expect(lines.some((line) => /^✓ Square \d/.test(line))).toBe(true);
    expect(printedOutput(stdout, /^✓ SUCCEEDED/)).toEqual({ count: 100, last: { n: 100 } });
  });

  it('shows a failed execution: the Fail state, the FAILED line with error and cause, exit 1', async () => {
    const { code, stdout } = await quickstep(['run', `${fixtures}/fail-state.json`, '--fast-time']);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(['→ Check Pass', '✓ Check 0ms', '→ Reject Fail']);
    expect(stdout).toMatch(/^✗ FAILED in 0ms/m);
    expect(lines.at(-1)).toBe('OrderRejected: The order total is negative');
  });
});
