/** What a durable runtime is wired with: its ports and its settings. */
import type { Clock, EventBus, ExecutionStore, MessageQueue, TaskInvoker } from '../ports.js';
import type { FaultInjector } from './fault-injector.js';

export interface RuntimePorts {
  store: ExecutionStore;
  queue: MessageQueue;
  bus: EventBus;
  invoker: TaskInvoker;
  clock: Clock;
  /** Uniform in [0, 1); seeded in tests and `--chaos` runs. */
  random?: () => number;
  /** Injected crashes between side effects (`--chaos`); none by default. */
  faults?: FaultInjector;
}

export interface RuntimeSettings {
  region: string;
  account: string;
  /** Days a finished execution and its items are kept (DynamoDB TTL). */
  retentionDays: number;
  /** Largest execution input, task output or callback output accepted, in bytes. */
  maxPayloadBytes: number;
  /** Pure states run per decision beyond the first (0 = one state per message). */
  fuseStates: number;
  /** EventBridge source and detail-type of status events. */
  eventSource: string;
  /** Delay of the repair message sent before an API-originated commit (start, stop, callbacks). */
  repairDelaySeconds: number;
}

export const DEFAULT_SETTINGS: RuntimeSettings = {
  region: 'us-east-1',
  account: '123456789012',
  retentionDays: 90,
  maxPayloadBytes: 256 * 1024,
  fuseStates: 0,
  eventSource: 'quickstep',
  repairDelaySeconds: 60,
};
