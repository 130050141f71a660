/**
 * States.Format: the template's `{}` placeholders are replaced, in order, by the other
 * arguments; their count must equal the number of placeholders. A literal template is parsed
 * once, when the call is compiled; its errors still surface when the call runs, as on AWS.
 */
import type { Json } from '../../json.js';
import type { IntrinsicArgument } from '../ast.js';
import { ANY, type IntrinsicFunction, type IntrinsicRun } from '../function-types.js';
import { type CallSite, invalidArguments } from '../intrinsic-failure.js';
import { type FormatTemplate, parseFormatTemplate } from './format-template.js';
import { formatValue } from './format-value.js';

function render(template: FormatTemplate | { error: string }, args: readonly Json[], site: CallSite): string {
  if ('error' in template) throw invalidArguments(site, `invalid template: ${template.error}`);
  const values = args.length - 1;
  if (values !== template.placeholders) {
    throw invalidArguments(
      site,
      `the template has ${template.placeholders} placeholder(s) {}, but ${values} value(s) were given`,
    );
  }
  let text = template.pieces[0];
  for (let i = 1; i <= values; i++) text += formatValue(args[i]) + template.pieces[i];
  return text;
}

const runWithTemplateValue: IntrinsicRun = (args, _scope, site) =>
  render(parseFormatTemplate(args[0] as string), args, site);

export const statesFormat: IntrinsicFunction = {
  name: 'States.Format',
  minArgs: 1,
  maxArgs: Number.POSITIVE_INFINITY,
  argTypes: [['string'], ANY],
  run: runWithTemplateValue,
  specialize: (args: readonly IntrinsicArgument[]): IntrinsicRun => {
    const first = args[0];
    if (first?.kind !== 'literal' || first.raw === undefined) return runWithTemplateValue;
    const template = parseFormatTemplate(first.raw);
    return (values, _scope, site) => render(template, values, site);
  },
};
