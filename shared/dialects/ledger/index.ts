/** Caja's own conventions (SPEC §3 ledger API): bare JSON, `{error: {code, message, details?, requestId}}`. */
import type { Dialect } from '../dialect.js';
import { errorMap } from '../failure.js';

export const ledger: Dialect = {
  errors: errorMap(),
  success: (data) => data,
  error: (failure, requestId) => ({
    error: {
      code: failure.code,
      message: failure.message,
      ...(failure.issues ? { details: failure.issues } : {}),
      requestId,
    },
  }),
};
