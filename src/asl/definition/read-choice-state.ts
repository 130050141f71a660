import type { ChoiceRule } from '../choice/choice-rule.js';
import { compileChoiceRule } from '../choice/compile-choice-rule.js';
import { pointer } from '../problems.js';
import type { ChoiceState } from '../types.js';
import type { FieldReader } from './field-reader.js';
import { type StateHeader, readFilters } from './read-common.js';

/** A Choice state: never terminal; rule and Default targets are checked by check-transitions. */
export function readChoiceState(fields: FieldReader, header: StateHeader): ChoiceState {
  fields.require('Choices', 'A Choice state');
  const choices: ChoiceRule[] = [];
  const rules = fields.array('Choices') ?? [];
  for (const [index, rule] of rules.entries()) {
    const compiled = compileChoiceRule(rule, pointer(fields.pointer('Choices'), index), fields.problems);
    if (compiled) choices.push(compiled);
  }
  const defaultState = fields.string('Default');
  return {
    ...header,
    type: 'Choice',
    ...readFilters(fields),
    choices,
    ...(defaultState === undefined ? {} : { default: defaultState }),
  };
}
