/**
 * What the metered counts would cost on AWS (us-east-1 list prices, shared/reference
 * step-functions.md §10), per million state transitions, next to Step Functions Standard.
 * Counts are measured; the Lambda duration and the batching of receives are assumptions,
 * stated in ASSUMPTIONS and printed with the table.
 */
import type { DurableMeasurement } from './durable-run.js';

export const PRICES = {
  /** SQS standard, per request (each 64 KB of payload is a request). */
  sqsRequest: 0.4e-6,
  /** DynamoDB on-demand, per write request unit (1 KB) and read request unit (4 KB, strong). */
  wru: 0.625e-6,
  rru: 0.125e-6,
  /** Lambda arm64, per GB-second and per request. */
  lambdaGbSecond: 0.0000133334,
  lambdaRequest: 0.2e-6,
  /** EventBridge custom event (64 KB). */
  event: 1e-6,
  /** Step Functions Standard, per state transition. */
  stepFunctionsTransition: 25e-6,
} as const;

export const ASSUMPTIONS = {
  /**
   * The advance function: arm64 at serverless.yml's 1,024 MB, 40 ms billed per message it
   * handles (about four DynamoDB/SQS round trips of a few ms, plus the step itself).
   */
  lambdaMemoryGb: 1,
  lambdaSecondsPerMessage: 0.04,
  /** SQS event source batches at volume: one ReceiveMessage and one DeleteMessageBatch per 10. */
  messagesPerBatch: 10,
} as const;

export interface CostPerMillion {
  sqs: number;
  dynamoWrites: number;
  dynamoReads: number;
  lambda: number;
  eventBridge: number;
  total: number;
}

/** Dollars per million transitions, from one measured run. */
export function costPerMillion(run: DurableMeasurement): CostPerMillion {
  const { sends, dynamo, messagesHandled, events, transitions } = run;
  const batches = messagesHandled / ASSUMPTIONS.messagesPerBatch;
  const sqs = (sends.requests + 2 * batches) * PRICES.sqsRequest;
  const dynamoWrites = (dynamo.wru + dynamo.gsiWru) * PRICES.wru;
  const dynamoReads = dynamo.rru * PRICES.rru;
  const gbSeconds = messagesHandled * ASSUMPTIONS.lambdaMemoryGb * ASSUMPTIONS.lambdaSecondsPerMessage;
  const lambda = gbSeconds * PRICES.lambdaGbSecond + batches * PRICES.lambdaRequest;
  const eventBridge = events * PRICES.event;
  const perMillion = 1e6 / transitions;
  const parts = { sqs, dynamoWrites, dynamoReads, lambda, eventBridge };
  const scaled = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v * perMillion])) as Omit<
    CostPerMillion,
    'total'
  >;
  const total = Object.values(scaled).reduce((sum, value) => sum + value, 0);
  return { ...scaled, total };
}

export const stepFunctionsPerMillion = () => PRICES.stepFunctionsTransition * 1e6;

export function describeAssumptions(): string {
  const a = ASSUMPTIONS;
  const mb = a.lambdaMemoryGb * 1024;
  const ms = a.lambdaSecondsPerMessage * 1000;
  return [
    `- SQS $0.40/M requests: the sends counted (SendMessageBatch of up to 10, a request per 64 KB), plus a`,
    `  ReceiveMessage and a DeleteMessageBatch per ${a.messagesPerBatch} messages handled (Lambda's SQS batches at volume).`,
    '- DynamoDB on-demand: $0.625/M WRU and $0.125/M RRU, on the units counted.',
    `- Lambda arm64 $0.0000133334/GB-s + $0.20/M requests: the advance function at ${mb} MB (serverless.yml)`,
    `  billed ${ms} ms per message handled, one invocation per ${a.messagesPerBatch} messages; at 256 MB its column is a quarter.`,
    "  Task code's own Lambda cost is left out (Step Functions leaves it out too); a request-response",
    '  task adds its duration to the advance function.',
    '- EventBridge $1/M status events. Step Functions Standard: $25/M transitions.',
  ].join('\n');
}
