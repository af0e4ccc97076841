/**
 * The entity holding a unique value (a party's tax id or external id, a document's SII code + folio,
 * a charge's external id), by one GetItem on its lookup item (./lookups.ts). The holder is read and checked to
 * still hold the value, so a stale lookup can never answer another entity.
 *
 * Parties and charges written before the lookups existed (the ledger API had tax ids and folios
 * first; tables are retained) have no lookup items. The first miss of a tenant therefore claims the
 * lookups of its existing parties and charges (`backfillLookups`), walking their list indexes at most
 * BACKFILL_PER_REQUEST entities per request and resuming from a cursor kept in the tenant's
 * `lookups_backfill` item, then looks again. Once the walk is complete the item says so, and a miss
 * costs that one extra GetItem (then nothing: it is remembered in the process).
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PartyKind } from '../domain/parties.js';
import type { Charge } from '../domain/charges.js';
import type { Party } from '../domain/parties.js';
import { charges, externalIdLookup, folioLookup } from './charges.js';
import { db, tableName } from './client.js';
import type { EntityStore, Versioned } from './entities.js';
import { indexKeys, keys } from './keys.js';
import { findByLookup, type Lookup } from './lookups.js';
import { parties, partyExternalIdLookup, taxIdLookup } from './parties.js';

/** Entities walked per request at most by the backfill (a request's read budget, ~1 MB of items at most). */
export const BACKFILL_PER_REQUEST = 1_000;

/**
 * The tenant's walk progress. Renamed when a lookup is added to an existing entity (the `_2` walk:
 * party external ids, issue 13 item 13), so tenants whose earlier walk completed claim the new
 * values of their existing entities too; claiming a value again is harmless.
 */
const MARKER = 'lookups_backfill_2';

/** The lists the backfill walks, in order: every party, every charge. */
const SOURCES: readonly { store: EntityStore<Versioned>; index: 'gsi1' | 'gsi2'; partition: (tenant: string) => string }[] = [
  { store: parties as unknown as EntityStore<Versioned>, index: 'gsi1', partition: indexKeys.parties },
  { store: charges as unknown as EntityStore<Versioned>, index: 'gsi2', partition: indexKeys.charges },
];

interface Progress {
  done: boolean;
  source: number;
  cursor?: string;
}

const completed = new Set<string>();
const running = new Map<string, Promise<boolean>>();

const sameLookup = (a: Lookup, b: Lookup) => a.name === b.name && a.value === b.value;

/** Claims a legacy entity's lookup unless another entity holds the value (then it stays the other's). */
async function claim(tenant: string, entityId: string, lookup: Lookup): Promise<'claimed' | 'taken'> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.lookup(tenant, lookup.name, lookup.value), type: 'LOOKUP', tenant, ...lookup, entityId },
        ConditionExpression: 'attribute_not_exists(entityId) OR entityId = :id',
        ExpressionAttributeValues: { ':id': entityId },
      }),
    );
    return 'claimed';
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return 'taken';
    throw error;
  }
}

/**
 * Claims the lookups of up to `budget` existing parties and charges of the tenant, resuming where
 * the last call stopped. Answers whether the tenant's walk is complete; `taken` lists values two
 * legacy entities share (the first claimant keeps it; fix the other by hand).
 */
export async function backfillLookups(tenant: string, budget = Number.POSITIVE_INFINITY): Promise<{ complete: boolean; claimed: number; taken: string[] }> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.counter(tenant, MARKER), ConsistentRead: true }));
  const progress: Progress = { done: Item?.done === true, source: typeof Item?.source === 'number' ? Item.source : 0, ...(typeof Item?.cursor === 'string' ? { cursor: Item.cursor } : {}) };
  let claimed = 0;
  const taken: string[] = [];
  let left = budget;
  while (!progress.done && left > 0) {
    const source = SOURCES[progress.source]!;
    const page = await source.store.query(tenant, { index: source.index, partition: source.partition(tenant), limit: Math.min(100, left), ...(progress.cursor ? { cursor: progress.cursor } : {}) });
    left -= page.items.length;
    for (const entity of page.items) {
      for (const lookup of source.store.lookups(entity)) {
        if ((await claim(tenant, entity.id, lookup)) === 'claimed') claimed += 1;
        else taken.push(`${lookup.name}=${lookup.value}`);
      }
    }
    if (page.nextCursor) progress.cursor = page.nextCursor;
    else {
      delete progress.cursor;
      progress.source += 1;
      progress.done = progress.source >= SOURCES.length;
    }
  }
  await db().send(
    new PutCommand({ TableName: tableName(), Item: { ...keys.counter(tenant, MARKER), type: 'COUNTER', tenant, ...progress } }),
  );
  return { complete: progress.done, claimed, taken };
}

/** One step of the tenant's backfill after a miss (one at a time per tenant in a process); whether it may have found more. */
async function backfillAfterMiss(tenant: string): Promise<boolean> {
  if (completed.has(tenant)) return false;
  let step = running.get(tenant);
  if (!step) {
    step = backfillLookups(tenant, BACKFILL_PER_REQUEST)
      .then(({ complete, claimed }) => {
        if (complete) completed.add(tenant);
        return claimed > 0 || !complete;
      })
      .finally(() => running.delete(tenant));
    running.set(tenant, step);
  }
  return step;
}

/**
 * The entity of `store` holding `lookup` (checked to still hold it), backfilling legacy lookups on a
 * miss unless `backfill` is false (a route without the query grant, or one whose miss must stay a key read).
 */
async function holder<T extends Versioned>(tenant: string, store: EntityStore<T>, lookup: Lookup, backfill = true): Promise<T | undefined> {
  const read = async () => {
    const id = await findByLookup(tenant, lookup);
    const entity = id ? await store.get(tenant, id) : undefined;
    return entity && store.lookups(entity).some((l) => sameLookup(l, lookup)) ? entity : undefined;
  };
  const found = await read();
  if (found || !backfill || !(await backfillAfterMiss(tenant))) return found;
  return read();
}

/** The party of `kind` with this tax id, if any. */
export const partyByTaxId = (tenant: string, kind: PartyKind, taxId: string): Promise<Party | undefined> => holder(tenant, parties, taxIdLookup(kind, taxId));

/**
 * The party of `kind` with this external id (any case), if any. Party references of every dialect
 * resolve through it with `backfill: false`: most of those routes may not query, and an unknown
 * reference must cost a key read, not a walk (legacy external ids are claimed by the tenant's walk
 * that `GET /ledger/parties?kind=&externalId=` or any other miss with backfill runs).
 */
export const partyByExternalId = (tenant: string, kind: PartyKind, externalId: string, options: { backfill?: boolean } = {}): Promise<Party | undefined> =>
  holder(tenant, parties, partyExternalIdLookup(kind, externalId), options.backfill ?? true);

/** The id of the party of `kind` holding this external id, by its lookup item alone (one GetItem, no backfill). */
export const partyIdByExternalId = (tenant: string, kind: PartyKind, externalId: string): Promise<string | undefined> =>
  findByLookup(tenant, partyExternalIdLookup(kind, externalId));

/** The document with this SII code and folio number, if any. */
export const documentByFolio = (tenant: string, code: string, number: string): Promise<Charge | undefined> => holder(tenant, charges, folioLookup(code, number));

/** The charge with this external id, compared case-insensitively, if any. */
export const chargeByExternalId = (tenant: string, externalId: string): Promise<Charge | undefined> => holder(tenant, charges, externalIdLookup(externalId));
