/**
 * The gateway dialect's envelope (seed 002): a success is the resource itself; every error,
 * 401 included, is `{code, message, extended_code}` with the HTTP status in `code`. The extended
 * codes are the seed's (4501, 4601, 4001, 5000) plus Caja's for what the seed does not cover.
 */
import type { Reason } from '../../ledger/errors.js';
import type { Dialect, Failure } from '../dialect.js';
import { errorMap } from '../failure.js';

/** HTTP status → extended code and, where the seed fixes it, message. */
export const EXTENDED_CODES: Readonly<Record<number, { extended_code: number; message?: string }>> = {
  400: { extended_code: 4000 },
  401: { extended_code: 4001, message: 'No autorizado' },
  403: { extended_code: 4003 },
  404: { extended_code: 4004 },
  409: { extended_code: 4090 },
  413: { extended_code: 4130 },
  415: { extended_code: 4150 },
  422: { extended_code: 4220 },
  500: { extended_code: 5000, message: 'Error interno del servidor' },
  503: { extended_code: 5030 },
};

/** Reasons with an extended code of their own (the search grammar's; their status is the kind's, 400). */
export const REASON_CODES: Partial<Record<Reason, number>> = { INVALID_FILTER: 4601, MINIMUM_FIELDS: 4501, SEARCH_TOO_BROAD: 4502 };

export function gatewayError(failure: Pick<Failure, 'status' | 'code' | 'message'>): { code: number; message: string; extended_code: number } {
  const mapped = EXTENDED_CODES[failure.status] ?? EXTENDED_CODES[500]!;
  return {
    code: failure.status,
    message: mapped.message ?? failure.message,
    extended_code: REASON_CODES[failure.code as Reason] ?? mapped.extended_code,
  };
}

export const gateway: Dialect = {
  errors: errorMap(),
  success: (data) => data,
  error: (failure) => gatewayError(failure),
};
