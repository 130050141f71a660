/** `--help` at every level names the options and the exit codes a script relies on. */
import { describe, expect, it } from 'vitest';
import { quickstep } from './run-quickstep.js';

describe.concurrent('quickstep --help', () => {
  it('lists the commands and the exit codes', async () => {
    const { code, stdout } = await quickstep(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: quickstep/m);
    expect(stdout).toMatch(/^\s+run .*<definition>/m);
    expect(stdout).toMatch(/^\s+validate .*<file>/m);
    // A script checks `$?`; the top-level page is where a user looks for what 0, 1 and 2 mean.
    expect(stdout).toMatch(/exit/i);
    expect(stdout).toMatch(/\b0\b.*SUCCEEDED|SUCCEEDED.*\b0\b/);
    expect(stdout).toMatch(/\b2\b.*(invalid|rejected)/i);
  });

  it('run --help lists every option and the exit codes', async () => {
    const { code, stdout, stderr } = await quickstep(['run', '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: quickstep run .*<definition>/m);
    for (const option of [
      '--input <json|@file>',
      '--functions <module>',
      '--json',
      '--memory',
      '--name <name>',
    ])
      expect(stdout).toContain(option);
    expect(stdout).toMatch(/Exit status: 0 SUCCEEDED, 1 FAILED\/TIMED_OUT\/ABORTED, 2 definition or input/);
  });

  it('validate --help lists its option and the exit codes', async () => {
    const { code, stdout, stderr } = await quickstep(['validate', '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: quickstep validate .*<file>/m);
    expect(stdout).toContain('--json');
    expect(stdout).toMatch(/Exit status: 0 valid, 2 invalid/);
  });
});
