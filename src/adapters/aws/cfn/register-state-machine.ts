/**
 * The registrar: a `Custom::QuickstepStateMachine` resource registers its definition, with
 * its DefinitionSubstitutions put in, as the state machine's current version. Versions are
 * immutable and content-addressed, so running executions keep theirs (I4). Delete removes the
 * state machine's head only: executions in flight still finish.
 */
import { QuickstepError } from '../../../runtime/errors.js';
import type { DurableRuntime } from '../../../runtime/durable/runtime.js';
import type { CustomResourceEvent, CustomResourceResult } from './custom-resource.js';

const PREFIX = 'quickstep:stateMachine:';

export async function registerStateMachine(
  runtime: DurableRuntime,
  event: CustomResourceEvent,
): Promise<CustomResourceResult> {
  if (event.RequestType === 'Delete') return deleteStateMachine(runtime, event);
  const properties = event.ResourceProperties;
  const name = String(properties.Name ?? '');
  const failedId = event.PhysicalResourceId ?? `failed:${event.RequestId}`;
  if (typeof properties.Definition !== 'string')
    return { status: 'FAILED', physicalResourceId: failedId, reason: 'Definition must be JSON text' };
  const definition = substitute(properties.Definition, properties.DefinitionSubstitutions);
  try {
    const record = await runtime.deployStateMachine({
      name,
      definition,
      type: properties.Type === 'EXPRESS' ? 'EXPRESS' : 'STANDARD',
    });
    return {
      status: 'SUCCESS',
      physicalResourceId: `${PREFIX}${name}`,
      data: { Arn: record.arn, Name: record.name, VersionId: record.versionId },
    };
  } catch (error) {
    if (!(error instanceof QuickstepError)) throw error;
    return { status: 'FAILED', physicalResourceId: failedId, reason: `${error.code}: ${error.message}` };
  }
}

async function deleteStateMachine(
  runtime: DurableRuntime,
  event: CustomResourceEvent,
): Promise<CustomResourceResult> {
  const id = event.PhysicalResourceId ?? '';
  // A resource whose create failed was never registered: nothing to delete.
  if (id.startsWith(PREFIX)) await runtime.deleteStateMachine(id.slice(PREFIX.length));
  return { status: 'SUCCESS', physicalResourceId: id || `failed:${event.RequestId}` };
}

/** Step Functions' DefinitionSubstitutions: each `${Name}` with a value is replaced by it. */
export function substitute(definition: string, substitutions: unknown): string {
  if (typeof substitutions !== 'object' || substitutions === null) return definition;
  const values = substitutions as { [key: string]: unknown };
  return definition.replace(/\$\{([A-Za-z0-9_.-]+)\}/g, (placeholder, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : placeholder,
  );
}
