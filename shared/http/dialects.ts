/**
 * Each API's envelope, as a mapping table: how a success and an error look in that dialect.
 * Handlers return plain data; the pipeline renders it here. The request id also travels in the
 * `x-request-id` header of every response.
 */
import type { Api } from '../../functions/routes.js';
import type { AppError } from '../errors.js';
import { gatewayDialect } from '../dialects/gateway/envelope.js';

export interface SuccessContext {
  status: number;
  requestId: string;
  message?: string;
  meta?: Record<string, unknown>;
}

export interface Dialect {
  success(data: unknown, ctx: SuccessContext): unknown;
  error(error: AppError, requestId: string): unknown;
}

const issuesOf = (error: AppError) => (error.issues?.length ? error.issues : undefined);

/** Spring-style `{success, code, message, data}` (seed 000). */
const workorders: Dialect = {
  success: (data, { status, message }) => ({ success: true, code: status, message: message ?? 'OK', data }),
  error: (error) => ({ success: false, code: error.status, message: error.message, data: null }),
};

/** `{success, data, meta?}` and `{success: false, message, meta}` (seed 001). */
const accounts: Dialect = {
  success: (data, { meta }) => (meta ? { success: true, data, meta } : { success: true, data }),
  error: (error, requestId) => ({
    success: false,
    message: error.message,
    meta: { code: error.code, requestId, ...(issuesOf(error) ? { details: error.issues } : {}) },
  }),
};

/** Caja's own conventions (SPEC §3 ledger API). */
const ledger: Dialect = {
  success: (data) => data,
  error: (error, requestId) => ({
    error: {
      code: error.code,
      message: error.message,
      ...(issuesOf(error) ? { details: error.issues } : {}),
      requestId,
    },
  }),
};

export const DIALECTS: Record<Api, Dialect> = {
  ledger,
  workorders,
  accounts,
  gateway: gatewayDialect,
  // Until their own envelopes land, the remaining APIs speak Caja's conventions.
  communities: ledger,
  receivables: ledger,
  system: ledger,
};
