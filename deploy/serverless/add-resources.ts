/**
 * What the plugin adds to the compiled template: per state machine its registration and
 * start rules, the start queue's policy for those rules, the advance role's task policy; and
 * the advance queue's visibility timeout, kept longer than the advance function may run.
 */
import type { CfnTemplate } from './cfn.js';
import type { QuickstepConfig } from './config.js';
import { eventRule, startQueuePolicy } from './event-rules.js';
import {
  ADVANCE_FUNCTION,
  ADVANCE_QUEUE,
  ADVANCE_TASK_POLICY,
  START_QUEUE_POLICY,
  eventRuleId,
  stateMachineId,
} from './logical-ids.js';
import { stateMachineResource } from './state-machine-resources.js';
import { taskPolicy } from './task-permissions.js';

/** Margin between the advance function's timeout and its queue's visibility timeout. */
const VISIBILITY_MARGIN_SECONDS = 30;

export function addQuickstepResources(template: CfnTemplate, config: QuickstepConfig): void {
  const resources = template.Resources;
  const ruleIds: string[] = [];
  for (const machine of config.stateMachines) {
    resources[stateMachineId(machine.name)] = stateMachineResource(machine);
    machine.events.forEach((event, index) => {
      const id = eventRuleId(machine.name, index);
      resources[id] = eventRule(machine, event, index);
      ruleIds.push(id);
    });
  }
  if (ruleIds.length > 0) resources[START_QUEUE_POLICY] = startQueuePolicy(ruleIds);

  const policy = taskPolicy(config);
  const advance = resources[ADVANCE_FUNCTION];
  if (policy) {
    resources[ADVANCE_TASK_POLICY] = policy;
    // The function may not run a task before it is allowed to.
    if (advance) advance.DependsOn = [...dependsOn(advance.DependsOn), ADVANCE_TASK_POLICY];
  }
  const queue = resources[ADVANCE_QUEUE];
  if (queue?.Properties) {
    queue.Properties.VisibilityTimeout = config.advanceTimeout + VISIBILITY_MARGIN_SECONDS;
  }
}

function dependsOn(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
