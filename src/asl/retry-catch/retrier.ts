/** A compiled retrier of a `Retry` array. */
export interface Retrier {
  errorEquals: string[];
  intervalSeconds: number;
  maxAttempts: number;
  backoffRate: number;
  maxDelaySeconds?: number;
  jitterStrategy: 'FULL' | 'NONE';
}

/** The largest MaxDelaySeconds Step Functions accepts (366 days). */
export const MAX_DELAY_SECONDS = 31_622_400;
