/**
 * A versioned entity stored as one item with its index attributes: get, batch get, insert and
 * optimistic replace, each mutation with its audit entry in the same transaction. Parties and
 * charges are both built from this; payments need richer transactions and have their own module.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict, NotFound } from '../ledger/errors.js';
import type { AccessPattern } from './access-patterns.js';
import { KEY_RECORD } from './idempotency.js';
import { type Lookup, lookupChanges, lookupItemName } from './lookups.js';
import { type Actor, auditEntry, putAudit } from './audit.js';
import { db, tableName } from './client.js';
import { decodeCursor, encodeCursor, KEY_NAMES } from './pagination.js';
import { batchGet, fromItem, getItem } from './items.js';
import { ConditionFailed, transact, type TransactItem, type TxItems } from './tx.js';

export interface Versioned {
  id: string;
  version: number;
}

export interface EntityStore<T extends Versioned> {
  get(tenant: string, id: string, consistent?: boolean): Promise<T | undefined>;
  /** The entity, or a 404 naming `what` (another tenant's id looks exactly like a missing one). */
  require(tenant: string, id: string, what?: string): Promise<T>;
  getMany(tenant: string, ids: readonly string[]): Promise<(T | undefined)[]>;
  put(tenant: string, entity: T): TransactItem;
  /**
   * Inserts (failing if the id exists) with its audit entry, its unique lookups and any `extra` items
   * (an idempotency key record) in one transaction; a value another entity holds is a Conflict.
   */
  insert(actor: Actor, entity: T, action?: string, extra?: TxItems): Promise<T>;
  /** Replaces `before` if its version is unchanged; otherwise fails the condition named after the type. */
  replace(actor: Actor, before: T, after: T, action?: string, extra?: TxItems): Promise<T>;
  /** The transaction item name of this entity (what a failed version condition reports). */
  readonly type: string;
  /** Its unique values (./lookups.ts), as its transactions claim them. */
  lookups(entity: T): Lookup[];
  /** Its primary key (for reads that batch entities of several stores in one call). */
  key(tenant: string, id: string): { pk: string; sk: string };
  query(tenant: string, q: IndexQuery): Promise<{ items: T[]; nextCursor: string | null }>;
  /** One page of a list named in the access-pattern catalogue. */
  list<P>(tenant: string, pattern: AccessPattern<P>, params: P, page: PageRequest): Promise<{ items: T[]; nextCursor: string | null }>;
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

export interface IndexQuery {
  index: 'gsi1' | 'gsi2';
  partition: string;
  sortPrefix?: string;
  limit: number;
  cursor?: string;
}

export function entityStore<T extends Versioned>(spec: {
  type: string;
  label: string;
  key: (tenant: string, id: string) => { pk: string; sk: string };
  indexes: (tenant: string, entity: T) => Record<string, string | undefined>;
  /** Values unique per tenant (./lookups.ts), each with the field a duplicate is reported on. */
  lookups?: (entity: T) => (Lookup & { field: string })[];
}): EntityStore<T> {
  const lookupsOf = (entity: T | undefined) => (entity && spec.lookups ? spec.lookups(entity) : []);
  const lookupItems = (tenant: string, before: T | undefined, after: T) => lookupChanges(tenant, after.id, lookupsOf(before), lookupsOf(after));
  const run = async (items: TxItems, entity: T) => {
    try {
      await transact(items);
    } catch (error) {
      // A lost idempotency race replays the winner's answer (store/idempotency.ts): not a duplicate value.
      const taken = error instanceof ConditionFailed && !error.on(KEY_RECORD) ? lookupsOf(entity).find((l) => error.on(lookupItemName(l))) : undefined;
      if (!taken) throw error;
      const message = `${taken.field} ${taken.value} is already used by another ${spec.label.toLowerCase()} of the tenant`;
      throw new Conflict(message, 'CONFLICT', [{ field: taken.field, message }]);
    }
  };
  const put = (tenant: string, entity: T): TransactItem => ({
    Put: {
      TableName: tableName(),
      Item: { ...spec.key(tenant, entity.id), type: spec.type, tenant, ...spec.indexes(tenant, entity), ...entity },
    },
  });
  const store: EntityStore<T> = {
    type: spec.type,
    key: spec.key,
    lookups: (entity) => lookupsOf(entity).map(({ name, value }) => ({ name, value })),
    get: (tenant, id, consistent) => getItem<T>(spec.key(tenant, id), consistent),
    async require(tenant, id, what = spec.label) {
      const entity = await store.get(tenant, id);
      if (!entity) throw new NotFound(what);
      return entity;
    },
    getMany: (tenant, ids) => batchGet<T>(ids.map((id) => spec.key(tenant, id))),
    put,
    async insert(actor, entity, action = `${spec.type}_CREATE`, extra = []) {
      const item = put(actor.tenant, entity);
      item.Put!.ConditionExpression = 'attribute_not_exists(pk)';
      await run(
        [
          [spec.type, item],
          ...lookupItems(actor.tenant, undefined, entity),
          ['audit', putAudit(actor.tenant, auditEntry(actor, action, spec.type, entity.id, { after: entity }))],
          ...extra,
        ],
        entity,
      );
      return entity;
    },
    async replace(actor, before, after, action = `${spec.type}_UPDATE`, extra = []) {
      const item = put(actor.tenant, after);
      item.Put!.ConditionExpression = 'attribute_exists(pk) AND version = :version';
      item.Put!.ExpressionAttributeValues = { ':version': before.version };
      // A lost race fails the condition named spec.type: callers retry with optimistic() (tx.ts).
      await run(
        [
          [spec.type, item],
          ...lookupItems(actor.tenant, before, after),
          ['audit', putAudit(actor.tenant, auditEntry(actor, action, spec.type, after.id, { before, after }))],
          ...extra,
        ],
        after,
      );
      return after;
    },
    async query(tenant, q) {
      const index = q.index;
      const result = await db().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: index,
          KeyConditionExpression: q.sortPrefix
            ? `${index}pk = :pk AND begins_with(${index}sk, :prefix)`
            : `${index}pk = :pk`,
          ExpressionAttributeValues: { ':pk': q.partition, ...(q.sortPrefix ? { ':prefix': q.sortPrefix } : {}) },
          Limit: q.limit,
          ExclusiveStartKey: decodeCursor(q.cursor, {
            partition: { [`${index}pk`]: q.partition },
            keyNames: KEY_NAMES[index],
            ...(q.sortPrefix ? { sortPrefix: { [`${index}sk`]: q.sortPrefix } } : {}),
          }),
        }),
      );
      return { items: (result.Items ?? []).map((item) => fromItem<T>(item)), nextCursor: encodeCursor(result.LastEvaluatedKey) };
    },
    list(tenant, pattern, params, page) {
      const sortPrefix = pattern.sortPrefix?.(params);
      return store.query(tenant, {
        index: pattern.index,
        partition: pattern.partition(tenant, params),
        limit: page.limit,
        ...(sortPrefix ? { sortPrefix } : {}),
        ...(page.cursor !== undefined ? { cursor: page.cursor } : {}),
      });
    },
  };
  return store;
}

/** Entities of several stores in one BatchGet, in the order asked (undefined where missing). */
export async function getEntities(
  tenant: string,
  refs: readonly (readonly [EntityStore<Versioned>, string])[],
): Promise<(Versioned | undefined)[]> {
  return batchGet<Versioned>(refs.map(([store, id]) => store.key(tenant, id)));
}

export type { TxItems };
