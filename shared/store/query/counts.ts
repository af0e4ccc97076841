/**
 * Counted access patterns (`counted` in the catalogue): the entries of a pattern's partition are
 * counted by day of its sort field in an aggregate tree (store/aggregates: year / month / day nodes,
 * sharded, ADDed in the transaction that writes the entry), so a search the pattern serves in its own
 * sort order, with no residual filter but the range on that sort, answers its total and page N from
 * the counts instead of walking the partition's (or every month bucket's) history:
 *
 * - total: the tree's counts between the range's days, plus the rows of an edge day read only when
 *   the range starts or ends inside it (a bound that is not a day start);
 * - page N: the counts name the days holding the page's first and last positions; only those days'
 *   entries are read (and sorted, ties by id), then the page's full items.
 *
 * So the cost is a few small tree nodes plus about a page of index entries (plus the rest of the two
 * days it starts and ends in), whatever the history. Anything else (a residual filter on another
 * field, a sort on another field) is walked by ./execute.ts, bounded by MAX_INDEX_ENTRIES.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../client.js';
import { range } from '../aggregates/prefix-tree.js';
import { addAt, coalesceAggregates, type Entry, rebuild, type Series } from '../aggregates/tree.js';
import { openTree, type TreeView } from '../aggregates/tree-view.js';
import { batchGetStored, fromItem } from '../items.js';
import type { TxItems } from '../tx.js';
import { partitionAttribute, partitionValue, rowAttribute, sortAttribute } from './attributes.js';
import { monthsBetween, type Plan } from './planner.js';
import { matches, rowOrder } from './predicates.js';
import type { IndexPattern, Predicate, Realm, Row, Sort } from './types.js';

type IndexPlan = Extract<Plan, { kind: 'index' }>;

/** Every entry a counted partition ever held lies between these sort values (the rebuild's walk). */
export type History = Readonly<Record<string, { lower: string; upper: string }>>;

const SHAPE = { cuts: [4, 6, 8], domains: [undefined, range(1, 12, 2), range(1, 31, 2)] };
const DAY = /^\d{4}-\d{2}-\d{2}/;

const dayOf = (sortValue: string) => sortValue.slice(0, 10);
const dayKey = (day: string) => day.replaceAll('-', '');
const keyDay = (key: string) => `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 8)}`;
const dayAfter = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function countSeries(tenant: string, realm: Realm, pattern: IndexPattern, values: readonly string[]): Series {
  return {
    tenant,
    name: `Q_${realm.name}_${pattern.index}_${values.map(encodeURIComponent).join('+')}`,
    shape: SHAPE,
    measures: ['c'],
    shards: pattern.counted?.shards ?? 1,
  };
}

/** A row's place in a counted pattern: its partition values and its tree key (day digits + id: the id spreads shards). */
function countKey(realm: Realm, pattern: IndexPattern, row: Row): { values: string[]; key: string } | undefined {
  const values = pattern.partition.map((field) => row[field]);
  const sort = row[pattern.sort];
  if (values.some((v) => v === undefined) || typeof sort !== 'string' || !DAY.test(sort)) return undefined;
  return { values: values.map(String), key: `${dayKey(dayOf(sort))}${String(row[realm.idField])}` };
}

/** Transaction items moving a row's counts from `before` to `after` (either absent: created, gone). */
export function countChanges(tenant: string, realm: Realm, before: Row | undefined, after: Row | undefined): TxItems {
  return coalesceAggregates(
    realm.patterns.flatMap((pattern) => {
      if (pattern.kind !== 'index' || !pattern.counted) return [];
      const was = before && countKey(realm, pattern, before);
      const is = after && countKey(realm, pattern, after);
      if (was && is && was.key === is.key && was.values.join('\u0000') === is.values.join('\u0000')) return [];
      return [
        ...(was ? addAt(countSeries(tenant, realm, pattern, was.values), was.key, { c: -1 }) : []),
        ...(is ? addAt(countSeries(tenant, realm, pattern, is.values), is.key, { c: 1 }) : []),
      ];
    }),
  );
}

/** Whether the executor may answer this search from the counts. */
export function countable(plan: Plan, sorts: readonly Sort[], history: History | undefined): boolean {
  if (plan.kind !== 'index' || !plan.pattern.counted || plan.empty || !history?.[plan.pattern.sort]) return false;
  const sort = plan.pattern.sort;
  return (
    sorts.length === 1 &&
    sorts[0]!.field === sort &&
    plan.partitions.length === plan.buckets &&
    plan.residual.every((p) => p.field === sort && ['EQUAL', 'GREATER_THAN', 'GREATER_THAN_OR_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_OR_EQUAL_TO'].includes(p.op))
  );
}

const PARALLEL_PARTITIONS = 8;

/** The rows of the partition (`values`) whose sort value falls on a day from `from` to `to` (inclusive). */
async function rowsOfDays(tenant: string, plan: IndexPlan, values: readonly string[], from: string, to: string, monthUsed: (month: string) => Promise<boolean>): Promise<Row[]> {
  const { realm, pattern } = plan;
  const months = pattern.bucket ? monthsBetween(from, to) : [];
  const used = pattern.bucket ? (await Promise.all(months.map(async (m) => ((await monthUsed(m)) ? m : undefined)))).filter((m) => m !== undefined) : [];
  const partitions = pattern.bucket ? used.map((m) => [...values, m]) : [values];
  const rows: Row[] = [];
  const one = async (partition: readonly string[]) => {
    let startKey: Record<string, unknown> | undefined;
    do {
      const result = await db().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: pattern.index,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
          ExpressionAttributeNames: { '#pk': partitionAttribute(realm, pattern), '#sk': sortAttribute(realm, pattern), '#row': rowAttribute(realm) },
          ExpressionAttributeValues: { ':pk': partitionValue(tenant, realm, pattern, partition), ':from': from, ':to': `${to}~` },
          ProjectionExpression: '#row',
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of result.Items ?? []) rows.push(item[rowAttribute(realm)] as Row);
      startKey = result.LastEvaluatedKey;
    } while (startKey);
  };
  for (let i = 0; i < partitions.length; i += PARALLEL_PARTITIONS) await Promise.all(partitions.slice(i, i + PARALLEL_PARTITIONS).map(one));
  return rows;
}

/**
 * The partition's tree, complete: one whose entries were all counted as written is marked so; one
 * with entries from before the counts (or whose completion raced writers) is rebuilt from, or
 * answered by, a walk of the partition over `history` (once).
 */
async function countsOf(tenant: string, plan: IndexPlan, values: readonly string[], history: History): Promise<TreeView> {
  const series = countSeries(tenant, plan.realm, plan.pattern, values);
  const source = () => partitionEntries(tenant, plan, values, history[plan.pattern.sort]!);
  return openTree(series, { complete: () => rebuild(series, source, 'on-read'), fallback: source });
}

/** A counted partition's tree entries from its index entries within `span` (the source of truth). */
async function partitionEntries(tenant: string, plan: IndexPlan, values: readonly string[], span: { lower: string; upper: string }): Promise<Entry[]> {
  return (await rowsOfDays(tenant, plan, values, dayOf(span.lower), dayOf(span.upper), async () => true)).flatMap((row) => {
    const at = countKey(plan.realm, plan.pattern, row);
    return at ? [{ key: at.key, totals: { c: 1 } }] : [];
  });
}

/** Backfill: rebuilds a counted partition's tree from its entries (a migration for data written before the counts). */
export async function rebuildCounts(tenant: string, realm: Realm, pattern: IndexPattern, values: readonly string[], span: { lower: string; upper: string }): Promise<void> {
  const plan = { kind: 'index', realm, pattern, partitions: [], range: {}, empty: false, buckets: 1, residual: [] } satisfies IndexPlan;
  await rebuild(countSeries(tenant, realm, pattern, values), () => partitionEntries(tenant, plan, values, span));
}

/** Whether a predicate on the sort field holds for every value of `day` (values start with the day). */
function holdsAllDay(p: Predicate, day: string, floor: string): boolean {
  const v = String(p.value);
  switch (p.op) {
    case 'GREATER_THAN_OR_EQUAL_TO':
      return v <= floor;
    case 'GREATER_THAN':
      return v < floor;
    case 'LESS_THAN':
    case 'LESS_THAN_OR_EQUAL_TO':
      return v >= dayAfter(day);
    default:
      return false;
  }
}

/** Whether a row falls below the range (fails a lower-side predicate): such rows precede the range in its first day. */
function belowRange(row: Row, predicates: readonly Predicate[], sort: string): boolean {
  const value = String(row[sort]);
  return predicates.some((p) => {
    const v = String(p.value);
    return (p.op === 'GREATER_THAN_OR_EQUAL_TO' || p.op === 'EQUAL') ? value < v : p.op === 'GREATER_THAN' ? value <= v : false;
  });
}

/** One page and the total of a countable search (see the module comment). */
export async function countedSearch<T>(tenant: string, plan: Plan, sorts: readonly Sort[], offset: number, limit: number, history: History): Promise<{ items: T[]; total: number }> {
  if (plan.kind !== 'index') throw new Error('countedSearch needs an index plan');
  const { realm, pattern } = plan;
  const sort = pattern.sort;
  const values = plan.partitions[0]!.slice(0, pattern.partition.length);
  const view = await countsOf(tenant, plan, values, history);
  const count = async (day: string, inclusive: boolean) => (await view.cumulative(dayKey(day), inclusive)).c ?? 0;
  const monthUsed = async (month: string) => {
    await view.load([month.slice(0, 4)]);
    return (view.slots(month.slice(0, 4))[month.slice(5, 7)]?.c ?? 0) > 0;
  };
  const inRange = (row: Row) => plan.residual.every((p) => matches(row, p, realm.fields[p.field] ?? 'string'));
  const floor = (day: string) => (realm.fields[sort] === 'date' ? `${day}T00:00:00.000Z` : day);

  // The days the range starts and ends in; a day the range only partly covers is read (its rows counted).
  const first = plan.range.lower === undefined ? undefined : dayOf(plan.range.lower);
  const last = plan.range.upper === undefined ? undefined : dayOf(plan.range.upper);
  const edge = async (day: string) => {
    if (plan.residual.every((p) => holdsAllDay(p, day, floor(day)))) {
      const all = (await count(day, true)) - (await count(day, false));
      return { inside: all, below: 0 };
    }
    const rows = await rowsOfDays(tenant, plan, values, day, day, monthUsed);
    return { inside: rows.filter(inRange).length, below: rows.filter((r) => belowRange(r, plan.residual, sort)).length };
  };
  const low = first === undefined ? undefined : await edge(first);
  const high = last === undefined || last === first ? undefined : await edge(last);
  // Entries before the range (in ascending tree order) and the range's total.
  const skipped = first === undefined ? 0 : (await count(first, false)) + low!.below;
  let total: number;
  if (first !== undefined && first === last) total = low!.inside;
  else {
    const throughHigh = last === undefined ? (view.total().c ?? 0) : await count(last, false);
    const afterLow = first === undefined ? 0 : await count(first, true);
    total = (first === undefined ? 0 : low!.inside) + (throughHigh - afterLow) + (high?.inside ?? 0);
  }
  if (offset >= total || limit <= 0) return { items: [], total };

  // The days holding the page's first and last positions (ascending ranks), then only their rows.
  const ascending = sorts[0]!.direction === 'ascending';
  const end = Math.min(offset + limit, total) - 1;
  const [lowRank, highRank] = ascending ? [offset, end] : [total - 1 - end, total - 1 - offset];
  const dayAt = async (rank: number) => {
    const at = await view.locate(skipped + rank, 'c');
    return at ? keyDay(at.bucket) : undefined;
  };
  const [fromDay, toDay] = [await dayAt(lowRank), await dayAt(highRank)];
  if (!fromDay || !toDay) return { items: [], total };
  const rows = (await rowsOfDays(tenant, plan, values, fromDay, toDay, monthUsed)).filter(inRange);
  rows.sort(rowOrder(realm.fields, sorts, realm.idField));
  // Range entries before `fromDay` in ascending order; in descending order those after `toDay` come first.
  const beforeFrom = Math.max(0, (await count(fromDay, false)) - skipped);
  const ahead = ascending ? beforeFrom : total - beforeFrom - rows.length;
  const start = Math.max(0, offset - ahead);
  const ids = rows.slice(start, start + Math.min(limit, total - offset)).map((r) => String(r[realm.idField]));
  const items = ids.length ? await batchGetStored(ids.map((id) => realm.itemKey(tenant, id))) : [];
  return { items: items.filter((i) => i !== undefined).map((i) => fromItem<T>(i!)), total };
}
