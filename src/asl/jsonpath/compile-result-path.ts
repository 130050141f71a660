import type { CompileResult, ResultPath } from './path.js';

/** STUB (owner: jsonpath helper) — compiles a ResultPath (a Reference Path over the input). */
export function compileResultPath(text: string): CompileResult<ResultPath> {
  throw new Error(`not implemented: compileResultPath(${text})`);
}
