import type { AppError } from '../api/errors';

interface Props {
  error: AppError;
  onOpenSettings: () => void;
  onRetry?: () => void;
}

/** One plain sentence per failure, with the one action that helps; never a stack trace or raw response. */
export function ErrorMessage({ error, onOpenSettings, onRetry }: Props) {
  const needsKey = error.code === 'invalid_key' || error.code === 'no_credentials';
  const canRetry = !!onRetry && (error.code === 'unreachable' || error.code === 'rate_limited' || error.code === 'server_error');
  return (
    <div class="error" role="alert" data-code={error.code}>
      <p>{error.message}</p>
      {needsKey && (
        <button type="button" class="button" onClick={onOpenSettings}>
          Open settings
        </button>
      )}
      {canRetry && (
        <button type="button" class="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
