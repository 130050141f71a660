import type { ChoiceRule } from '../choice/choice-rule.js';
import { compileChoiceRule } from '../choice/compile-choice-rule.js';
import { compileConditionRule } from '../choice/compile-condition-rule.js';
import { pointer } from '../problems.js';
import type { ChoiceState, ConditionRule } from '../types.js';
import type { FieldReader } from './field-reader.js';
import { type StateHeader, readFilters } from './read-common.js';

/** A Choice state: never terminal; rule and Default targets are checked by check-transitions. */
export function readChoiceState(fields: FieldReader, header: StateHeader): ChoiceState {
  fields.require('Choices', 'A Choice state');
  const choices: ChoiceRule[] = [];
  const conditions: ConditionRule[] = [];
  const rules = fields.array('Choices') ?? [];
  for (const [index, rule] of rules.entries()) {
    const at = pointer(fields.pointer('Choices'), index);
    if (header.queryLanguage === 'JSONata') {
      const compiled = compileConditionRule(rule, at, fields.problems);
      if (compiled) conditions.push(compiled);
    } else {
      const compiled = compileChoiceRule(rule, at, fields.problems);
      if (compiled) choices.push(compiled);
    }
  }
  const defaultState = fields.string('Default');
  return {
    ...header,
    type: 'Choice',
    ...readFilters(fields),
    choices,
    conditions,
    ...(defaultState === undefined ? {} : { default: defaultState }),
  };
}
