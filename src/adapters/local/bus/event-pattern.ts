/** EventBridge event patterns: compile once, match many times. */
import type { JsonObject } from '../../../asl/json.js';
import { compileEventPattern } from './compile-event-pattern.js';
import { matchesEventPattern } from './match-event-pattern.js';

export { compileEventPattern } from './compile-event-pattern.js';
export { matchesEventPattern } from './match-event-pattern.js';
export { type EventPattern, InvalidEventPatternError } from './pattern-types.js';

/** EventBridge's TestEventPattern: compiles `pattern` (throwing if invalid) and matches once. */
export function testEventPattern(pattern: unknown, event: JsonObject): boolean {
  return matchesEventPattern(compileEventPattern(pattern), event);
}
