/** The context object (`$$`) as a state sees it. */
import type { Json, JsonObject } from '../asl/json.js';
import type { Position, Snapshot } from './types.js';

export interface ContextExtras {
  taskToken?: string;
  mapItem?: { index: number; value: Json; key?: string };
}

export function contextObject(
  snapshot: Snapshot,
  position: Position,
  extras: ContextExtras = {},
): JsonObject {
  const { execution } = snapshot;
  const context: JsonObject = {
    Execution: {
      Id: execution.id,
      Input: execution.input,
      Name: execution.name,
      RoleArn: execution.roleArn,
      StartTime: new Date(execution.startTime).toISOString(),
      RedriveCount: execution.redriveCount,
    },
    State: {
      EnteredTime: new Date(position.enteredTime).toISOString(),
      Name: position.state,
      RetryCount: position.retryCounts.reduce((sum, count) => sum + count, 0),
    },
    StateMachine: { Id: execution.stateMachineId, Name: execution.stateMachineName },
  };
  if (extras.taskToken !== undefined) context.Task = { Token: extras.taskToken };
  if (extras.mapItem) {
    const item: JsonObject = { Index: extras.mapItem.index, Value: extras.mapItem.value };
    if (extras.mapItem.key !== undefined) item.Key = extras.mapItem.key;
    context.Map = { Item: item };
  }
  return context;
}
