/** The engine's public surface: pure functions over snapshots and events. */
export { step } from './step.js';
export { isPureState } from './pure-states.js';
export { startChildExecution, startExecution } from './start.js';
export { classify as classifyTaskResource } from './task-resource.js';
export type * from './types.js';
