/**
 * The one error type services throw for expected failures. Route handlers and server actions map
 * it to an HTTP status or a form message; anything else is a bug and is logged, never shown.
 */
export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_INPUT: 422,
  RATE_LIMITED: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Field-level messages for forms, keyed by field name. */
  readonly fieldErrors: Record<string, string>;
  /** Itemised problems, for input too large for field errors (an import file's bad records). */
  readonly details: readonly string[];

  constructor(code: ErrorCode, message: string, fieldErrors: Record<string, string> = {}, details: readonly string[] = []) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** What a form or an API client is shown for a failure: an AppError's message, or a generic one. */
export interface ErrorPayload {
  code: ErrorCode | "INTERNAL";
  message: string;
  fieldErrors: Record<string, string>;
  details?: readonly string[];
  /** For an unexpected failure: the id under which it was logged with its stack, to quote when reporting it. */
  requestId?: string;
}

export function toErrorPayload(error: unknown): ErrorPayload {
  if (isAppError(error)) {
    return { code: error.code, message: error.message, fieldErrors: error.fieldErrors, ...(error.details.length > 0 && { details: error.details }) };
  }
  const requestId = crypto.randomUUID();
  console.error(`[workbench] unexpected error, request id ${requestId}:`, error instanceof Error ? (error.stack ?? error) : error);
  return {
    code: "INTERNAL",
    message: `Something went wrong on our side. Nothing was saved; please try again. If it happens again, quote request id ${requestId}.`,
    fieldErrors: {},
    requestId,
  };
}
