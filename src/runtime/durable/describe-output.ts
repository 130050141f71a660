/**
 * A nested execution as `states:startExecution.sync` returns it: DescribeExecution's shape,
 * Input and Output as JSON text (`.sync`) or as JSON values (`.sync:2`).
 */
import type { JsonObject } from '../../asl/json.js';
import type { ExecutionRecord } from '../ports.js';

export function describeOutput(
  record: ExecutionRecord,
  stateMachineArn: string,
  parsed: boolean,
): JsonObject {
  const { snapshot } = record;
  const input = snapshot.execution.input;
  const output = snapshot.output;
  const described: JsonObject = {
    ExecutionArn: record.id,
    StateMachineArn: stateMachineArn,
    Name: record.name,
    Status: record.status,
    StartDate: record.startDate,
    Input: parsed ? input : JSON.stringify(input),
    InputDetails: { Included: true },
  };
  if (record.stopDate !== undefined) described.StopDate = record.stopDate;
  if (output !== undefined) {
    described.Output = parsed ? output : JSON.stringify(output);
    described.OutputDetails = { Included: true };
  }
  if (snapshot.error !== undefined) described.Error = snapshot.error;
  if (snapshot.cause !== undefined) described.Cause = snapshot.cause;
  return described;
}
