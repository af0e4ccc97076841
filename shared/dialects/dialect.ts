/**
 * What a dialect adapter provides to the HTTP pipeline: its envelope for a success and for a
 * failure, and its error map (domain error → HTTP status). Renderers of its resources live beside
 * it (shared/dialects/<api>/render*.ts) and are imported only by that API's handlers.
 */
import type { DomainErrorKind, FieldIssue, Reason } from '../ledger/errors.js';

export interface SuccessContext {
  status: number;
  requestId: string;
  message?: string;
  meta?: Record<string, unknown>;
}

/** An error as a dialect renders it: status, stable code, message, offending fields. */
export interface Failure {
  status: number;
  code: string;
  message: string;
  issues?: readonly FieldIssue[];
  /** Seconds for the `Retry-After` header (503). */
  retryAfterSeconds?: number;
}

/** Domain error → status: one entry per kind, plus the reasons a dialect answers differently. */
export interface ErrorMap {
  kinds: Record<DomainErrorKind, number>;
  reasons?: Partial<Record<Reason, number>>;
}

export interface Dialect {
  errors: ErrorMap;
  success(data: unknown, ctx: SuccessContext): unknown;
  error(failure: Failure, requestId: string): unknown;
}
