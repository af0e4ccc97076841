/**
 * Runs a plan against DynamoDB: Query only, never Scan. An index plan walks its partitions'
 * index entries (keys + the projected row, a few hundred bytes each) within the key range,
 * keeps the rows that pass the residual predicates, orders them, and reads full items for the
 * requested page only (BatchGet). So `total` and page N cost index entries of the matching key
 * range, never the full items of earlier pages; a counted pattern in its own order takes them from
 * its counts instead (./counts.ts), so they cost about one page whatever the history. A key plan reads its ids (at most MAX_PARTITIONS).
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../client.js';
import { batchGetStored, fromItem } from '../items.js';
import { countable, countedSearch, type History } from './counts.js';
import { partitionAttribute, partitionValue, rowAttribute, sortAttribute } from './attributes.js';
import type { Plan } from './planner.js';
import { matches, rowOrder } from './predicates.js';
import type { Row, Sort } from './types.js';

/** A search whose key range holds more index entries than this is refused (narrow the range). */
export const MAX_INDEX_ENTRIES = 100_000;

export class SearchTooBroad extends Error {
  constructor() {
    super(`the search's key range holds more than ${MAX_INDEX_ENTRIES} entries`);
    this.name = 'SearchTooBroad';
  }
}

export interface SearchPage<T> {
  items: T[];
  total: number;
}

function keyCondition(plan: Extract<Plan, { kind: 'index' }>): Pick<QueryCommandInput, 'KeyConditionExpression' | 'ExpressionAttributeNames'> & {
  values: Record<string, string>;
} {
  const { lower, upper } = plan.range;
  const names = { '#pk': partitionAttribute(plan.realm, plan.pattern), '#sk': sortAttribute(plan.realm, plan.pattern) };
  const values: Record<string, string> = {};
  let sort = '';
  if (lower !== undefined && upper !== undefined) {
    sort = ' AND #sk BETWEEN :lower AND :upper';
    Object.assign(values, { ':lower': lower, ':upper': upper });
  } else if (lower !== undefined) {
    sort = ' AND #sk >= :lower';
    values[':lower'] = lower;
  } else if (upper !== undefined) {
    sort = ' AND #sk <= :upper';
    values[':upper'] = upper;
  }
  // DynamoDB refuses an expression name it does not see used.
  const used = sort ? names : { '#pk': names['#pk'] };
  return { KeyConditionExpression: `#pk = :pk${sort}`, ExpressionAttributeNames: used, values };
}

/** The rows of one partition within the plan's key range, page by page. */
async function partitionRows(tenant: string, plan: Extract<Plan, { kind: 'index' }>, partition: readonly string[], counted: { rows: number }): Promise<Row[]> {
  const condition = keyCondition(plan);
  const rows: Row[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: plan.pattern.index,
        KeyConditionExpression: condition.KeyConditionExpression,
        ExpressionAttributeNames: { ...condition.ExpressionAttributeNames, '#row': rowAttribute(plan.realm) },
        ExpressionAttributeValues: { ...condition.values, ':pk': partitionValue(tenant, plan.realm, plan.pattern, partition) },
        ProjectionExpression: '#row',
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of result.Items ?? []) rows.push(item[rowAttribute(plan.realm)] as Row);
    counted.rows += result.Items?.length ?? 0;
    if (counted.rows > MAX_INDEX_ENTRIES) throw new SearchTooBroad();
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return rows;
}

/** Partitions queried at once (IN lists multiply partitions; each is an independent Query). */
const PARALLEL_PARTITIONS = 8;

/** The rows of every partition of an index plan within its key range. */
async function indexRows(tenant: string, plan: Extract<Plan, { kind: 'index' }>): Promise<Row[]> {
  if (plan.empty) return [];
  const counted = { rows: 0 };
  const rows: Row[] = [];
  for (let i = 0; i < plan.partitions.length; i += PARALLEL_PARTITIONS) {
    const batch = plan.partitions.slice(i, i + PARALLEL_PARTITIONS);
    for (const part of await Promise.all(batch.map((p) => partitionRows(tenant, plan, p, counted)))) rows.push(...part);
  }
  return rows;
}

/**
 * One page of a search (`history`: where a counted pattern's entries lie, to rebuild its counts once): items `offset`..`offset + limit` of the rows matching the plan in `sorts`
 * order (then id ascending), full items as the realm stores them, and the total of matching rows.
 */
export async function search<T>(
  tenant: string,
  plan: Plan,
  sorts: readonly Sort[],
  offset: number,
  limit: number,
  options: { history?: History } = {},
): Promise<SearchPage<T>> {
  // A counted pattern in its own order: total and page N from its counts, not a walk (./counts.ts).
  if (countable(plan, sorts, options.history)) return countedSearch<T>(tenant, plan, sorts, offset, limit, options.history!);
  const { realm } = plan;
  const row = rowAttribute(realm);
  // A key plan has the full items at hand already; an index plan reads them for the page only.
  const stored =
    plan.kind === 'key'
      ? (await batchGetStored(plan.ids.map((id) => realm.itemKey(tenant, id)))).filter((item) => item?.[row] !== undefined)
      : undefined;
  const rows = stored ? stored.map((item) => item![row] as Row) : plan.kind === 'index' ? await indexRows(tenant, plan) : [];
  const matching = rows.filter((r) => plan.residual.every((p) => matches(r, p, realm.fields[p.field] ?? 'string')));
  matching.sort(rowOrder(realm.fields, sorts, realm.idField));
  const page = matching.slice(offset, offset + limit).map((r) => String(r[realm.idField]));
  let items: (Record<string, unknown> | undefined)[];
  if (stored) {
    const byId = new Map(stored.map((item) => [String((item![row] as Row)[realm.idField]), item]));
    items = page.map((id) => byId.get(id));
  } else {
    items = page.length ? await batchGetStored(page.map((id) => realm.itemKey(tenant, id))) : [];
  }
  return { items: items.filter((i) => i !== undefined).map((i) => fromItem<T>(i!)), total: matching.length };
}
