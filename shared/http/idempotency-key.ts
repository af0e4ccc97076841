import { invalidRequest } from './errors.js';

/** The Idempotency-Key rule for all of Caja (SPEC §4): 8 to 100 visible ASCII characters. */
export const IDEMPOTENCY_KEY_MIN = 8;
export const IDEMPOTENCY_KEY_MAX = 100;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,100}$/;

/** The `Idempotency-Key` header when sent (in any case), or a 400 if malformed. */
export function idempotencyKeyHeader(headers: Readonly<Record<string, string | undefined>>): string | undefined {
  const value = Object.entries(headers).find(([name]) => name.toLowerCase() === 'idempotency-key')?.[1];
  if (value === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(value)) {
    const message = `Must be ${IDEMPOTENCY_KEY_MIN} to ${IDEMPOTENCY_KEY_MAX} visible ASCII characters`;
    throw invalidRequest(`Invalid header: Idempotency-Key: ${message}`, [{ field: 'Idempotency-Key', message }]);
  }
  return value;
}
