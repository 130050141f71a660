/**
 * `quickstep run --json`: stdout is exactly one JSON object, the exit code says how the
 * execution ended, and local handlers behave as Lambda functions do.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { executionArnPattern, fixtures, once, quickstep } from './run-quickstep.js';

const markers = mkdtempSync(join(tmpdir(), 'quickstep-cli-'));
afterAll(() => rmSync(markers, { recursive: true, force: true }));

const functions = `${fixtures}/functions.ts`;

describe.concurrent('quickstep run --json', () => {
  const handlersRun = once(() =>
    quickstep(
      [
        'run',
        `${fixtures}/handlers.json`,
        '--functions',
        functions,
        '--input',
        '{"name":"Ada","value":21}',
        '--json',
      ],
      { QUICKSTEP_TEST_MARKER: join(markers, 'ran.json') },
    ),
  );

  it('prints exactly one JSON object with the ARN, status and output, and exits 0', async () => {
    const { code, stdout, stderr } = await handlersRun();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(Object.keys(summary).sort()).toEqual(['executionArn', 'output', 'status']);
    expect(summary.executionArn).toMatch(executionArnPattern('handlers'));
    expect(summary.status).toBe('SUCCEEDED');
  });

  it('calls sync and async handlers: a bare ARN returns the result, lambda:invoke the envelope', async () => {
    const { output } = JSON.parse((await handlersRun()).stdout);
    expect(output.greet).toEqual({ greeting: 'Hello, Ada' });
    expect(output.invoke).toEqual({
      ExecutedVersion: '$LATEST',
      Payload: { doubled: 42 },
      SdkHttpMetadata: { HttpHeaders: { 'x-amzn-RequestId': expect.any(String) }, HttpStatusCode: 200 },
      SdkResponseMetadata: { RequestId: expect.any(String) },
      StatusCode: 200,
    });
    // The marker handler ran, so its absence elsewhere means nothing ran.
    expect(JSON.parse(readFileSync(join(markers, 'ran.json'), 'utf8'))).toMatchObject({ name: 'Ada' });
  });

  it('rejects an invalid definition before running anything: problems on stderr, exit 2', async () => {
    const marker = join(markers, 'invalid-definition.json');
    const { code, stdout, stderr } = await quickstep(
      ['run', `${fixtures}/invalid-with-task.json`, '--functions', functions, '--json'],
      { QUICKSTEP_TEST_MARKER: marker },
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/\/States\/Touch\/Next {2}MISSING_TRANSITION_TARGET/);
    expect(stderr).toMatch(/\/States\/Orphan {2}UNREACHABLE_STATE/);
    expect(existsSync(marker)).toBe(false);
  });

  it('rejects --input that is not JSON before running anything, exit 2', async () => {
    const marker = join(markers, 'bad-input.json');
    const { code, stdout, stderr } = await quickstep(
      ['run', `${fixtures}/handlers.json`, '--functions', functions, '--input', '{bad', '--json'],
      { QUICKSTEP_TEST_MARKER: marker },
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Input is not valid JSON/);
    expect(existsSync(marker)).toBe(false);
  });

  it('rejects --input @file when the file is missing, naming it, exit 2', async () => {
    const { code, stdout, stderr } = await quickstep([
      'run',
      `${fixtures}/handlers.json`,
      '--input',
      `@${fixtures}/missing.json`,
      '--json',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`Cannot read input file ${fixtures}/missing.json`);
  });

  it('rejects a --functions module that cannot be loaded, exit 2', async () => {
    const { code, stdout, stderr } = await quickstep([
      'run',
      `${fixtures}/handlers.json`,
      '--functions',
      `${fixtures}/no-such-module.ts`,
      '--json',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`Cannot load --functions ${fixtures}/no-such-module.ts`);
  });

  it('exits 1 when a Fail state ends the execution, with its error and cause', async () => {
    const { code, stdout } = await quickstep(['run', `${fixtures}/fail-state.json`, '--json']);
    expect(code).toBe(1);
    const summary = JSON.parse(stdout);
    expect(summary).toEqual({
      executionArn: expect.stringMatching(executionArnPattern('fail-state')),
      status: 'FAILED',
      error: 'OrderRejected',
      cause: 'The order total is negative',
    });
  });

  it("uses a thrown Error subclass's name as the error: Catch matches it, uncaught it fails the run", async () => {
    const { code, stdout } = await quickstep([
      'run',
      `${fixtures}/custom-errors.json`,
      '--functions',
      functions,
      '--input',
      '{"amount":12}',
      '--json',
    ]);
    expect(code).toBe(1);
    const summary = JSON.parse(stdout);
    // PaymentDeclined was caught by name (else it would be the error); FraudSuspected was not.
    expect(summary.status).toBe('FAILED');
    expect(summary.error).toBe('FraudSuspected');
    expect(JSON.parse(summary.cause)).toEqual({
      errorMessage: 'Too many orders from one card',
      errorType: 'FraudSuspected',
      trace: expect.arrayContaining([expect.stringContaining('FraudSuspected')]),
    });
  });

  it('runs a YAML definition with --memory, an @file input and --name', async () => {
    const { code, stdout, stderr } = await quickstep([
      'run',
      `${fixtures}/pipeline.yaml`,
      '--memory',
      '--functions',
      functions,
      '--input',
      `@${fixtures}/vip-input.json`,
      '--name',
      'vip-run',
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      executionArn: 'arn:aws:states:us-east-1:123456789012:execution:pipeline:vip-run',
      status: 'SUCCEEDED',
      output: 'Hello, Grace',
    });
  });

  it('keeps stdout one JSON object when a handler logs with console.log', async () => {
    const { code, stdout } = await quickstep([
      'run',
      `${fixtures}/logging.json`,
      '--functions',
      functions,
      '--input',
      '{"step":"one"}',
      '--json',
    ]);
    expect(code).toBe(0);
    // On Lambda a handler's logs go to CloudWatch; here they belong on stderr, not in the result.
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(JSON.parse(stdout).output).toEqual({ logged: 'one' });
  });

  it('treats a usage error as rejected input: exit 2, not 1 (which means the execution failed)', async () => {
    const { code, stdout, stderr } = await quickstep(['run', `${fixtures}/fail-state.json`, '--jsno']);
    expect(stderr).toMatch(/unknown option '--jsno'/);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });
});
