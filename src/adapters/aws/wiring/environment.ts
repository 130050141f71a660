/**
 * The functions' configuration, from the environment serverless.yml sets. A missing required
 * variable is a deployment mistake, reported by name at the first invocation.
 */
import type { RuntimeSettings } from '../../../runtime/durable/runtime-config.js';

export interface QuickstepEnvironment {
  tableName: string;
  advanceQueueUrl: string;
  eventBusName: string;
  /** Where the dead-letter function keeps each message it has handled. */
  archiveQueueUrl?: string;
  /** The advance queue's maxReceiveCount: how often a dead letter was tried. */
  maxReceiveCount: number;
  settings: Partial<RuntimeSettings>;
}

type Env = Record<string, string | undefined>;

export function readEnvironment(env: Env = process.env): QuickstepEnvironment {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`Quickstep is not configured: the environment variable ${name} is not set`);
    return value;
  };
  const number = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value)) throw new Error(`Quickstep: ${name} must be a number, not "${env[name]}"`);
    return value;
  };
  const settings: Partial<RuntimeSettings> = {
    retentionDays: number('QUICKSTEP_RETENTION_DAYS', 90),
    maxPayloadBytes: number('QUICKSTEP_MAX_PAYLOAD_BYTES', 256 * 1024),
    fuseStates: number('QUICKSTEP_FUSE_STATES', 0),
  };
  if (env.AWS_REGION) settings.region = env.AWS_REGION;
  if (env.QUICKSTEP_ACCOUNT) settings.account = env.QUICKSTEP_ACCOUNT;
  return {
    tableName: required('QUICKSTEP_TABLE'),
    advanceQueueUrl: required('QUICKSTEP_ADVANCE_QUEUE_URL'),
    eventBusName: env.QUICKSTEP_EVENT_BUS || 'default',
    archiveQueueUrl: env.QUICKSTEP_ARCHIVE_QUEUE_URL || undefined,
    maxReceiveCount: number('QUICKSTEP_MAX_RECEIVE_COUNT', 5),
    settings,
  };
}
