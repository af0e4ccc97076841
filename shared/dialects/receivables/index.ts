/** Receivables (seed 004): bare JSON answers; errors `{code, msg, requestId}` with the HTTP status in `code`. */
import type { Dialect } from '../dialect.js';
import { errorMap } from '../failure.js';

export const receivables: Dialect = {
  errors: errorMap(),
  success: (data) => data,
  error: (failure, requestId) => ({ code: failure.status, msg: failure.message, requestId }),
};
