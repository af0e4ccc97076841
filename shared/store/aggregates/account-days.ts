/**
 * The accounts API's per-entity tree over business days (`YYYYMMDD`, cut into year / month / day):
 * measure `n` is each day's net (what it adds to the running balance: balance − paid + collected, and an opening balance,
 * shared/domain/statements.ts) and `c` its payments counted (reversed ones included, as the history
 * lists them); since version 2 also every figure of the day (DAY_MEASURES: sales, payouts, both
 * commissions, paid, collected, and `x`, 1 when the day is settled), and since version 3 `b`, the
 * day's balance (sales − payouts − both commissions). The figures are kept in the month nodes only:
 * the root and the year nodes keep `n` and `c` (shape.upper), so the root grows by two values a
 * year. Kept in the same transactions as the daily statement items, so:
 *
 * - remainingBalance through day D = the tree's cumulative `n` through D: 3 small items, the year
 *   and month nodes read for `n` and `b` only (a projection), so a full month costs what its first
 *   day did;
 * - the history's total over [from, to] and the day page N starts on come from the same counts;
 * - a month node holds each of its days' figures, and its year node's slot the month's totals:
 *   accumulatedBalance and period statements (shared/ledger/accounts/period-statements.ts) read
 *   those nodes, never the days or the payments.
 *
 * The statement day items stay the source of truth: an entity with days written before the trees
 * existed has its tree rebuilt from them on first read; any other is complete as written.
 */
import { sumMinor } from '../../domain/money.js';
import { dayNet } from '../../domain/statements.js';
import { ACCOUNT_TREE_VERSION, hasDaysBeforeTrees, type StatementDay, statementDaysUpTo } from '../statements.js';
import type { OffsetIndex } from '../pagination.js';
import type { TxItems } from '../tx.js';
import { pathOf, range, sumSlots, type Totals } from './prefix-tree.js';
import { addAt, type Entry, rebuild, type Series } from './tree.js';
import { markComplete, openTree, openTrees, TreeView } from './tree-view.js';

/** Year / month / day; year nodes hold 12 month slots and month nodes 31 day slots, from their first write. */
const SHAPE = { cuts: [4, 6, 8], domains: [undefined, range(1, 12, 2), range(1, 31, 2)], upper: ['n', 'c'] };

/** The figures of a day by measure letter (n and c above; attribute names are letter + slot digits). */
export const DAY_MEASURES = {
  s: 'totalSales',
  p: 'totalPayouts',
  l: 'listeroCommission',
  v: 'vendedorCommission',
  d: 'totalPaid',
  k: 'totalCollected',
} as const satisfies Record<string, keyof StatementDay>;

export const accountDaysSeries = (tenant: string, entityId: string): Series => ({
  tenant,
  name: `ACCT_DAYS_${entityId}`,
  shape: SHAPE,
  measures: ['n', 'c', ...Object.keys(DAY_MEASURES), 'x', 'b'],
  // Month nodes are prefilled with n and c only (10 measures x 31 slots would pass the 4 KB update expression).
  prefilled: ['n', 'c'],
  // 2: the day figures joined n and c; 3: `b` joined them and left the upper levels. Trees completed
  // before are rebuilt from the days on first read.
  version: ACCOUNT_TREE_VERSION,
  shards: 1,
});

/** A day's (or several days') balance: sales − payouts − both commissions, from tree totals. */
const balanceOf = (totals: Totals): number => sumMinor([totals.s ?? 0, -(totals.p ?? 0), -(totals.l ?? 0), -(totals.v ?? 0)]);

/** One day's entry in the tree, from its stored item (the source of truth). */
export function dayTotals(day: StatementDay): Totals {
  const figures = Object.fromEntries(Object.entries(DAY_MEASURES).map(([measure, field]) => [measure, day[field] as number]));
  return { n: dayNet(day), c: day.paymentCount, ...figures, x: day.isSaldado ? 1 : 0, b: balanceOf(figures) };
}

const dayKey = (date: string) => date.replaceAll('-', '');
const keyDate = (key: string) => `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 8)}`;

/** What a payment adds to its day's net: a payment lowers what the entity owes, a collection raises it. */
export const paymentNet = (field: 'totalPaid' | 'totalCollected', amount: number) => (field === 'totalPaid' ? -amount : amount);

/** Transaction items for a change of one day: each measure moved by its delta (dayTotals' letters; `b` follows the figures). */
export function changeAccountDay(tenant: string, entityId: string, date: string, deltas: Totals): TxItems {
  return addAt(accountDaysSeries(tenant, entityId), dayKey(date), { ...deltas, b: balanceOf(deltas) });
}

/** The tree's entries from the statement day items (the source of truth), read consistently. */
export async function accountDayEntries(tenant: string, entityId: string): Promise<Entry[]> {
  const days = await statementDaysUpTo(tenant, entityId, '9999-12-31', true);
  return days.map((day) => ({ key: dayKey(day.date), totals: dayTotals(day) }));
}

/** Backfill: rebuilds the entity's tree from its statement days. */
export function rebuildAccountDays(tenant: string, entityId: string, mode?: 'backfill' | 'on-read'): Promise<void> {
  return rebuild(accountDaysSeries(tenant, entityId), () => accountDayEntries(tenant, entityId), mode);
}

/**
 * Completes an entity's tree: one whose every day was created with the tree is exact as written
 * (whatever writers do meanwhile); one with older days is rebuilt from them.
 */
async function completeAccountDays(tenant: string, entityId: string): Promise<void> {
  if (await hasDaysBeforeTrees(tenant, entityId)) await rebuildAccountDays(tenant, entityId, 'on-read');
  else await markComplete(accountDaysSeries(tenant, entityId));
}

const howToOpen = (tenant: string, entityId: string) => ({
  series: accountDaysSeries(tenant, entityId),
  complete: () => completeAccountDays(tenant, entityId),
  fallback: () => accountDayEntries(tenant, entityId),
});

/** A view of the entity's tree that reads only `measures` from its year and month nodes. */
function accountDays(tenant: string, entityId: string, measures: readonly string[]): Promise<TreeView> {
  const how = howToOpen(tenant, entityId);
  return openTree(how.series, how, measures);
}

/**
 * At the end of `date`: the remaining balance (every day's net through it) and the accumulated
 * balance (the sum of `balance` from the 1st of its month through it), minor units. Both from the
 * nodes on the day's path: root, year and month, whatever the history.
 */
export async function balancesThrough(tenant: string, entityId: string, date: string): Promise<{ remainingBalance: number; accumulatedBalance: number }> {
  const view = await accountDays(tenant, entityId, ['n', 'b']);
  const key = dayKey(date);
  const remainingBalance = (await view.cumulative(key, true)).n ?? 0;
  const [{ node: month, slot: day }] = pathOf(key, SHAPE).slice(-1) as [{ node: string; slot: string }];
  return { remainingBalance, accumulatedBalance: sumSlots(view.slots(month), day, true).b ?? 0 };
}

/** Several entities' figures over a range of days, from their trees (issue 13 item 9). */
export interface EntityDays {
  entityId: string;
  /** Every measure summed over the days before `from`. */
  before: Totals;
  /** The days of [from, to] the tree holds anything for, by date, oldest first. */
  days: Map<string, Totals>;
}

/**
 * Reads, per entity, its root, the year nodes and the month nodes of [from, to]: at most 1 + 2 + 13
 * items for a range of up to 366 days (two BatchGets for all the entities), never a day item or a
 * payment. A tree not complete yet is completed first (once in its life).
 */
export async function entityDaysBetween(tenant: string, entityIds: readonly string[], from: string, to: string): Promise<EntityDays[]> {
  const views = await openTrees(entityIds.map((id) => howToOpen(tenant, id)));
  const months = monthsBetween(from, to);
  const nodes = [...new Set(months.map((m) => m.slice(0, 4))), ...months];
  await TreeView.loadAll(views.map((view) => [view, nodes] as const));
  const [fromKey, toKey] = [dayKey(from), dayKey(to)];
  return Promise.all(
    views.map(async (view, i) => {
      const days = new Map<string, Totals>();
      for (const month of months) {
        const slots = view.slots(month);
        for (const day of Object.keys(slots).sort()) {
          const key = month + day;
          if (key >= fromKey && key <= toKey && Object.values(slots[day]!).some((value) => value !== 0)) days.set(keyDate(key), slots[day]!);
        }
      }
      return { entityId: entityIds[i]!, before: await view.cumulative(fromKey, false), days };
    }),
  );
}

/** `YYYYMM` of every month from `from`'s to `to`'s. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const last = to.slice(0, 7).replace('-', '');
  for (;;) {
    const key = `${year}${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/**
 * The history between two days (inclusive, either open), newest first, as seekOffset's index: how
 * many payments it holds, and for an offset the day holding it (its bucket) and how many of that
 * day's payments (newest first) precede it. Reads the root plus at most two nodes per bound and two
 * for the jump, whatever the history.
 */
export async function accountHistoryIndex(
  tenant: string,
  entityId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<OffsetIndex> {
  const view = await accountDays(tenant, entityId, ['c']);
  const bounds = [range.to, range.from].filter((d): d is string => d !== undefined).map(dayKey);
  await view.load(bounds.flatMap((key) => pathOf(key, SHAPE).map((step) => step.node)));
  const through = range.to === undefined ? (view.total().c ?? 0) : ((await view.cumulative(dayKey(range.to), true)).c ?? 0);
  const before = range.from === undefined ? 0 : ((await view.cumulative(dayKey(range.from), false)).c ?? 0);
  return {
    total: Math.max(0, through - before),
    locate: async (offset) => {
      const at = await view.locate(through - 1 - offset, 'c');
      return at && { bucket: keyDate(at.bucket), within: at.count - 1 - at.within };
    },
  };
}
