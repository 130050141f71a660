/** Errors of the control operations, named as the Step Functions API names them. */
export class QuickstepError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

export const invalidToken = (detail: string) =>
  new QuickstepError('InvalidToken', `Invalid token: ${detail}`);
export const taskDoesNotExist = () =>
  new QuickstepError('TaskDoesNotExist', 'Task does not exist: no open task has this token.');
export const taskTimedOut = () =>
  new QuickstepError(
    'TaskTimedOut',
    'Task Timed Out: the task for this token has already completed or timed out.',
  );
