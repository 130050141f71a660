import { compileReferencePath } from '../jsonpath/compile-path.js';
import type { ReferencePath } from '../jsonpath/path.js';
import type { MapState, QueryLanguage } from '../types.js';
import type { FieldReader } from './field-reader.js';
import { type StateHeader, readFilters, readTransition } from './read-common.js';
import type { ReadContext } from './read-context.js';
import { readItemProcessor } from './read-item-processor.js';
import { readReferencePath, readResultPath, readTemplate, readValueOrPath } from './read-paths.js';
import { readRetryCatch } from './read-retry-catch.js';

export function readMapState(
  fields: FieldReader,
  header: StateHeader,
  context: ReadContext,
  language: QueryLanguage,
): MapState {
  // ItemSelector replaced Parameters in Map states; either is accepted, never both.
  fields.conflict('ItemSelector', 'Parameters');
  const label = fields.string('Label');
  return {
    ...header,
    type: 'Map',
    ...readFilters(fields),
    transition: readTransition(fields),
    ...readItemProcessor(fields, context, language),
    itemsPath: readReferencePath(fields, 'ItemsPath', '$') ?? rootPath(),
    itemSelector: readTemplate(fields, fields.has('ItemSelector') ? 'ItemSelector' : 'Parameters'),
    maxConcurrency: readValueOrPath(fields, 'MaxConcurrency', (key) => fields.integer(key, { min: 0 })) ?? {
      value: 0,
    },
    toleratedFailureCount: readValueOrPath(fields, 'ToleratedFailureCount', (key) =>
      fields.integer(key, { min: 0 }),
    ),
    toleratedFailurePercentage: readValueOrPath(fields, 'ToleratedFailurePercentage', (key) =>
      fields.number(key, 0, 100),
    ),
    resultSelector: readTemplate(fields, 'ResultSelector'),
    resultPath: readResultPath(fields),
    ...readRetryCatch(fields),
    ...(label === undefined ? {} : { label }),
  };
}

/** `$`, standing in for an ItemsPath that failed to compile (a problem is already recorded). */
function rootPath(): ReferencePath {
  const root = compileReferencePath('$');
  return root.ok
    ? root.value
    : { kind: 'reference', text: '$', readsContext: false, read: (scope) => scope.input };
}
