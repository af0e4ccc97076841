/** Creating and changing the ledger's versioned entities (parties, charges), each audited in the same transaction. */
import type { EntityStore, Versioned } from '../store/entities.js';
import { optimistic, type TxItems } from '../store/tx.js';
import type { Actor } from './context.js';
import { changeOnce, type IdempotencyInput } from './create-once.js';
import { NotFound } from './errors.js';

/** Insert with its audit entry, unique lookups and any extra items (an idempotency key record) in one transaction. */
export async function insertEntity<T extends Versioned>(store: EntityStore<T>, actor: Actor, entity: T, extra: TxItems): Promise<void> {
  await store.insert(actor, entity, undefined, extra);
}

/**
 * Reads (consistently), computes and replaces; a lost optimistic race is retried on the fresh item.
 * With an idempotency key, once per key (a retry answers the first result).
 */
export async function updateEntity<T extends Versioned>(
  store: EntityStore<T>,
  actor: Actor,
  id: string,
  what: string,
  change: (before: T, now: string) => T | undefined,
  action?: string,
  idempotency?: IdempotencyInput,
): Promise<T> {
  return changeOnce<T>(actor.tenant, idempotency ?? { key: undefined, scope: '', request: null }, id, (keyRecord) =>
    optimistic(store.type, async () => {
      const before = await store.get(actor.tenant, id, true);
      if (!before) throw new NotFound(what);
      const after = change(before, new Date().toISOString());
      if (after === undefined) return before;
      const next = { ...after, version: before.version + 1 };
      return store.replace(actor, before, next, action, keyRecord(next));
    }),
  );
}
