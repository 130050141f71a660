/** `quickstep validate <file>`: every problem at once, each with its JSON Pointer and code. */
import { describe, expect, it } from 'vitest';
import { fixtures, quickstep } from './run-quickstep.js';

describe.concurrent('quickstep validate', () => {
  it('accepts a valid JSON definition: exit 0 and one success line', async () => {
    const { code, stdout, stderr } = await quickstep(['validate', `${fixtures}/handlers.json`]);
    expect(code).toBe(0);
    expect(stdout).toBe(`✓ ${fixtures}/handlers.json is valid (3 states)\n`);
    expect(stderr).toBe('');
  });

  it('reads .yaml definitions as YAML, and --json prints {valid, problems}', async () => {
    const { code, stdout, stderr } = await quickstep(['validate', `${fixtures}/pipeline.yaml`, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ valid: true, problems: [] });
    expect(stderr).toBe('');
  });

  it('lists every problem on stderr with its pointer and code, and exits 2', async () => {
    const { code, stdout, stderr } = await quickstep(['validate', `${fixtures}/broken.json`]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`✗ ${fixtures}/broken.json: 2 problems`);
    expect(lines[1]).toMatch(/^ {2}\/States\/A\/Next {2}MISSING_TRANSITION_TARGET {2}.*"B"/);
    expect(lines[2]).toMatch(/^ {2}\/States\/C {2}UNREACHABLE_STATE {2}.*"C"/);
    expect(lines).toHaveLength(3);
  });

  it('--json on an invalid definition prints one object with every problem, and exits 2', async () => {
    const { code, stdout } = await quickstep(['validate', '--json', `${fixtures}/broken.json`]);
    expect(code).toBe(2);
    const report = JSON.parse(stdout);
    expect(report.valid).toBe(false);
    expect(report.problems).toEqual([
      { path: '/States/A/Next', code: 'MISSING_TRANSITION_TARGET', message: expect.stringContaining('"B"') },
      { path: '/States/C', code: 'UNREACHABLE_STATE', message: expect.stringContaining('"C"') },
    ]);
  });

  it('rejects a file that is neither JSON nor YAML with INVALID_JSON, exit 2', async () => {
    const { code, stdout, stderr } = await quickstep(['validate', `${fixtures}/not-a-definition.xml`]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('INVALID_JSON');
    expect(stderr).toMatch(/line 1, column 1/);
  });

  it('says clearly that a file does not exist, exit 2', async () => {
    const { code, stdout, stderr } = await quickstep(['validate', `${fixtures}/no-such-file.json`]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${fixtures}/no-such-file.json`);
    expect(stderr).toMatch(/no such file|not found|does not exist/i);
  });
});
