/** The one error type every layer throws; each API's dialect renders it into its own envelope. */
export type ErrorCode =
  | 'VALIDATION_ERROR'
  | 'MALFORMED_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INTERNAL_ERROR'
  // accounts dialect codes (seed 001)
  | 'MISSING_DIMENSION'
  | 'FUTURE_DATE'
  | 'FUTURE_TIME'
  | 'STATEMENT_SETTLED'
  | 'PAYMENT_NOT_FOUND'
  | 'PAYMENT_ALREADY_REVERSED'
  // gateway search codes (seed 002: extended codes 4601, 4501; Caja's 4502)
  | 'INVALID_FILTER'
  | 'MINIMUM_FIELDS'
  | 'SEARCH_TOO_BROAD';

export interface FieldIssue {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: readonly FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, issues?: FieldIssue[], code: ErrorCode = 'VALIDATION_ERROR') =>
  new AppError(400, code, message, issues);
export const unauthorized = (message = 'Missing or invalid access token') => new AppError(401, 'UNAUTHORIZED', message);
export const forbidden = (message = 'Not allowed for this role') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (what: string, code: ErrorCode = 'NOT_FOUND') => new AppError(404, code, `${what} not found`);
export const conflict = (message: string, code: ErrorCode = 'CONFLICT') => new AppError(409, code, message);

/** Anything thrown that is not an AppError becomes an opaque 500: no stack or internals leave the function. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const status = (error as { statusCode?: number } | null)?.statusCode;
  // Errors raised by middy's body parser carry an HTTP status; it answers 415 for both a wrong
  // content type and malformed JSON, told apart by its message.
  const message = error instanceof Error ? error.message : '';
  if ((status === 415 && /malformed/i.test(message)) || status === 422) {
    return new AppError(400, 'MALFORMED_JSON', 'Request body is not valid JSON');
  }
  if (status === 415) return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json');
  if (status === 413) return new AppError(413, 'PAYLOAD_TOO_LARGE', 'Request body is too large');
  return new AppError(500, 'INTERNAL_ERROR', 'Internal error');
}
