/**
 * Domain errors: what went wrong in ledger terms, with a stable reason code. They never carry an
 * HTTP status or a dialect's shape: each dialect's error map (shared/dialects/<api>/) turns them
 * into its status and envelope. Reason codes are part of the contract (the accounts and ledger APIs
 * show them), so they only ever get added, never renamed.
 */
export type Reason =
  | 'VALIDATION_ERROR'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'MISSING_DIMENSION'
  | 'FUTURE_DATE'
  | 'FUTURE_TIME'
  | 'STATEMENT_SETTLED'
  | 'PAYMENT_NOT_FOUND'
  | 'PAYMENT_ALREADY_REVERSED'
  | 'ALLOCATION_EXCEEDS_AMOUNT'
  | 'AMOUNT_LIMIT'
  | 'STORE_UNAVAILABLE'
  // the gateway search grammar's (seed 002: extended codes 4601, 4501; Caja's 4502)
  | 'INVALID_FILTER'
  | 'MINIMUM_FIELDS'
  | 'SEARCH_TOO_BROAD'
  // accounts period statements and exports (issue 13 items 9 and 11)
  | 'INVALID_PERIOD'
  | 'PERIOD_TOO_LONG'
  | 'TOO_MANY_ENTITIES'
  | 'EXPORT_TOO_LARGE'
  | 'EXPORT_TOO_MANY_ROWS'
  // any route: the answer would pass the Lambda response limit (shared/http/response-limit.ts)
  | 'RESPONSE_TOO_LARGE'
  // receivables (seed 004)
  | 'EXCEEDS_OUTSTANDING'
  | 'ALLOCATION_MISMATCH'
  | 'INVALID_RECEIPT';

export interface FieldIssue {
  field: string;
  message: string;
}

/** The kinds a dialect's error map gives a status to. */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'idempotency_mismatch'
  | 'limit_exceeded'
  | 'unavailable';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(
    readonly reason: Reason,
    message: string,
    readonly issues?: readonly FieldIssue[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request names something impossible (bad field, rule broken by the input itself). */
export class Invalid extends DomainError {
  readonly kind = 'invalid';
  constructor(message: string, issues?: readonly FieldIssue[], reason: Reason = 'VALIDATION_ERROR') {
    super(reason, message, issues);
  }
}

/** No valid credentials. */
export class Unauthenticated extends DomainError {
  readonly kind = 'unauthenticated';
  constructor(message = 'Missing or invalid access token') {
    super('UNAUTHORIZED', message);
  }
}

/** The caller may not do this (role or scope). */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
  constructor(message = 'Not allowed for this role') {
    super('FORBIDDEN', message);
  }
}

/** Missing, or another tenant's or party's (which must look exactly the same). */
export class NotFound extends DomainError {
  readonly kind = 'not_found';
  constructor(what: string, reason: Reason = 'NOT_FOUND') {
    super(reason, `${what} not found`);
  }
}

/** The current state forbids the change (settled day, reversed payment, lost races…). */
export class Conflict extends DomainError {
  readonly kind = 'conflict';
  constructor(message: string, reason: Reason = 'CONFLICT', issues?: readonly FieldIssue[]) {
    super(reason, message, issues);
  }
}

/** The same idempotency key came with a different request. */
export class IdempotencyMismatch extends DomainError {
  readonly kind = 'idempotency_mismatch';
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 'Idempotency key was already used with a different request');
  }
}

/** A write would take an amount or a running total past what Caja holds exactly (SPEC §4 money limits). */
export class LimitExceeded extends DomainError {
  readonly kind = 'limit_exceeded';
  constructor(message: string, issues?: readonly FieldIssue[], reason: Reason = 'AMOUNT_LIMIT') {
    super(reason, message, issues);
  }
}

/** The store is throttled, failing or too slow: safe to retry (with the same idempotency key) later. */
export class Unavailable extends DomainError {
  readonly kind = 'unavailable';
  constructor(
    message = 'The service is temporarily unavailable; retry shortly',
    readonly retryAfterSeconds = 1,
    reason: Reason = 'STORE_UNAVAILABLE',
  ) {
    super(reason, message);
  }
}

/** `[{ field, message }]`, the shape every issue list takes. */
export const issue = (field: string, message: string): FieldIssue[] => [{ field, message }];
