/** How Lambda reports a function error: error = errorType, cause = the JSON error object. */
export interface LambdaError {
  error: string;
  cause: string;
}

export function lambdaError(thrown: unknown): LambdaError {
  if (thrown instanceof Error) {
    const errorType = thrown.name || 'Error';
    const trace = (thrown.stack ?? '').split('\n').map((line) => line.trim());
    return { error: errorType, cause: JSON.stringify({ errorMessage: thrown.message, errorType, trace }) };
  }
  const errorType = typeof thrown;
  return { error: errorType, cause: JSON.stringify({ errorMessage: String(thrown), errorType, trace: [] }) };
}
