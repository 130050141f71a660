/**
 * Fields that most state types share: the header (with QueryLanguage, Assign and Output),
 * InputPath/OutputPath, Next/End.
 */
import type { JsonataTemplate } from '../jsonata/jsonata-template.js';
import type { Path } from '../jsonpath/path.js';
import type { Assign, QueryLanguage, Transition } from '../types.js';
import { compileAssign } from '../variables/assign.js';
import type { FieldReader } from './field-reader.js';
import { readJsonataValue } from './read-jsonata.js';
import { readFilterPath } from './read-paths.js';

export interface StateHeader {
  name: string;
  pointer: string;
  comment?: string;
  queryLanguage: QueryLanguage;
  assign?: Assign;
  output?: JsonataTemplate;
}

/** Fields the checks left out (forbidden here) are absent from `fields` by now. */
export function readHeader(fields: FieldReader, name: string, queryLanguage: QueryLanguage): StateHeader {
  const header: StateHeader = { name, pointer: fields.at, queryLanguage };
  const comment = fields.string('Comment');
  if (comment !== undefined) header.comment = comment;
  const assign = compileAssign(
    fields.raw('Assign'),
    fields.pointer('Assign'),
    queryLanguage,
    fields.problems,
  );
  if (assign) header.assign = assign;
  const output = readJsonataValue(fields, 'Output');
  if (output) header.output = output;
  return header;
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

/** QueryLanguage of a machine or state: within JSONata, nothing may go back to JSONPath. */
export function readQueryLanguage(fields: FieldReader, inherited: QueryLanguage): QueryLanguage {
  const value = fields.raw('QueryLanguage');
  if (value === undefined) return inherited;
  if (value === 'JSONPath' && inherited === 'JSONata') {
    fields.problems.add(
      fields.pointer('QueryLanguage'),
      'FORBIDDEN_FIELD',
      'QueryLanguage JSONPath is not allowed where the state machine uses JSONata',
    );
    return 'JSONata';
  }
  if (value === 'JSONPath' || value === 'JSONata') return value;
  fields.invalid('QueryLanguage', '"JSONPath" or "JSONata"');
  return inherited;
}
