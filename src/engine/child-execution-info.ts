/**
 * What a child execution keeps of the execution-wide facts. The execution's input can be
 * large and a Map may have thousands of children: a child whose machine never reads the
 * context object (`$$`) does not carry a copy of it.
 */
import type { Json } from '../asl/json.js';
import type { Definition } from '../asl/types.js';
import type { ExecutionInfo } from './types.js';

const readsContext = new WeakMap<Definition, Map<string, boolean>>();

export function childExecutionInfo(
  definition: Definition,
  machineId: string,
  execution: ExecutionInfo,
): ExecutionInfo {
  return machineReadsContext(definition, machineId) ? execution : { ...execution, input: null };
}

function machineReadsContext(definition: Definition, machineId: string): boolean {
  let byMachine = readsContext.get(definition);
  if (!byMachine) readsContext.set(definition, (byMachine = new Map()));
  let reads = byMachine.get(machineId);
  if (reads === undefined) {
    reads = JSON.stringify(at(definition.source, machineId) ?? definition.source).includes('$$');
    byMachine.set(machineId, reads);
  }
  return reads;
}

/** The value at a JSON Pointer (RFC 6901), or undefined. */
function at(source: Json, pointer: string): Json | undefined {
  let value: Json | undefined = source;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (value === null || typeof value !== 'object') return undefined;
    value = Array.isArray(value) ? value[Number(key)] : Object.hasOwn(value, key) ? value[key] : undefined;
  }
  return value;
}
