/** The README's Quick start is the truth: its first command must run and give the documented result. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executionArnPattern, quickstep, repoRoot } from './run-quickstep.js';

const example = 'examples/order-pipeline';
const args = [
  'run',
  `${example}/definition.json`,
  '--functions',
  `${example}/functions.ts`,
  '--input',
  `@${example}/input.json`,
];

// 1 × 89.50 + 2 × 19.25 + 3 × 4.00 = 140.00; a gold customer over 100 gets 10% off: 126.
const charged = 126;
const receipt = { orderId: 'ord-1001', charged, currency: 'EUR', status: 'PAID' };

describe.concurrent('README Quick start: the order pipeline', () => {
  it('has the input the expected charge is computed from', () => {
    const input = JSON.parse(readFileSync(join(repoRoot, example, 'input.json'), 'utf8'));
    const total = input.items.reduce(
      (sum: number, line: { quantity: number; price: number }) => sum + line.quantity * line.price,
      0,
    );
    expect({ total, tier: input.customer.tier }).toEqual({ total: 140, tier: 'gold' });
  });

  it('prints each state entered and left with its duration, then SUCCEEDED and the receipt', async () => {
    const { code, stdout, stderr } = await quickstep(args);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    for (const [state, type] of [
      ['ValidateOrder', 'Task'],
      ['CheckTotal', 'Choice'],
      ['ApplyDiscount', 'Pass'],
      ['ReserveItems', 'Map'],
      ['ChargePayment', 'Task'],
      ['Done', 'Succeed'],
    ]) {
      expect(lines).toContain(`→ ${state} ${type}`);
      expect(stdout).toMatch(new RegExp(`^✓ ${state} \\d`, 'm'));
    }
    // Each line's first attempt is busy; the retry waits 2 s, two lines at a time.
    // Real time here (the README's command has no --fast-time): about 4 s, never less.
    expect(lines.some((line) => /^✓ ReserveItems 4\.\ds$/.test(line))).toBe(true);
    expect(lines.filter((line) => /^ {2}\[\d\] ✗ \w+ StockServiceBusy$/.test(line))).toHaveLength(3);
    expect(lines.filter((line) => /^ {2}\[\d\] ✓ ReserveStock 2\.\ds$/.test(line))).toHaveLength(3);
    const status = lines.findIndex((line) => /^✓ SUCCEEDED in 4\.\ds/.test(line));
    expect(status).toBeGreaterThan(0);
    expect(JSON.parse(lines.slice(status + 1).join('\n'))).toEqual(receipt);
  });

  it('with --json prints one JSON object even where colours are forced (as on CI)', async () => {
    const { code, stdout } = await quickstep([...args, '--json'], { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      executionArn: expect.stringMatching(executionArnPattern('order-pipeline')),
      status: 'SUCCEEDED',
      output: receipt,
    });
  });
});
