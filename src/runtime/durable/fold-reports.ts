/**
 * Which messages of a queue batch are decided together: children's reports (`ChildCompleted`)
 * to the same parent, so that a Map of a thousand iterations commits its parent about once
 * per batch instead of once per iteration. Everything else is handled alone, in batch order.
 */
import type { AdvanceMessage } from '../ports.js';

export function foldGroups<T>(records: T[], messageOf: (record: T) => AdvanceMessage): T[][] {
  const groups: T[][] = [];
  const reportsTo = new Map<string, T[]>();
  for (const record of records) {
    const message = messageOf(record);
    if (message.event.type !== 'ChildCompleted' || message.dueTime !== undefined) {
      groups.push([record]);
      continue;
    }
    const group = reportsTo.get(message.executionId);
    if (group) group.push(record);
    else {
      const fresh = [record];
      reportsTo.set(message.executionId, fresh);
      groups.push(fresh);
    }
  }
  return groups;
}
