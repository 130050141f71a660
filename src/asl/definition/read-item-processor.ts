/** A Map state's ItemProcessor (or its legacy alias Iterator) and its ProcessorConfig. */
import { isJsonObject } from '../json.js';
import type { MapState, QueryLanguage, StateMachine } from '../types.js';
import { FieldReader } from './field-reader.js';
import { type ReadContext, emptyMachine } from './read-context.js';

const CONFIG_FIELDS: ReadonlySet<string> = new Set(['Mode', 'ExecutionType']);

export function readItemProcessor(
  fields: FieldReader,
  context: ReadContext,
  language: QueryLanguage,
): { processor: StateMachine; mode: MapState['mode'] } {
  fields.conflict('ItemProcessor', 'Iterator');
  const key = fields.has('ItemProcessor') ? 'ItemProcessor' : fields.has('Iterator') ? 'Iterator' : undefined;
  if (key === undefined) {
    fields.problems.add(
      fields.pointer('ItemProcessor'),
      'MISSING_FIELD',
      'A Map state requires ItemProcessor (or its legacy alias Iterator)',
    );
    return { processor: emptyMachine(fields.pointer('ItemProcessor'), language), mode: 'INLINE' };
  }
  const raw = fields.raw(key) ?? null;
  const at = fields.pointer(key);
  const mode = isJsonObject(raw) ? readProcessorConfig(new FieldReader(raw, at, fields.problems)) : 'INLINE';
  return { processor: context.readMachine(raw, at, 'processor', language), mode };
}

function readProcessorConfig(processor: FieldReader): MapState['mode'] {
  const config = processor.object('ProcessorConfig');
  if (config === undefined) return 'INLINE';
  const fields = new FieldReader(config, processor.pointer('ProcessorConfig'), processor.problems);
  for (const key of Object.keys(config)) {
    if (!CONFIG_FIELDS.has(key)) {
      fields.problems.add(fields.pointer(key), 'UNKNOWN_FIELD', `${key} is not a field of ProcessorConfig`);
    }
  }
  const mode = fields.oneOf('Mode', ['INLINE', 'DISTRIBUTED'] as const) ?? 'INLINE';
  fields.oneOf('ExecutionType', ['STANDARD', 'EXPRESS'] as const);
  if (mode === 'DISTRIBUTED') fields.require('ExecutionType', 'A DISTRIBUTED ProcessorConfig');
  return mode;
}
