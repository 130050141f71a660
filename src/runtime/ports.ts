/** The ports through which the runtime reaches the world. Adapters implement them. */
import type { Json } from '../asl/json.js';
import type { TaskPattern } from '../engine/types.js';

export interface TaskRequest {
  executionId: string;
  stateName: string;
  resource: string;
  pattern: TaskPattern;
  parameters: Json;
  taskToken?: string;
  idempotencyKey: string;
  timeoutSeconds?: number;
}

/** A task's outcome. Spec errors are data; a thrown exception is an infrastructure fault. */
export type TaskResult = { ok: true; output: Json } | { ok: false; error: string; cause: string };

export interface TaskInvoker {
  invoke(request: TaskRequest): Promise<TaskResult>;
}
