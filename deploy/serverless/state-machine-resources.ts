/**
 * Each declared state machine becomes a custom resource served by the registrar function:
 * the definition is registered at deploy time as a new immutable version, so a deploy never
 * changes an execution in flight (I4). CloudFormation resolves the substitution values
 * (`!GetAtt OrderLambdaFunction.Arn`), and the registrar puts them into the definition, as
 * Step Functions' DefinitionSubstitutions do.
 */
import { type CfnResource, getAtt } from './cfn.js';
import type { StateMachineDeclaration } from './config.js';
import { REGISTRAR_FUNCTION } from './logical-ids.js';

export const STATE_MACHINE_RESOURCE_TYPE = 'Custom::QuickstepStateMachine';

export function stateMachineResource(machine: StateMachineDeclaration): CfnResource {
  return {
    Type: STATE_MACHINE_RESOURCE_TYPE,
    Properties: {
      ServiceToken: getAtt(REGISTRAR_FUNCTION, 'Arn'),
      Name: machine.name,
      // A string: CloudFormation hands custom resources every scalar as text, which would
      // turn `"TimeoutSeconds": 5` into "5" inside an object.
      Definition: machine.definition,
      DefinitionSubstitutions: machine.substitutions,
      Type: machine.type,
    },
  };
}
