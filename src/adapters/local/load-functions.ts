/** Loads a `--functions` module: each exported function is a Lambda handler named by its export. */
import { resolve } from 'node:path';
import { importModule } from './import-module.js';
import type { LambdaHandler } from './local-task-invoker.js';

export async function loadFunctions(modulePath: string): Promise<Map<string, LambdaHandler>> {
  const loaded = await importModule(resolve(modulePath));
  const handlers = new Map<string, LambdaHandler>();
  const collect = (source: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(source)) {
      if (typeof value === 'function' && name !== 'default') handlers.set(name, value as LambdaHandler);
    }
  };
  if (loaded.default && typeof loaded.default === 'object')
    collect(loaded.default as Record<string, unknown>);
  collect(loaded);
  return handlers;
}
