import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../../src/asl/json.js';
import { executionRecord, historyEvent, nextRecord, useStore } from './store-fixtures.js';

const h = useStore('store-data-fidelity');

function nested(depth: number): Json {
  let value: Json = { bottom: [depth, 'deep'] };
  for (let level = 0; level < depth; level++) value = level % 2 ? { [`level${level}`]: value } : [value];
  return value;
}

/** User data that a DynamoDB map or a careless decoder would not keep as it was. */
const awkward = JSON.parse(
  JSON.stringify({
    '': 'empty key',
    constructor: { prototype: { polluted: true } },
    nested: nested(100),
    numbers: [0.1, 1e21, 2 ** 53 - 1, -1.5e-7, 123456789.12345679],
    strings: ['', ' ', 'null', '\u0000\u2028', 'ünïcødé ✓ 🚀'],
    empties: [{}, [], null, false],
  }).replace('{', '{"__proto__":{"polluted":true},'),
) as JsonObject;

describe('user data round-trips exactly', () => {
  it('keeps __proto__, constructor and empty keys, 100 levels of nesting and numbers', async () => {
    expect(Object.hasOwn(awkward, '__proto__')).toBe(true);
    const record = executionRecord({ name: 'awkward', input: awkward });
    await h.store.createExecution(record);
    const read = await h.store.getExecution(record.id);
    // Compared as JSON text (key order, number spelling): vitest's toStrictEqual compares
    // `.constructor`, which an own `constructor` key makes unequal between two copies.
    expect(JSON.stringify(read)).toBe(JSON.stringify(record));
    const input = read?.snapshot.execution.input as JsonObject;
    expect(Object.hasOwn(input, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(JSON.stringify(input)).toBe(JSON.stringify(awkward));
  });

  it('through a commit too', async () => {
    const record = executionRecord({ name: 'awkward-commit' });
    await h.store.createExecution(record);
    const next = nextRecord(record, { input: awkward });
    await h.store.commitExecution(next, 0);
    const read = await h.store.getExecution(record.id);
    expect(JSON.stringify(read?.snapshot.output)).toBe(JSON.stringify(awkward));
  });

  it('and in history event details', async () => {
    const event = historyEvent(7, { input: awkward, output: nested(100) });
    await h.store.putHistory('ex-awkward', [event]);
    const [read] = (await h.store.getHistory('ex-awkward')).items;
    expect(JSON.stringify(read)).toBe(JSON.stringify(event));
    expect(Object.hasOwn(read.details?.input as JsonObject, '__proto__')).toBe(true);
  });
});
