/**
 * `quickstep run --config serverless.yml`: the Lambda functions a serverless.yml declares
 * (`handler: path/file.export`, relative to it) are the local handlers, by key and by deployed
 * name, alone or with a --functions module.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, quickstep } from './run-quickstep.js';

let folder: string;

const serverlessYml = `service: billing
functions:
  addTax:
    handler: src/tax.addTax
  round-total:
    handler: src/tax.roundTotal
    name: billing-round
`;

const taxModule = `export const addTax = async (event) => ({ ...event, total: event.net * 1.2 });
export function roundTotal(event) { return { total: Math.round(event.total) }; }
`;

/** A bare ARN by key, then lambda:invoke by the explicit deployed name. */
const definition = {
  StartAt: 'AddTax',
  States: {
    AddTax: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:addTax',
      Next: 'Round',
    },
    Round: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'billing-round', 'Payload.$': '$' },
      OutputPath: '$.Payload',
      End: true,
    },
  },
};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'quickstep-run-config-'));
  await mkdir(join(folder, 'src'));
  await writeFile(join(folder, 'serverless.yml'), serverlessYml);
  await writeFile(join(folder, 'src', 'tax.mjs'), taxModule);
  await writeFile(join(folder, 'billing.json'), JSON.stringify(definition));
});

afterAll(() => rm(folder, { recursive: true, force: true }));

describe('quickstep run --config', () => {
  it("calls the serverless.yml's handlers by function key and by deployed name", async () => {
    const { code, stdout } = await quickstep([
      'run',
      join(folder, 'billing.json'),
      '--config',
      join(folder, 'serverless.yml'),
      '--input',
      '{"net":10.4}',
      '--json',
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'SUCCEEDED', output: { total: 12 } });
    expect(code).toBe(0);
  });

  it('takes a --functions module as well', async () => {
    const both = {
      StartAt: 'AddTax',
      States: {
        AddTax: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:addTax',
          Next: 'Double',
        },
        Double: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:double',
          Parameters: { 'value.$': '$.total' },
          End: true,
        },
      },
    };
    await writeFile(join(folder, 'both.json'), JSON.stringify(both));
    const { code, stdout } = await quickstep([
      'run',
      join(folder, 'both.json'),
      '--config',
      join(folder, 'serverless.yml'),
      '--functions',
      `${fixtures}/functions.ts`,
      '--input',
      '{"net":5}',
      '--json',
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'SUCCEEDED', output: { doubled: 12 } });
    expect(code).toBe(0);
  });

  it('refuses a handler whose module or export is missing, running nothing', async () => {
    const broken = join(folder, 'broken.yml');
    await writeFile(broken, 'functions:\n  ghost:\n    handler: src/tax.vanish\n');
    const { code, stderr, stdout } = await quickstep([
      'run',
      join(folder, 'billing.json'),
      '--config',
      broken,
      '--json',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('functions.ghost');
    expect(stderr).toContain('"vanish"');
    expect(stdout).toBe('');
  });
});
