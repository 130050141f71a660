/** `parseDefinitionText`: ASL as JSON (the default) or YAML text → the typed Definition and its problems. */
import { parseDocument } from 'yaml';
import { parseJson } from '../json.js';
import { describeJsonSyntaxError } from './json-syntax-error.js';
import { type ParseResult, parseDefinition } from './parse-definition.js';

export interface ParseTextOptions {
  format?: 'json' | 'yaml';
}

/** YAML aliases beyond this many are refused (a "billion laughs" document). */
const MAX_YAML_ALIASES = 100;

export function parseDefinitionText(text: string, options: ParseTextOptions = {}): ParseResult {
  if (typeof text !== 'string') return invalid('The definition text must be a string');
  const parsed = options.format === 'yaml' ? parseYaml(text) : parseJsonText(text);
  return 'error' in parsed ? invalid(parsed.error) : parseDefinition(parsed.value);
}

function invalid(message: string): ParseResult {
  return { problems: [{ path: '', code: 'INVALID_JSON', message }] };
}

function parseJsonText(text: string): { value: unknown } | { error: string } {
  try {
    return { value: parseJson(text) };
  } catch (error) {
    return { error: `Invalid JSON: ${describeJsonSyntaxError(text, error)}` };
  }
}

function parseYaml(text: string): { value: unknown } | { error: string } {
  try {
    // logLevel 'error': warnings (such as stringified non-string keys) are not printed.
    const document = parseDocument(text, { logLevel: 'error' });
    const [first] = document.errors;
    if (first !== undefined) return { error: `Invalid YAML: ${first.message.trim()}` };
    return { value: document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    // The parser throws on resource exhaustion (too many aliases, too deep a nesting).
    return { error: `Invalid YAML: ${error instanceof Error ? error.message : String(error)}` };
  }
}
