/**
 * The workorders list's tenant-wide tree of active payments, over the keys-only `pages` index's
 * sort key (the payment id; cut after 2, 4 and 6 digits: with today's 15-digit ids the leaf
 * buckets span about 4 minutes, their parents 6.8 hours and 28 days). Measure `c` counts them.
 *
 * It is written by every create and soft delete of the tenant, so it is sharded: a payment's
 * nodes are those of shard `id mod K`, in K partitions; readers add the K shards up. The K shard
 * roots are the tenant's active-payment counter (this replaces the single COUNTER item).
 *
 * Page N (store/pagination.ts seekOffset, through store/work-order-orders.ts in either direction):
 * the total from the roots, the bucket holding offset N from one node per level, then only that
 * bucket's earlier index entries are skipped.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../client.js';
import { COUNTERS, indexKeys, keys } from '../keys.js';
import { queryAll } from '../pagination.js';
import type { TxItems } from '../tx.js';
import { addAt, type Entry, rebuild, type Series } from './tree.js';
import { markComplete, openTree, type TreeView } from './tree-view.js';

/** Shards of the tenant-wide tree (README: the write rate this supports). */
export const ACTIVE_PAYMENT_SHARDS = 4;

export const activePaymentsSeries = (tenant: string): Series => ({
  tenant,
  name: 'WO_ACTIVE',
  shape: { cuts: [2, 4, 6] },
  measures: ['c'],
  shards: ACTIVE_PAYMENT_SHARDS,
});

/** Transaction items counting a payment in (+1, on create) or out (−1, on soft delete). */
export function changeActivePayments(tenant: string, paymentId: string, delta: 1 | -1): TxItems {
  return addAt(activePaymentsSeries(tenant), paymentId, { c: delta });
}

/** Every active payment id, in id order, from the keys-only index (the source of truth of the tree). */
export async function activePaymentIds(tenant: string): Promise<string[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'pages',
    KeyConditionExpression: 'pagepk = :pk',
    ExpressionAttributeValues: { ':pk': indexKeys.activeWorkOrderPayments(tenant) },
  });
  return items.map((item) => String(item.pagesk));
}

async function activePaymentEntries(tenant: string): Promise<Entry[]> {
  return (await activePaymentIds(tenant)).map((key) => ({ key, totals: { c: 1 } }));
}

/** Backfill: rebuilds the tenant's tree from the index. */
export function rebuildActivePayments(tenant: string, mode?: 'backfill' | 'on-read'): Promise<void> {
  return rebuild(activePaymentsSeries(tenant), () => activePaymentEntries(tenant), mode);
}

/**
 * Payments recorded before the tree existed left the old single counter item behind: only then is
 * a rebuild from the index needed; a tenant without it has had every change counted in the tree.
 */
async function completeActivePayments(tenant: string): Promise<void> {
  const legacy = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.counter(tenant, COUNTERS.activeWorkOrderPayments), ConsistentRead: true }),
  );
  if (legacy.Item) await rebuildActivePayments(tenant, 'on-read');
  else await markComplete(activePaymentsSeries(tenant));
}

/** The tenant's tree of active payments by id, complete (the id order of GET /api/pagos). */
export function activePaymentsView(tenant: string): Promise<TreeView> {
  return openTree(activePaymentsSeries(tenant), {
    complete: () => completeActivePayments(tenant),
    fallback: () => activePaymentEntries(tenant),
  });
}

export async function countActivePayments(tenant: string): Promise<number> {
  return (await activePaymentsView(tenant)).total().c ?? 0;
}
