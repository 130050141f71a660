/** ValidateStateMachineDefinition through @aws-sdk/client-sfn: diagnostics with JSON Pointer locations. */
import { ValidateStateMachineDefinitionCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { useApi } from './api-harness.js';
import { doubleIt } from './fixtures/definitions.js';

const api = useApi();

describe('ValidateStateMachineDefinition', () => {
  it('answers OK with no diagnostics for a valid definition', async () => {
    const answer = await api.client.send(new ValidateStateMachineDefinitionCommand({ definition: doubleIt }));
    expect(answer).toMatchObject({ result: 'OK', diagnostics: [] });
  });

  it('answers FAIL with a diagnostic per problem: severity, code, message, JSON Pointer location', async () => {
    const definition = JSON.stringify({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'Missing' }, B: { Type: 'Wait', End: true } },
    });
    const answer = await api.client.send(new ValidateStateMachineDefinitionCommand({ definition }));
    expect(answer.result).toBe('FAIL');
    const locations = answer.diagnostics!.map((d) => [d.severity, d.code, d.location]);
    expect(locations).toContainEqual(['ERROR', 'MISSING_TRANSITION_TARGET', '/States/A/Next']);
    expect(locations).toContainEqual(['ERROR', 'WAIT_DURATION', '/States/B']);
    for (const diagnostic of answer.diagnostics!) expect(diagnostic.message).toBeTruthy();
  });

  it('reports text that is not JSON as a FAIL, not an error', async () => {
    const answer = await api.client.send(
      new ValidateStateMachineDefinitionCommand({ definition: '{"StartAt": ' }),
    );
    expect(answer.result).toBe('FAIL');
    expect(answer.diagnostics![0].code).toBe('INVALID_JSON');
  });
});
