/** Retry and Catch of Task, Parallel and Map, compiled by the retry-catch module. */
import { type Catcher, type Retrier, compileCatchers, compileRetriers } from '../retry-catch.js';
import type { QueryLanguage } from '../types.js';
import type { FieldReader } from './field-reader.js';

export function readRetryCatch(
  fields: FieldReader,
  language: QueryLanguage,
): { retry: Retrier[]; catch: Catcher[] } {
  const { problems } = fields;
  return {
    retry: fields.has('Retry') ? compileRetriers(fields.raw('Retry'), fields.pointer('Retry'), problems) : [],
    // Catch targets are checked with the machine's other transitions (check-transitions).
    catch: fields.has('Catch')
      ? compileCatchers(fields.raw('Catch'), fields.pointer('Catch'), problems, language)
      : [],
  };
}
