/**
 * Errors that reach a person or a client. Each has a stable code, an HTTP status and a plain
 * sentence; anything else is an internal error whose details go to the log only.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (code: string, message: string) => new AppError(404, code, message);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
