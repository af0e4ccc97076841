/**
 * The accounts API's per-entity tree over business days (`YYYYMMDD`, cut into year / month / day):
 * measure `n` is each day's net (what it adds to the running balance: balance − paid + collected,
 * shared/domain/statements.ts) and `c` its payments counted (reversed ones included, as the history
 * lists them). Kept in the same transactions as the daily statement items, so:
 *
 * - remainingBalance through day D = the tree's cumulative `n` through D: 3 small items;
 * - the history's total over [from, to] and the day page N starts on come from the same counts.
 *
 * The statement day items stay the source of truth: an entity with days written before the trees
 * existed has its tree rebuilt from them on first read; any other is complete as written.
 */
import { dayNet } from '../../domain/statements.js';
import { hasDaysBeforeTrees, statementDaysUpTo } from '../statements.js';
import type { OffsetIndex } from '../pagination.js';
import type { TxItems } from '../tx.js';
import { pathOf, range } from './prefix-tree.js';
import { addAt, type Entry, markComplete, openTree, rebuild, type Series, type TreeView } from './tree.js';

/** Year / month / day; year nodes hold 12 month slots and month nodes 31 day slots, from their first write. */
const SHAPE = { cuts: [4, 6, 8], domains: [undefined, range(1, 12, 2), range(1, 31, 2)] };

export const accountDaysSeries = (tenant: string, entityId: string): Series => ({
  tenant,
  name: `ACCT_DAYS_${entityId}`,
  shape: SHAPE,
  measures: ['n', 'c'],
  shards: 1,
});

const dayKey = (date: string) => date.replaceAll('-', '');
const keyDate = (key: string) => `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 8)}`;

/** What a payment adds to its day's net: a payment lowers what the entity owes, a collection raises it. */
export const paymentNet = (field: 'totalPaid' | 'totalCollected', amount: number) => (field === 'totalPaid' ? -amount : amount);

/** Transaction items for a change of one day: its net moved by `net`, its payments counted by `count`. */
export function changeAccountDay(tenant: string, entityId: string, date: string, change: { net: number; count: number }): TxItems {
  return addAt(accountDaysSeries(tenant, entityId), dayKey(date), { n: change.net, c: change.count });
}

/** The tree's entries from the statement day items (the source of truth), read consistently. */
export async function accountDayEntries(tenant: string, entityId: string): Promise<Entry[]> {
  const days = await statementDaysUpTo(tenant, entityId, '9999-12-31', true);
  return days.map((day) => ({ key: dayKey(day.date), totals: { n: dayNet(day), c: day.paymentCount } }));
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

function accountDays(tenant: string, entityId: string): Promise<TreeView> {
  return openTree(accountDaysSeries(tenant, entityId), {
    complete: () => completeAccountDays(tenant, entityId),
    fallback: () => accountDayEntries(tenant, entityId),
  });
}

/** The entity's remaining balance at the end of `date` (every day's net through it), minor units. */
export async function balanceThrough(tenant: string, entityId: string, date: string): Promise<number> {
  const view = await accountDays(tenant, entityId);
  return (await view.cumulative(dayKey(date), true)).n ?? 0;
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
  const view = await accountDays(tenant, entityId);
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
