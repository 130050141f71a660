/**
 * Loads the Lambda handlers a serverless.yml declares: `handler: path/to/file.exportName`,
 * the path relative to the serverless.yml and without extension, as osls and esbuild read it.
 * Each handler is registered under every name a definition may call it by.
 */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { importModule } from './import-module.js';
import type { LambdaHandler } from './local-task-invoker.js';

export interface DeclaredFunction {
  /** The key under `functions:`. */
  key: string;
  /** `path/to/file.exportName`. */
  handler: string;
  /** The names a task may use: the key, and the deployed name when known. */
  names: string[];
}

/** The extensions esbuild would try, TypeScript first. */
const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs', '.cjs', '.tsx', '.jsx'];

export async function loadServerlessFunctions(
  baseDir: string,
  functions: DeclaredFunction[],
): Promise<Map<string, LambdaHandler>> {
  const handlers = new Map<string, LambdaHandler>();
  for (const fn of functions) {
    const dot = fn.handler.lastIndexOf('.');
    const exportName = fn.handler.slice(dot + 1);
    const file = await moduleFile(resolve(baseDir, fn.handler.slice(0, dot)));
    if (!file)
      throw new Error(
        `functions.${fn.key}: no module for handler "${fn.handler}" (tried ${EXTENSIONS.join(', ')} next to ${baseDir})`,
      );
    const loaded = await importModule(file);
    const fromDefault = loaded.default as Record<string, unknown> | undefined;
    const handler =
      loaded[exportName] ?? (typeof fromDefault === 'object' ? fromDefault?.[exportName] : undefined);
    if (typeof handler !== 'function')
      throw new Error(`functions.${fn.key}: ${file} has no function export "${exportName}"`);
    for (const name of fn.names) handlers.set(name, handler as LambdaHandler);
  }
  return handlers;
}

async function moduleFile(base: string): Promise<string | undefined> {
  for (const candidate of [base, ...EXTENSIONS.map((ext) => `${base}${ext}`)]) {
    if (candidate === base && !/\.[cm]?[jt]sx?$/.test(base)) continue;
    try {
      await access(candidate);
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}
