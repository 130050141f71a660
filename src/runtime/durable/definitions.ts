/** Parsed definition versions, cached by version id (content hash, so never stale). */
import { parseDefinitionText } from '../../asl/index.js';
import type { Definition } from '../../asl/types.js';
import type { ExecutionStore } from '../ports.js';

export class DefinitionCache {
  private readonly parsed = new Map<string, Definition>();

  constructor(private readonly store: ExecutionStore) {}

  async get(stateMachineName: string, versionId: string): Promise<Definition> {
    const cached = this.parsed.get(versionId);
    if (cached) return cached;
    const version = await this.store.getDefinitionVersion(stateMachineName, versionId);
    if (!version) throw new Error(`Definition version ${versionId} of ${stateMachineName} is missing`);
    const { definition, problems } = parseDefinitionText(version.definition);
    if (!definition)
      throw new Error(`Stored definition ${versionId} is invalid: ${JSON.stringify(problems)}`);
    this.parsed.set(versionId, definition);
    return definition;
  }

  /** A definition just validated by createStateMachine: no need to read it back. */
  remember(versionId: string, definition: Definition): void {
    this.parsed.set(versionId, definition);
  }
}
