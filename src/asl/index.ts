/** The public surface of src/asl: what the engine, the runtime and the CLI use. */
export { parseDefinition, type ParseResult } from './definition/parse-definition.js';
export { parseDefinitionText, type ParseTextOptions } from './definition/parse-definition-text.js';
export type * from './types.js';
export { Problems, pointer, type Problem, type ProblemCode } from './problems.js';
export { StatesError, StatesErrorName, isPredefinedErrorName, type ErrorOutput } from './errors.js';
export { type Json, type JsonObject, getOwn, isJsonObject, parseJson, setOwn } from './json.js';
export type { Scope } from './scope.js';
export type { CompileResult, Path, ReferencePath, ResultPath } from './jsonpath/path.js';
export type { PayloadTemplate } from './payload-template.js';
export type { ChoiceRule } from './choice/choice-rule.js';
export {
  type Catcher,
  type Retrier,
  errorMatches,
  findCatcher,
  isTerminalError,
  findRetrier,
  retryDelayMs,
} from './retry-catch.js';
