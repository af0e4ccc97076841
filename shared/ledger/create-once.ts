/**
 * Exactly-once creates and changes (SPEC §4): the one place an idempotency key is built. The key record keeps
 * the canonical first result (the entity, or the snapshot the first answer was rendered from);
 * dialects render it at reply time with their own replay differences.
 */
import { newId } from '../ids.js';
import { retryOnTakenId } from '../store/fresh-id.js';
import { type FirstAnswer, idempotent, KEEP_FOR_GOOD_SECONDS, type ResultRecord, requestHash } from '../store/idempotency.js';

export interface IdempotencyInput {
  /** The client's key (header or a dialect's own field), when it sent one. */
  key: string | undefined;
  /** The operation, e.g. `accounts.payment`. */
  scope: string;
  /** The normalized request the key is bound to (hashed). */
  request: unknown;
  /** Kept for good rather than 48 h: the key is the document's own identity (a CFDI UUID). */
  forGood?: boolean;
}

export type Created<T> = { replayed: false; result: T } | { replayed: true; first: FirstAnswer<T> };

export type { FirstAnswer, ResultRecord };

/** Transaction items put under an id drawn for this create (conditional puts): a taken id is retried on a fresh one. */
const NEW_ID_ITEMS = ['payment', 'audit', 'PARTY', 'CHARGE'];

/** Runs `create` at most once per key; `create` must put `keyRecord(result)` in its transaction. */
export async function createOnce<T>(
  tenant: string,
  idempotency: IdempotencyInput | undefined,
  create: (keyRecord: ResultRecord<T>, id: string) => Promise<T>,
  now?: Date,
): Promise<Created<T>> {
  const key =
    idempotency?.key !== undefined
      ? {
          tenant,
          scope: idempotency.scope,
          key: idempotency.key,
          requestHash: requestHash(idempotency.request),
          ...(idempotency.forGood ? { retentionSeconds: KEEP_FOR_GOOD_SECONDS } : {}),
        }
      : undefined;
  const outcome = await retryOnTakenId(NEW_ID_ITEMS, () => idempotent<T>(key, create, newId, now));
  return outcome.replayed ? { replayed: true, first: outcome.first } : { replayed: false, result: outcome.response };
}

/**
 * A change of `targetId` (update, delete, reversal, transition, activity) at most once per key:
 * `change` puts `keyRecord(result)` in its transaction. A retry after an unknown outcome answers the
 * first result (a retried reversal that had succeeded answers its success); the same key with
 * another request is an IdempotencyMismatch. Without a key it just runs.
 */
export async function changeOnce<T>(
  tenant: string,
  idempotency: IdempotencyInput,
  targetId: string,
  change: (keyRecord: ResultRecord<T>) => Promise<T>,
): Promise<T> {
  const key = idempotency.key !== undefined ? { tenant, scope: idempotency.scope, key: idempotency.key, requestHash: requestHash(idempotency.request) } : undefined;
  const outcome = await idempotent<T>(key, (keyRecord) => change(keyRecord), () => targetId);
  if (!outcome.replayed) return outcome.response;
  // Change scopes were born with canonical results: no record of theirs keeps a rendered response.
  return (outcome.first as { result: T }).result;
}
