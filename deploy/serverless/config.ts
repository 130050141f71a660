/**
 * `custom.quickstep` in serverless.yml, read and checked once: every state machine with its
 * definition text, substitutions and start events; the task permissions of the advance role.
 * Names follow the serverless-step-functions plugin where they fit (`definition`,
 * `definitionSubstitutions`, `events: [eventBridge | schedule]`).
 */
import { type CfnValue, isObject } from './cfn.js';

export type StartEvent =
  | {
      kind: 'eventBridge';
      pattern: CfnValue;
      eventBusName?: CfnValue;
      input?: CfnValue;
      inputPath?: string;
      enabled: boolean;
    }
  | { kind: 'schedule'; expression: CfnValue; input?: CfnValue; enabled: boolean };

export interface StateMachineDeclaration {
  name: string;
  /** The definition's JSON text, `${Name}` placeholders still in it. */
  definition: string;
  substitutions: { [key: string]: CfnValue };
  type: 'STANDARD' | 'EXPRESS';
  events: StartEvent[];
}

export interface QuickstepConfig {
  stateMachines: StateMachineDeclaration[];
  /** Lambda functions tasks may invoke, beyond those the definitions reference. */
  invoke: CfnValue[];
  /** IAM statements added to the advance role as they are (integration targets). */
  taskPermissions: CfnValue[];
  /** Seconds the advance function may run. */
  advanceTimeout: number;
}

export class QuickstepConfigError extends Error {
  constructor(path: string, problem: string) {
    super(`custom.quickstep${path}: ${problem}`);
    this.name = 'QuickstepConfigError';
  }
}

const NAME = /^[A-Za-z0-9_-]{1,80}$/;

export function readConfig(quickstep: unknown): QuickstepConfig {
  const config = isObject(quickstep) ? quickstep : {};
  const machines = config.stateMachines ?? {};
  if (!isObject(machines))
    throw new QuickstepConfigError('.stateMachines', 'must be a map of name → machine');
  return {
    stateMachines: Object.entries(machines).map(([name, value]) => readStateMachine(name, value)),
    invoke: listOf(config.invoke, '.invoke'),
    taskPermissions: listOf(config.taskPermissions, '.taskPermissions'),
    advanceTimeout: Number(config.advanceTimeout ?? 300),
  };
}

function listOf(value: CfnValue | undefined, path: string): CfnValue[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new QuickstepConfigError(path, 'must be a list');
  return value;
}

function readStateMachine(name: string, value: CfnValue): StateMachineDeclaration {
  const path = `.stateMachines.${name}`;
  if (!NAME.test(name))
    throw new QuickstepConfigError(path, 'a state machine name has 1-80 letters, digits, - or _');
  if (!isObject(value)) throw new QuickstepConfigError(path, 'must be a map with a definition');
  const substitutions = value.definitionSubstitutions ?? {};
  if (!isObject(substitutions))
    throw new QuickstepConfigError(`${path}.definitionSubstitutions`, 'must be a map of name → value');
  const type = value.type ?? 'STANDARD';
  if (type !== 'STANDARD' && type !== 'EXPRESS')
    throw new QuickstepConfigError(`${path}.type`, 'is STANDARD or EXPRESS');
  const events = listOf(value.events, `${path}.events`);
  return {
    name,
    definition: definitionText(value.definition, `${path}.definition`),
    substitutions,
    type,
    events: events.map((event, index) => readEvent(event, `${path}.events[${index}]`)),
  };
}

function definitionText(definition: CfnValue | undefined, path: string): string {
  if (isObject(definition)) return JSON.stringify(definition);
  if (typeof definition === 'string') {
    try {
      if (isObject(JSON.parse(definition))) return definition;
    } catch {
      // reported below
    }
  }
  throw new QuickstepConfigError(
    path,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: osls variable syntax, shown to the user
    'must be an object, e.g. ${file(path/to/definition.json)}, or JSON text',
  );
}

function readEvent(event: CfnValue, path: string): StartEvent {
  if (isObject(event) && event.eventBridge !== undefined) {
    const spec = event.eventBridge;
    if (!isObject(spec)) throw new QuickstepConfigError(`${path}.eventBridge`, 'must be a map');
    const pattern = spec.pattern ?? spec.event;
    if (!isObject(pattern))
      throw new QuickstepConfigError(`${path}.eventBridge`, 'needs an event pattern (`pattern` or `event`)');
    if (spec.inputPath !== undefined && typeof spec.inputPath !== 'string')
      throw new QuickstepConfigError(`${path}.eventBridge.inputPath`, 'must be a JSON path such as $.detail');
    return {
      kind: 'eventBridge',
      pattern,
      eventBusName: spec.eventBusName ?? undefined,
      input: spec.input ?? undefined,
      inputPath: spec.inputPath ?? undefined,
      enabled: spec.enabled !== false,
    };
  }
  if (isObject(event) && event.schedule !== undefined) {
    const spec = event.schedule;
    if (typeof spec === 'string') return { kind: 'schedule', expression: spec, enabled: true };
    if (!isObject(spec) || spec.rate === undefined)
      throw new QuickstepConfigError(`${path}.schedule`, 'is rate(…)/cron(…) or a map with `rate`');
    return {
      kind: 'schedule',
      expression: spec.rate,
      input: spec.input ?? undefined,
      enabled: spec.enabled !== false,
    };
  }
  throw new QuickstepConfigError(path, 'is { eventBridge: {...} } or { schedule: ... }');
}
