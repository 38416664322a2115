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
    /**
     * The reason in the words of what failed underneath (a decoder's), for callers that put the
     * error in their own words, as the command line does. Never sent to clients: `message` is.
     */
    readonly detail?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (code: string, message: string) => new AppError(404, code, message);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * Sizes in the sentences of errors: "20 MB", "953.7 MB", "16 KB" under a megabyte (a 16 KB limit
 * read as "0.1 MB"). Rounded up, so a body just over a limit never reads as the limit itself.
 */
export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil((bytes / 1024) * 10) / 10} KB`;
  return `${Math.ceil((bytes / 1024 / 1024) * 10) / 10} MB`;
}
