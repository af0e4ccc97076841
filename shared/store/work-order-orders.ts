/**
 * The orders `GET /api/pagos?sort=field,asc|desc` lists the tenant's active workorders payments in
 * (issue 13), each with page N at a cost that does not grow with history:
 *
 * | sort          | list (keys-only `pages` index)                  | order key (digits)            | tree (store/aggregates)   |
 * |---------------|-------------------------------------------------|-------------------------------|---------------------------|
 * | id            | T#t#WO_PAYMENTS / id (the payment item itself)  | id                            | WO_ACTIVE, cuts 2/4/6     |
 * | fechaPago     | T#t#WO_ORDER#PAYDATE / key (an entry item)      | YYYYMMDD + id (16 digits)     | WO_PAYDATE, cuts 6/8/15   |
 * | fechaCreacion | T#t#WO_ORDER#CREATED / key (an entry item)      | createdAt (ms, 17) + id       | WO_CREATED, cuts 6/8/12   |
 * | monto         | T#t#WO_ORDER#AMOUNT / key (an entry item)       | amount (minor, 16) + id       | WO_AMOUNT, 8/12/16/20/22  |
 *
 * An item has one entry per index, so each extra order is a small entry item beside the payment in
 * its own partition (sk `ORDER#{name}`), written in the payment's own transactions (create, update,
 * soft delete: payments.ts side items), on the `pages` index the id list already uses: no new GSI.
 * The same entry is in gsi2 under its employee (an EMPLOYEE lists only its own payments:
 * ./employee-payments.ts; page N there skips N tiny entries, as its id order does).
 * Its tree counts the entries by key prefix, sharded like WO_ACTIVE (the id's last digits pick the
 * shard, so an entry moving keys stays in its shard). Page N, either direction: the tree names the
 * leaf bucket holding offset N and its rank there (root + one node per level, K shards each, one
 * BatchGet per level), seekOffset skips only that bucket's earlier entries (keys), then one page of
 * keys is read and those payments BatchGot. Every cut ends in a bucket of bounded size: a date's
 * payments created within about 4 minutes (fechaPago), one minute of creations (fechaCreacion), one
 * amount's payments created within about 40 minutes (monto). Ties are broken by id (ascending with
 * asc, descending with desc: the list read backwards).
 *
 * Payments from before these orders have no entry: the first sorted list of a tenant (per order)
 * writes the missing ones from the payments themselves (conditional puts: a writer's entry is never
 * overwritten) and rebuilds the tree from them, once.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Payment } from '../domain/payments.js';
import { activePaymentIds, activePaymentsView } from './aggregates/active-payments.js';
import { range, type TreeShape } from './aggregates/prefix-tree.js';
import { addAtKeys, type Entry, rebuild, type Series } from './aggregates/tree.js';
import { openTree, type TreeView } from './aggregates/tree-view.js';
import { db, tableName } from './client.js';
import { batchGet, batchGetStored, fromItem } from './items.js';
import { indexKeys, keys } from './keys.js';
import { type OffsetIndex, type OffsetList, seekOffset } from './pagination.js';
import type { TransactItem, TxItems } from './tx.js';

export const WORK_ORDER_SORT_FIELDS = ['fechaPago', 'fechaCreacion', 'monto', 'id'] as const;
export type WorkOrderSortField = (typeof WORK_ORDER_SORT_FIELDS)[number];
export interface WorkOrderSort {
  field: WorkOrderSortField;
  direction: 'asc' | 'desc';
}

/** An order served by entry items and a tree of its own. */
interface EntryOrder {
  name: string;
  /** The payment's position: digits, so the tree cuts it and string order is the order. */
  key(p: Payment): string;
  shape: TreeShape;
}

const DAYS = range(1, 31, 2);
const id16 = (id: string) => id.padStart(16, '0');

export const ENTRY_ORDERS: Readonly<Record<Exclude<WorkOrderSortField, 'id'>, EntryOrder>> = {
  fechaPago: {
    name: 'PAYDATE',
    key: (p) => p.date.replaceAll('-', '') + id16(p.id),
    // month / day / id[0:7] of the 16-digit id: that date's payments created within ~4 minutes
    shape: { cuts: [6, 8, 15], domains: [undefined, DAYS] },
  },
  fechaCreacion: {
    name: 'CREATED',
    key: (p) => new Date(p.createdAt).toISOString().replace(/\D/g, '') + id16(p.id),
    // month / day / hour and minute: one minute of creations
    shape: { cuts: [6, 8, 12], domains: [undefined, DAYS] },
  },
  monto: {
    name: 'AMOUNT',
    key: (p) => String(p.amount).padStart(16, '0') + id16(p.id),
    // amount digits 0-8 (units of 10^8 minor) / 8-12 / 12-16 (the exact amount) / id[0:4] (~2.8 days) / id[4:6]:
    // that amount's payments created within ~40 minutes
    shape: { cuts: [8, 12, 16, 20, 22] },
  },
};

/** Shards of each tenant-wide order tree (as WO_ACTIVE: every create and delete writes them). */
const ORDER_SHARDS = 4;

const orderSeries = (tenant: string, order: EntryOrder): Series => ({
  tenant,
  name: `WO_${order.name}`,
  shape: order.shape,
  measures: ['c'],
  shards: ORDER_SHARDS,
});

/** In the lists: an active workorders payment of a work order (as its `pages` entry in payments.ts). */
const listed = (p: Payment | undefined): p is Payment =>
  p !== undefined && p.source === 'workorders' && !p.deleted && p.allocations[0]?.chargeId !== undefined;

/** Where a payment's entry of `order` sits: its key (in the tenant's list) and employee (in theirs, gsi2); none once unlisted. */
const positionOf = (p: Payment | undefined, order: EntryOrder) => (listed(p) ? { key: order.key(p), employee: p.employeeId } : undefined);
type Position = ReturnType<typeof positionOf>;

function entryItem(tenant: string, paymentId: string, order: EntryOrder, at: Position): Record<string, unknown> {
  return {
    ...keys.paymentOrder(tenant, paymentId, order.name),
    type: 'PAYMENT_ORDER',
    tenant,
    paymentId,
    ...(at ? { pagepk: indexKeys.workOrderOrder(tenant, order.name), pagesk: at.key } : {}),
    ...(at?.employee ? { gsi2pk: indexKeys.employeeOrder(tenant, order.name, at.employee), gsi2sk: at.key } : {}),
  };
}

/** A listed payment's entry item of each order and its tree key, as its create writes them (bulk loads: the bench). */
export function orderEntries(tenant: string, payment: Payment): { field: Exclude<WorkOrderSortField, 'id'>; series: Series; item: Record<string, unknown>; key: string }[] {
  return Object.entries(ENTRY_ORDERS).map(([field, order]) => ({
    field: field as Exclude<WorkOrderSortField, 'id'>,
    series: orderSeries(tenant, order),
    item: entryItem(tenant, payment.id, order, positionOf(payment, order)),
    key: order.key(payment),
  }));
}

/**
 * The items keeping a workorders payment's order entries and trees from `before` to `after`: per
 * order whose key changed, its entry put (without index attributes once it leaves the lists: no
 * DeleteItem) and its tree moved in one ADD per node.
 */
export function workOrderOrderItems(tenant: string, before: Payment | undefined, after: Payment): TxItems {
  const items: TxItems[number][] = [];
  for (const [field, order] of Object.entries(ENTRY_ORDERS)) {
    const was = positionOf(before, order);
    const is = positionOf(after, order);
    if (was?.key === is?.key && was?.employee === is?.employee) continue;
    const put: TransactItem = { Put: { TableName: tableName(), Item: entryItem(tenant, after.id, order, is) } };
    items.push([`paymentOrder:${field}`, put]);
    const moves: Entry[] = [...(was ? [{ key: was.key, totals: { c: -1 } }] : []), ...(is ? [{ key: is.key, totals: { c: 1 } }] : [])];
    items.push(...addAtKeys(orderSeries(tenant, order), moves));
  }
  return items;
}

/** Every active workorders payment, read consistently. */
async function activePayments(tenant: string): Promise<Payment[]> {
  const ids = await activePaymentIds(tenant);
  const stored = await batchGetStored(ids.map((id) => keys.payment(tenant, id)), true);
  return stored.filter((item) => item !== undefined).map((item) => fromItem<Payment>(item!)).filter(listed);
}

const PUTS_IN_FLIGHT = 8;

/**
 * The order's entries from the payments themselves (the source of truth its tree is rebuilt from),
 * putting each missing entry item on the way: conditional, so an entry a writer put meanwhile stays.
 */
async function backfilledEntries(tenant: string, order: EntryOrder): Promise<Entry[]> {
  const payments = await activePayments(tenant);
  const existing = await batchGetStored(payments.map((p) => keys.paymentOrder(tenant, p.id, order.name)), true);
  const missing = payments.filter((_, i) => existing[i] === undefined);
  for (let i = 0; i < missing.length; i += PUTS_IN_FLIGHT) {
    await Promise.all(
      missing.slice(i, i + PUTS_IN_FLIGHT).map(async (p) => {
        try {
          await db().send(
            new PutCommand({ TableName: tableName(), Item: entryItem(tenant, p.id, order, positionOf(p, order)), ConditionExpression: 'attribute_not_exists(pk)' }),
          );
        } catch (error) {
          if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
        }
      }),
    );
  }
  return payments.map((p) => ({ key: order.key(p), totals: { c: 1 } }));
}

function orderView(tenant: string, order: EntryOrder): Promise<TreeView> {
  const series = orderSeries(tenant, order);
  return openTree(series, {
    complete: () => rebuild(series, () => backfilledEntries(tenant, order), 'on-read'),
    fallback: () => backfilledEntries(tenant, order),
  });
}

/**
 * Makes sure every active payment has its entry of this order (the first use of an order writes the
 * missing ones, with its tree): what an employee's sorted list relies on before reading its entries.
 */
export async function ensureOrderEntries(tenant: string, field: Exclude<WorkOrderSortField, 'id'>): Promise<void> {
  await orderView(tenant, ENTRY_ORDERS[field]);
}

/** A tree's counts as seekOffset's index in either direction (descending: rank from the end). */
function treeIndex(view: TreeView, direction: WorkOrderSort['direction']): OffsetIndex {
  const total = view.total().c ?? 0;
  return {
    total,
    locate: async (offset) => {
      if (direction === 'asc') return view.locate(offset, 'c');
      const at = await view.locate(total - 1 - offset, 'c');
      return at && { bucket: at.bucket, within: at.count - 1 - at.within };
    },
  };
}

/** A list on the `pages` index read in `direction`, from a bucket on. */
const pagesList = (partition: string, direction: WorkOrderSort['direction']): OffsetList =>
  direction === 'asc'
    ? { partition, fromBucket: (bucket) => [bucket, '~'] }
    : { partition, newestFirst: true, fromBucket: (bucket) => ['0', `${bucket}~`] };

/** The payment id of a `pages` entry: its item sits in the payment's partition `T#t#PAYMENT#{id}`. */
const paymentIdOf = (item: Record<string, unknown>) => {
  const pk = String(item.pk);
  return pk.slice(pk.lastIndexOf('#') + 1);
};

/** One page of the tenant's active workorders payments in `sort` order, and their total. */
export async function sortedWorkOrderPaymentsPage(
  tenant: string,
  sort: WorkOrderSort,
  offset: number,
  size: number,
): Promise<{ totalElements: number; content: Payment[] }> {
  const [view, partition] =
    sort.field === 'id'
      ? [await activePaymentsView(tenant), indexKeys.activeWorkOrderPayments(tenant)]
      : [await orderView(tenant, ENTRY_ORDERS[sort.field]), indexKeys.workOrderOrder(tenant, ENTRY_ORDERS[sort.field].name)];
  const index = treeIndex(view, sort.direction);
  const list = pagesList(partition, sort.direction);
  const start = await seekOffset(index, list, offset);
  if (!start) return { totalElements: index.total, content: [] };
  const page = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'pages',
      KeyConditionExpression: 'pagepk = :pk AND pagesk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': partition, ':from': start.between[0], ':to': start.between[1] },
      ScanIndexForward: sort.direction === 'asc',
      Limit: size,
      ExclusiveStartKey: start.startKey,
    }),
  );
  const ids = (page.Items ?? []).map(paymentIdOf);
  const content = (await batchGet<Payment>(ids.map((id) => keys.payment(tenant, id)))).filter((p): p is Payment => p !== undefined);
  return { totalElements: index.total, content };
}
