/** `{success, data, meta?}` and `{success: false, message, meta: {code, requestId, details?}}` (seed 001). */
import type { Dialect } from '../dialect.js';
import { errorMap } from '../failure.js';

export const accounts: Dialect = {
  // The original answers a second reversal with 400 PAYMENT_ALREADY_REVERSED, not a 409.
  errors: errorMap({ PAYMENT_ALREADY_REVERSED: 400 }),
  success: (data, { meta }) => (meta ? { success: true, data, meta } : { success: true, data }),
  error: (failure, requestId) => ({
    success: false,
    message: failure.message,
    meta: { code: failure.code, requestId, ...(failure.issues ? { details: failure.issues } : {}) },
  }),
};
