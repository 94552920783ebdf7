/**
 * Typed errors with a stable code and a retry decision, so that every edge (HTTP, worker,
 * CLI) decides the same way whether to answer, retry, or give up.
 */
export interface AppErrorOptions {
  /** HTTP status to answer with when this error reaches a route. */
  status?: number;
  /** Whether doing the same thing again later may succeed (429, 5xx, network). */
  retryable?: boolean;
  /** Milliseconds the caller should wait before a retry, when the cause said so (Retry-After). */
  retryAfterMs?: number;
  cause?: unknown;
  /** Safe, non-secret details for logs and admin-facing reasons. */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status ?? 500;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
    this.details = options.details;
  }
}

/** True when `error` is an {@link AppError} that says a later attempt may succeed. */
export function isRetryable(error: unknown): boolean {
  return error instanceof AppError ? error.retryable : false;
}
