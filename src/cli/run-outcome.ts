/** What a run reports, whichever engine ran it. */
import type { Json } from '../asl/json.js';
import type { ExecutionStatus } from '../engine/types.js';

export interface RunOutcome {
  executionArn: string;
  status: ExecutionStatus;
  output?: Json;
  error?: string;
  cause?: string;
  startTime: number;
  stopTime?: number;
  /** States entered, Parallel branches and Map iterations included. */
  transitions: number;
  /** A line of detail for people: the driver, messages sent, injected crashes. */
  detail: string;
}
