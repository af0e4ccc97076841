/**
 * `?page=&pageSize=` lists over the access-pattern catalogue (the communities API): one page of a
 * partition and the partition's total. Earlier pages are skipped reading keys only, and the total is
 * a keys-only count; on the keys-only `pages` index the page's items come by BatchGet.
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AccessPattern, ListIndex } from './access-patterns.js';
import { db, tableName } from './client.js';
import { batchGet, fromItem } from './items.js';
import { LIST_INDEXES } from './list-indexes.js';

export interface PageRequest {
  /** From 1. */
  page: number;
  pageSize: number;
}

export interface ListPage<T> {
  items: T[];
  total: number;
}

function baseQuery<P>(tenant: string, pattern: AccessPattern<P, ListIndex>, params: P): QueryCommandInput {
  const index = LIST_INDEXES.find((i) => i.name === pattern.index)!;
  const prefix = pattern.sortPrefix?.(params);
  return {
    TableName: tableName(),
    IndexName: index.name,
    KeyConditionExpression: prefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
    ExpressionAttributeNames: { '#pk': index.partitionKey, ...(prefix ? { '#sk': index.sortKey } : {}) },
    ExpressionAttributeValues: { ':pk': pattern.partition(tenant, params), ...(prefix ? { ':prefix': prefix } : {}) },
  };
}

async function countOf(input: QueryCommandInput): Promise<number> {
  let total = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await db().send(new QueryCommand({ ...input, Select: 'COUNT', ExclusiveStartKey: startKey }));
    total += result.Count ?? 0;
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return total;
}

/** The start key after `skip` entries (keys only), or null when the partition ends first. */
async function skipTo(input: QueryCommandInput, skip: number): Promise<Record<string, unknown> | undefined | null> {
  let startKey: Record<string, unknown> | undefined;
  for (let skipped = 0; skipped < skip; ) {
    const result = await db().send(new QueryCommand({ ...input, ProjectionExpression: 'pk', Limit: skip - skipped, ExclusiveStartKey: startKey }));
    skipped += result.Count ?? 0;
    startKey = result.LastEvaluatedKey;
    if (!startKey) return null;
  }
  return startKey;
}

/** Up to `limit` items from the start of a list (or after `startKey`), in index order. */
async function itemsFrom<T>(input: QueryCommandInput, limit: number, startKey?: Record<string, unknown>): Promise<T[]> {
  const result = await db().send(new QueryCommand({ ...input, Limit: limit, ExclusiveStartKey: startKey }));
  const items = result.Items ?? [];
  const keysOnly = LIST_INDEXES.find((i) => i.name === input.IndexName)?.projection === 'KEYS_ONLY';
  if (!keysOnly) return items.map((item) => fromItem<T>(item));
  const found = await batchGet<T>(items.map((item) => ({ pk: String(item.pk), sk: String(item.sk) })));
  return found.filter((item): item is Awaited<T> => item !== undefined) as T[];
}

/** Page `page` (from 1) of a catalogue list, and its total. */
export async function readPage<T, P>(
  tenant: string,
  pattern: AccessPattern<P, ListIndex>,
  params: P,
  request: PageRequest,
): Promise<ListPage<T>> {
  const input = baseQuery(tenant, pattern, params);
  const offset = (request.page - 1) * request.pageSize;
  const total = await countOf(input);
  if (offset >= total) return { items: [], total };
  const startKey = await skipTo(input, offset);
  if (startKey === null) return { items: [], total };
  return { items: await itemsFrom<T>(input, request.pageSize, startKey), total };
}

/** The first `cap` items of a list: for use cases that must look at a bounded working set. */
export function readFirst<T, P>(tenant: string, pattern: AccessPattern<P, ListIndex>, params: P, cap: number): Promise<T[]> {
  return itemsFrom<T>(baseQuery(tenant, pattern, params), cap);
}
