/**
 * ValidateStateMachineDefinition: every problem the parser finds, as diagnostics with the
 * JSON Pointer of the offending field as their location. Nothing is stored.
 */
import { parseDefinitionText } from '../../asl/index.js';
import type { Operation } from '../api-context.js';
import { optionalEnum, optionalInteger, requiredString } from '../request-fields.js';

export const validateStateMachineDefinition: Operation = async (_api, body) => {
  const definition = requiredString(body, 'definition', { max: 1024 * 1024 });
  optionalEnum(body, 'type', ['STANDARD', 'EXPRESS'] as const);
  // Every problem Quickstep reports is an ERROR, which both severity thresholds keep: checked only.
  optionalEnum(body, 'severity', ['ERROR', 'WARNING'] as const);
  const maxResults = optionalInteger(body, 'maxResults', { min: 0, max: 100 }) || 100;
  const { problems } = parseDefinitionText(definition);
  const diagnostics = problems.slice(0, maxResults).map((problem) => ({
    severity: 'ERROR',
    code: problem.code,
    message: problem.message,
    location: problem.path,
  }));
  return {
    result: problems.length === 0 ? 'OK' : 'FAIL',
    diagnostics,
    truncated: problems.length > maxResults,
  };
};
