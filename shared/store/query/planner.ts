/**
 * The query planner (pure): picks the access pattern of a realm that serves a filter set, turns
 * what that pattern's key covers into a key condition, and keeps the rest as residual predicates
 * evaluated on the index entries' projected row before any full item is read.
 *
 * - A key pattern applies when its id field and every `alongWith` field are constrained by
 *   EQUAL/IN: the ids are read by key.
 * - An index pattern applies when every partition field is constrained by EQUAL/IN (their
 *   combinations are the partitions to query) and, if `sortRequired`, the sort field has a range.
 *   Range predicates on the sort field become the inclusive key bounds (BETWEEN, >=, <=); they also
 *   stay residual, so exclusive bounds are exact.
 * - A bucketed index pattern (`bucket: 'month'`) also partitions by the month of its sort field: it
 *   needs both bounds of a range on it, whose months the planner expands like an IN list.
 * Preference: key lookups, then patterns whose sort key gets a range, then catalogue order, then
 * fewer partitions; a bucketed (tenant-wide) pattern only when no other applies. No applicable pattern: `undefined` (the dialect answers its "minimum fields").
 */
import { RANGE_OPERATIONS, type IndexPattern, type KeyPattern, type Predicate, type Realm, type RowValue } from './types.js';

/** More partitions than this is a search too broad to serve (IN lists multiply). */
export const MAX_PARTITIONS = 50;
/** Month buckets a bucketed pattern may expand to (twenty years), on top of MAX_PARTITIONS. */
export const MAX_BUCKETS = 240;

export interface KeyRange {
  /** Inclusive bounds on the sort attribute; either may be open. */
  lower?: string;
  upper?: string;
}

export type Plan =
  | { kind: 'key'; realm: Realm; pattern: KeyPattern; ids: string[]; residual: Predicate[] }
  | {
      kind: 'index';
      realm: Realm;
      pattern: IndexPattern;
      /** The values of the partition fields, one tuple per partition to query. */
      partitions: string[][];
      range: KeyRange;
      /** The bounds cross (lower > upper) or an IN list is empty: nothing can match, no read needed. */
      empty: boolean;
      /** How many month buckets each combination of partition values expands to (1 without a bucket). */
      buckets: number;
      residual: Predicate[];
    };

const isKeyable = (p: Predicate) => p.op === 'EQUAL' || p.op === 'IN';
const valuesOf = (p: Predicate): readonly RowValue[] => (p.op === 'IN' ? p.value : [p.value as RowValue]);

/** The values a field may take under all its EQUAL/IN predicates (their intersection), or undefined. */
function allowedValues(predicates: readonly Predicate[], field: string): string[] | undefined {
  let allowed: string[] | undefined;
  for (const p of predicates) {
    if (p.field !== field || !isKeyable(p)) continue;
    const values = [...new Set(valuesOf(p).map(String))];
    allowed = allowed ? allowed.filter((v) => values.includes(v)) : values;
  }
  return allowed;
}

function cartesian(lists: readonly string[][]): string[][] {
  return lists.reduce<string[][]>((acc, list) => acc.flatMap((tuple) => list.map((v) => [...tuple, v])), [[]]);
}

function keyRange(predicates: readonly Predicate[], field: string): KeyRange | undefined {
  const ranged = predicates.filter((p) => p.field === field && (RANGE_OPERATIONS as readonly string[]).includes(p.op));
  if (ranged.length === 0) return undefined;
  const range: KeyRange = {};
  for (const p of ranged) {
    const value = String(p.value);
    if (p.op !== 'LESS_THAN' && p.op !== 'LESS_THAN_OR_EQUAL_TO' && (range.lower === undefined || value > range.lower)) range.lower = value;
    if (p.op !== 'GREATER_THAN' && p.op !== 'GREATER_THAN_OR_EQUAL_TO' && (range.upper === undefined || value < range.upper)) range.upper = value;
  }
  return range;
}

function planKey(realm: Realm, pattern: KeyPattern, predicates: readonly Predicate[]): Plan | undefined {
  const ids = allowedValues(predicates, pattern.field);
  if (!ids || pattern.alongWith.some((field) => !allowedValues(predicates, field))) return undefined;
  const residual = predicates.filter((p) => !(p.field === pattern.field && isKeyable(p)));
  return { kind: 'key', realm, pattern, ids, residual };
}

/** The months from `lower`'s to `upper`'s (`YYYY-MM`), at most MAX_BUCKETS + 1 of them. */
export function monthsBetween(lower: string, upper: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(lower.slice(0, 4)), Number(lower.slice(5, 7))];
  const last = upper.slice(0, 7);
  for (let m = `${lower.slice(0, 7)}`; m <= last && months.length <= MAX_BUCKETS; ) {
    months.push(m);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    m = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  }
  return months;
}

function planIndex(realm: Realm, pattern: IndexPattern, predicates: readonly Predicate[]): Plan | undefined {
  const lists = pattern.partition.map((field) => allowedValues(predicates, field));
  if (lists.some((list) => list === undefined)) return undefined;
  const range = keyRange(predicates, pattern.sort);
  if (pattern.sortRequired && !range) return undefined;
  if (pattern.bucket && (range?.lower === undefined || range.upper === undefined)) return undefined;
  const months = pattern.bucket && range!.lower! <= range!.upper! ? monthsBetween(range!.lower!, range!.upper!) : undefined;
  if (months && months.length > MAX_BUCKETS) return undefined;
  const partitions = cartesian(months ? [...(lists as string[][]), months] : (lists as string[][]));
  const covered = (p: Predicate) => pattern.partition.includes(p.field) && isKeyable(p);
  const empty =
    partitions.length === 0 || (range?.lower !== undefined && range.upper !== undefined && range.lower > range.upper);
  return { kind: 'index', realm, pattern, partitions, range: range ?? {}, empty, buckets: months?.length || 1, residual: predicates.filter((p) => !covered(p)) };
}

function cost(plan: Plan, order: number): number[] {
  if (plan.kind === 'key') return [0, 0, plan.ids.length, order];
  const ranged = plan.range.lower !== undefined || plan.range.upper !== undefined;
  // A bucketed (tenant-wide) pattern is the fallback: any pattern keyed on a filter value reads less.
  return [plan.pattern.bucket ? 2 : 1, ranged ? 0 : 1, order, plan.partitions.length];
}

const lexicographic = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
};

export type PlanOutcome = { ok: true; plan: Plan } | { ok: false; reason: 'no_pattern' | 'too_broad' };

export function plan(realm: Realm, predicates: readonly Predicate[]): PlanOutcome {
  const candidates = realm.patterns
    .map((pattern, order) => {
      const p = pattern.kind === 'key' ? planKey(realm, pattern, predicates) : planIndex(realm, pattern, predicates);
      return p && { plan: p, cost: cost(p, order) };
    })
    .filter((c): c is { plan: Plan; cost: number[] } => c !== undefined)
    .sort((a, b) => lexicographic(a.cost, b.cost));
  if (candidates.length === 0) return { ok: false, reason: 'no_pattern' };
  const served = candidates.find((c) => (c.plan.kind === 'key' ? c.plan.ids.length : c.plan.partitions.length / c.plan.buckets) <= MAX_PARTITIONS);
  return served ? { ok: true, plan: served.plan } : { ok: false, reason: 'too_broad' };
}
