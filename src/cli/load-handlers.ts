/**
 * The local Lambda handlers of a run: those a serverless.yml declares, and the exports of a
 * `--functions` module. Both may be given; a `--functions` export wins over a declared
 * function of the same name, being the more explicit of the two.
 */
import { loadFunctions } from '../adapters/local/load-functions.js';
import type { LambdaHandler } from '../adapters/local/local-task-invoker.js';
import { loadServerlessFunctions } from '../adapters/local/load-serverless-functions.js';
import type { DevConfig } from './dev-config.js';

export async function loadHandlers(
  functionsModule: string | undefined,
  config: Pick<DevConfig, 'dir' | 'functions' | 'path'> | undefined,
): Promise<Map<string, LambdaHandler>> {
  const handlers = new Map<string, LambdaHandler>();
  if (config) {
    const declared = await loadServerlessFunctions(config.dir, config.functions).catch((error: Error) => {
      throw new Error(`${config.path}: ${error.message}`);
    });
    for (const [name, handler] of declared) handlers.set(name, handler);
  }
  if (functionsModule) {
    const exported = await loadFunctions(functionsModule).catch((error: unknown) => {
      throw new Error(`Cannot load --functions ${functionsModule}: ${String(error)}`);
    });
    for (const [name, handler] of exported) handlers.set(name, handler);
  }
  return handlers;
}
