import { parseTimestamp } from '../timestamp.js';
import type { WaitDuration, WaitState } from '../types.js';
import type { FieldReader } from './field-reader.js';
import { type StateHeader, readFilters, readTransition } from './read-common.js';
import { isExpressionField, readJsonataValue } from './read-jsonata.js';
import { readReferencePath } from './read-paths.js';
import { MAX_SECONDS } from './state-fields.js';

const DURATION_FIELDS = ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'] as const;
type DurationField = (typeof DURATION_FIELDS)[number];

export function readWaitState(fields: FieldReader, header: StateHeader): WaitState {
  const present = DURATION_FIELDS.filter((key) => fields.has(key));
  if (present.length !== 1) {
    fields.problems.add(
      fields.at,
      'WAIT_DURATION',
      `A Wait state needs exactly one of ${DURATION_FIELDS.join(', ')}; found ${present.length}`,
    );
  }
  // Each present field is still checked, so that all of its own problems are reported.
  const durations = present.map((key) => readDuration(fields, key, header.queryLanguage === 'JSONata'));
  return {
    ...header,
    type: 'Wait',
    ...readFilters(fields),
    transition: readTransition(fields),
    duration: durations[0] ?? { kind: 'Seconds', seconds: 0 },
  };
}

function readDuration(fields: FieldReader, key: DurationField, jsonata: boolean): WaitDuration | undefined {
  if (jsonata && (key === 'Seconds' || key === 'Timestamp') && isExpressionField(fields, key)) {
    const expression = readJsonataValue(fields, key);
    if (expression === undefined) return undefined;
    return key === 'Seconds'
      ? { kind: 'SecondsExpression', expression }
      : { kind: 'TimestampExpression', expression };
  }
  switch (key) {
    case 'Seconds': {
      const seconds = fields.integer(key, { min: 0, max: MAX_SECONDS });
      return seconds === undefined ? undefined : { kind: key, seconds };
    }
    case 'Timestamp': {
      const epochMs = readTimestamp(fields);
      return epochMs === undefined ? undefined : { kind: key, epochMs };
    }
    default: {
      const path = readReferencePath(fields, key);
      return path === undefined ? undefined : { kind: key, path };
    }
  }
}

function readTimestamp(fields: FieldReader): number | undefined {
  const text = fields.string('Timestamp');
  if (text === undefined) return undefined;
  const epochMs = parseTimestamp(text);
  if (epochMs === undefined) {
    fields.problems.add(
      fields.pointer('Timestamp'),
      'INVALID_TIMESTAMP',
      `"${text}" is not an RFC 3339 timestamp`,
    );
  }
  return epochMs;
}
