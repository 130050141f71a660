/** What the runtime's pieces share: ports, settings, definitions, and the engine's env. */
import { randomBytes } from 'node:crypto';
import type { Env } from '../../engine/types.js';
import type { AdvanceMessage } from '../ports.js';
import { DefinitionCache } from './definitions.js';
import { noFaults, type FaultInjector } from './fault-injector.js';
import { DEFAULT_SETTINGS, type RuntimePorts, type RuntimeSettings } from './runtime-config.js';

export interface HandleResult {
  applied: boolean;
  reason?: string;
}

export class RuntimeContext {
  readonly definitions: DefinitionCache;
  readonly settings: RuntimeSettings;
  readonly faults: FaultInjector;
  readonly env: Env;
  /** Set by the runtime: the decide–commit–perform loop, for results applied inline. */
  handleMessage: (message: AdvanceMessage, rootMessageId?: string) => Promise<HandleResult> = async () => ({
    applied: false,
  });

  constructor(
    readonly ports: RuntimePorts,
    settings: Partial<RuntimeSettings> = {},
  ) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.definitions = new DefinitionCache(ports.store);
    this.faults = ports.faults ?? noFaults;
    const random = ports.random ?? Math.random;
    this.env = {
      now: () => ports.clock.now(),
      random,
      taskToken: () => randomBytes(32).toString('base64url'),
    };
  }
}
