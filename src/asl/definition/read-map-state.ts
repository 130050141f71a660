import { compileReferencePath } from '../jsonpath/compile-path.js';
import type { ReferencePath } from '../jsonpath/path.js';
import type { Count, MapState, QueryLanguage } from '../types.js';
import type { FieldReader } from './field-reader.js';
import { type StateHeader, readFilters, readTransition } from './read-common.js';
import type { ReadContext } from './read-context.js';
import { readItemProcessor } from './read-item-processor.js';
import { isExpressionField, readExpression, readJsonataValue } from './read-jsonata.js';
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
  const jsonata = header.queryLanguage === 'JSONata';
  return {
    ...header,
    type: 'Map',
    ...readFilters(fields),
    transition: readTransition(fields),
    ...readItemProcessor(fields, context, language),
    itemsPath: readReferencePath(fields, 'ItemsPath', '$') ?? rootPath(),
    itemSelector: jsonata
      ? undefined
      : readTemplate(fields, fields.has('ItemSelector') ? 'ItemSelector' : 'Parameters'),
    itemSelectorExpression: jsonata ? readJsonataValue(fields, 'ItemSelector') : undefined,
    items: readItems(fields),
    maxConcurrency: readCount(fields, jsonata, 'MaxConcurrency', (key) =>
      fields.integer(key, { min: 0 }),
    ) ?? {
      value: 0,
    },
    toleratedFailureCount: readCount(fields, jsonata, 'ToleratedFailureCount', (key) =>
      fields.integer(key, { min: 0 }),
    ),
    toleratedFailurePercentage: readCount(fields, jsonata, 'ToleratedFailurePercentage', (key) =>
      fields.number(key, 0, 100),
    ),
    resultSelector: readTemplate(fields, 'ResultSelector'),
    resultPath: readResultPath(fields),
    ...readRetryCatch(fields, header.queryLanguage),
    ...(label === undefined ? {} : { label }),
  };
}

/** A count given as a number, a reference path (`key`Path), or a JSONata expression. */
function readCount(
  fields: FieldReader,
  jsonata: boolean,
  key: string,
  readValue: (key: string) => number | undefined,
): Count | undefined {
  if (jsonata && isExpressionField(fields, key)) return readExpression(fields, key);
  return readValueOrPath(fields, key, readValue);
}

/** JSONata Items: an array (its elements may hold expressions) or one expression. */
function readItems(fields: FieldReader) {
  const raw = fields.raw('Items');
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) && !isExpressionField(fields, 'Items')) {
    return fields.invalid('Items', 'an array or a JSONata expression ({% … %})');
  }
  return readJsonataValue(fields, 'Items');
}

/** `$`, standing in for an ItemsPath that failed to compile (a problem is already recorded). */
function rootPath(): ReferencePath {
  const root = compileReferencePath('$');
  return root.ok
    ? root.value
    : { kind: 'reference', text: '$', readsContext: false, read: (scope) => scope.input };
}
