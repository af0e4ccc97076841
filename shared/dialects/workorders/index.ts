/** Spring-style `{success, code, message, data}` (seed 000); the status travels in `code`. */
import type { Dialect } from '../dialect.js';
import { errorMap } from '../failure.js';

export const workorders: Dialect = {
  errors: errorMap(),
  success: (data, { status, message }) => ({ success: true, code: status, message: message ?? 'OK', data }),
  error: (failure) => ({ success: false, code: failure.status, message: failure.message, data: null }),
};
