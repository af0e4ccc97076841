/** Turns anything thrown into the Failure a dialect renders: the one place an error gets a status. */
import { HttpError } from '../http/errors.js';
import { DomainError, type DomainErrorKind, Unavailable } from '../ledger/errors.js';
import type { ErrorMap, Failure } from './dialect.js';

/** The statuses every dialect starts from (SPEC §4); a dialect overrides reasons, not this table. */
export const STANDARD_STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  idempotency_mismatch: 422,
  limit_exceeded: 422,
  unavailable: 503,
};

export function errorMap(reasons: ErrorMap['reasons'] = {}): ErrorMap {
  return { kinds: STANDARD_STATUS, reasons };
}

const issuesOf = (issues: Failure['issues']) => (issues?.length ? { issues } : {});

export function toFailure(error: unknown, map: ErrorMap): Failure {
  if (error instanceof DomainError) {
    return {
      status: map.reasons?.[error.reason] ?? map.kinds[error.kind],
      code: error.reason,
      message: error.message,
      ...issuesOf(error.issues),
      ...(error instanceof Unavailable ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  if (error instanceof HttpError) {
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      ...issuesOf(error.issues),
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  const status = (error as { statusCode?: number } | null)?.statusCode;
  // Errors raised by middy's body parser carry an HTTP status; it answers 415 for both a wrong
  // content type and malformed JSON, told apart by its message.
  const message = error instanceof Error ? error.message : '';
  if ((status === 415 && /malformed/i.test(message)) || status === 422) {
    return { status: 400, code: 'MALFORMED_JSON', message: 'Request body is not valid JSON' };
  }
  if (status === 415) return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Content-Type must be application/json' };
  if (status === 413) return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large' };
  // Anything else is an opaque 500: no stack or internals leave the function.
  return { status: 500, code: 'INTERNAL_ERROR', message: 'Internal error' };
}

/**
 * For dialect functions called outside the HTTP pipeline (tests, scripts): a domain error already
 * mapped to the dialect's status, as an HttpError; anything else unchanged.
 */
export function inDialectTerms(error: unknown, map: ErrorMap): unknown {
  if (!(error instanceof DomainError)) return error;
  const failure = toFailure(error, map);
  return new HttpError(failure.status, error.reason, failure.message, failure.issues, failure.retryAfterSeconds);
}
