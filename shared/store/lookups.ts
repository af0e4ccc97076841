/**
 * Unique lookups: an item per (tenant, name, value) naming the one entity that holds the value (a
 * party's tax id among its kind, a document's SII code + folio, a charge's external id). They are
 * claimed (attribute_not_exists) and released (only by their holder) in the entity's own
 * transactions, so two entities can never hold one value, and finding the holder is one GetItem.
 */
import { tableName } from './client.js';
import { getItem } from './items.js';
import { keys } from './keys.js';
import type { TxItems } from './tx.js';

export interface Lookup {
  /** What the value is, e.g. `tax-id:client`, `document-folio`, `charge-external-id`. */
  name: string;
  /** Normalized by whoever declares the lookup (case, format), so equal values collide. */
  value: string;
}

/** The transaction item name of a lookup: a failed condition on it means the value is taken. */
export const lookupItemName = (lookup: Lookup) => `lookup:${lookup.name}`;

const sameLookup = (a: Lookup, b: Lookup) => a.name === b.name && a.value === b.value;

const putLookup = (tenant: string, lookup: Lookup, holder: { entityId: string } | { releasedBy: string }, condition: string, values: Record<string, unknown>) => ({
  Put: {
    TableName: tableName(),
    Item: { ...keys.lookup(tenant, lookup.name, lookup.value), type: 'LOOKUP', tenant, ...lookup, ...holder },
    ConditionExpression: condition,
    ExpressionAttributeValues: values,
  },
});

/**
 * Items moving an entity's lookups from `before` to `after`: claim the new values (free: never held,
 * or released), release the old ones (only their holder may; a released lookup keeps no holder, so
 * no function needs DeleteItem).
 */
export function lookupChanges(tenant: string, entityId: string, before: readonly Lookup[], after: readonly Lookup[]): TxItems {
  const claimed = after.filter((a) => !before.some((b) => sameLookup(a, b)));
  const released = before.filter((b) => !after.some((a) => sameLookup(a, b)));
  const id = { ':id': entityId };
  return [
    ...released.map((l) => [`release:${l.name}`, putLookup(tenant, l, { releasedBy: entityId }, 'attribute_not_exists(entityId) OR entityId = :id', id)] as const),
    ...claimed.map((l) => [lookupItemName(l), putLookup(tenant, l, { entityId }, 'attribute_not_exists(entityId) OR entityId = :id', id)] as const),
  ];
}

/** The id of the entity holding `value` under `name`, if any (one GetItem). */
export async function findByLookup(tenant: string, lookup: Lookup): Promise<string | undefined> {
  const item = await getItem<{ entityId?: string }>(keys.lookup(tenant, lookup.name, lookup.value));
  return item?.entityId;
}
