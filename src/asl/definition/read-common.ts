/** Fields that most state types share: the header, InputPath/OutputPath, Next/End, QueryLanguage. */
import type { Path } from '../jsonpath/path.js';
import type { QueryLanguage, Transition } from '../types.js';
import type { FieldReader } from './field-reader.js';
import { readFilterPath } from './read-paths.js';

export interface StateHeader {
  name: string;
  pointer: string;
  comment?: string;
}

export function readHeader(fields: FieldReader, name: string): StateHeader {
  const comment = fields.string('Comment');
  return comment === undefined ? { name, pointer: fields.at } : { name, pointer: fields.at, comment };
}

export function readFilters(fields: FieldReader): { inputPath: Path | null; outputPath: Path | null } {
  return { inputPath: readFilterPath(fields, 'InputPath'), outputPath: readFilterPath(fields, 'OutputPath') };
}

/** Next or End (exactly one). Target existence is checked per machine by check-transitions. */
export function readTransition(fields: FieldReader): Transition {
  const next = fields.string('Next', { nonEmpty: true });
  const end = fields.boolean('End');
  if (end === false) fields.invalid('End', 'true (to continue, set Next instead)');
  if (fields.has('Next') && fields.has('End')) {
    fields.problems.add(fields.at, 'NEXT_AND_END', 'A state cannot have both Next and End');
  } else if (!fields.has('Next') && !fields.has('End')) {
    fields.problems.add(fields.at, 'NO_TRANSITION', 'A state of this type needs Next or "End": true');
  }
  return next === undefined ? { end: true } : { next };
}

/** QueryLanguage of a machine or state; JSONata is valid ASL that Quickstep does not run yet. */
export function readQueryLanguage(fields: FieldReader, inherited: QueryLanguage): QueryLanguage {
  const value = fields.raw('QueryLanguage');
  if (value === undefined) return inherited;
  if (value === 'JSONPath') return 'JSONPath';
  if (value === 'JSONata') {
    fields.problems.add(
      fields.pointer('QueryLanguage'),
      'UNSUPPORTED_FEATURE',
      'QueryLanguage JSONata is not supported yet',
    );
    return 'JSONata';
  }
  fields.invalid('QueryLanguage', '"JSONPath" or "JSONata"');
  return inherited;
}
