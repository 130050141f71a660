/**
 * Imports a user's handler module, JavaScript or TypeScript. A TypeScript file in a package
 * that is not `"type": "module"` is taken for CommonJS by the loader `quickstep` runs under
 * and fails to load; tsx's own import compiles it either way.
 */
import { pathToFileURL } from 'node:url';

const TYPESCRIPT = /\.[cm]?tsx?$/;

export async function importModule(file: string): Promise<Record<string, unknown>> {
  try {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    if (!TYPESCRIPT.test(file)) throw error;
    const { tsImport } = await import('tsx/esm/api');
    return (await tsImport(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
  }
}
