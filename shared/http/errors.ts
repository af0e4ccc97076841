/**
 * Request-level failures found before any use case runs (malformed JSON, wrong content type, body
 * too large, a field failing its schema): HTTP facts, so they carry their status. Domain errors
 * (shared/ledger/errors.ts) carry none; both are rendered by the route's dialect.
 */
import type { FieldIssue, Reason } from '../ledger/errors.js';

export type RequestErrorCode = 'VALIDATION_ERROR' | 'MALFORMED_JSON' | 'UNSUPPORTED_MEDIA_TYPE' | 'PAYLOAD_TOO_LARGE' | 'INTERNAL_ERROR';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** A RequestErrorCode, or the reason of a domain error a dialect already mapped (see dialects/failure.ts). */
    readonly code: RequestErrorCode | Reason,
    message: string,
    readonly issues?: readonly FieldIssue[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** A request field that fails its schema: a 400 naming it. */
export const invalidRequest = (message: string, issues?: FieldIssue[]) => new HttpError(400, 'VALIDATION_ERROR', message, issues);
