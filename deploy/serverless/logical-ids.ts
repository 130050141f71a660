/** Logical ids of what serverless.yml and the plugin create, named once. */
import { pascalCase } from './cfn.js';

export const TABLE = 'QuickstepTable';
export const START_QUEUE = 'StartQueue';
export const ADVANCE_QUEUE = 'AdvanceQueue';
export const ADVANCE_ROLE = 'AdvanceRole';
/** osls names a function's resource `{Name}LambdaFunction`. */
export const ADVANCE_FUNCTION = 'AdvanceLambdaFunction';
export const REGISTRAR_FUNCTION = 'RegistrarLambdaFunction';
export const START_QUEUE_POLICY = 'QuickstepStartQueuePolicy';
export const ADVANCE_TASK_POLICY = 'QuickstepAdvanceTaskPolicy';

export const stateMachineId = (name: string) => `QuickstepStateMachine${pascalCase(name)}`;
export const eventRuleId = (name: string, index: number) =>
  `QuickstepStateMachine${pascalCase(name)}EventRule${index + 1}`;
