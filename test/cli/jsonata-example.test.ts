/** The README's JSONata example: variables, a Choice Condition, Map Items and Output, no Lambda. */
import { describe, expect, it } from 'vitest';
import { quickstep } from './run-quickstep.js';

const args = [
  'run',
  'examples/jsonata-order/definition.json',
  '--input',
  '@examples/order-pipeline/input.json',
  '--json',
];

const receipt = {
  orderId: 'ord-1001',
  lines: ['1. KB-01 89.50 EUR', '2. MS-02 38.50 EUR', '3. CB-03 12.00 EUR'],
  total: 140,
  charged: 126,
  currency: 'EUR',
};

describe.concurrent('README: the JSONata order example', () => {
  it('gives the documented receipt on the durable runtime', async () => {
    const { code, stdout } = await quickstep(args);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'SUCCEEDED', output: receipt });
  });

  it('gives the same receipt on the in-memory driver', async () => {
    const { code, stdout } = await quickstep([...args, '--memory']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).output).toEqual(receipt);
  });
});
