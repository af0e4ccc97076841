/**
 * Workorders payments of one employee (party scope, SPEC §4): an EMPLOYEE lists only its own
 * payments, served by its own partitions of gsi2, never by filtering a wider Query. Each workorders
 * payment has two small entry items beside it (its own partition, sk `EMPLOYEE#ALL` and
 * `EMPLOYEE#WO`), indexed in gsi2 under its employee (and work order) while the payment is active,
 * and dropped from the index (REMOVE of the index attributes, no delete) when it leaves; all in the
 * payment's own transactions. The employee's aggregate tree (./aggregates/tree.ts, series
 * `WO_EMP_{employee}`, written by the same transactions since its first payment) holds the list's total. Entries carry no payment
 * data (payments are batch-read by id), so skipping to page N reads N tiny items (the tenant's
 * lists jump there through their trees instead). Sorted by another field, an employee's list reads
 * the entries of that order (./work-order-orders.ts), indexed in gsi2 under the employee as well.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Payment } from '../domain/payments.js';
import { db, tableName } from './client.js';
import { addAt, type Series } from './aggregates/tree.js';
import { TreeView } from './aggregates/tree-view.js';
import { indexKeys, keys } from './keys.js';
import { getPayments } from './payments.js';
import type { TransactItem, TxItems } from './tx.js';
import { ENTRY_ORDERS, ensureOrderEntries, type WorkOrderSort } from './work-order-orders.js';

/** One employee's active workorders payments, counted by id (one shard: an employee writes little). */
const employeeSeries = (tenant: string, employee: string): Series => ({
  tenant,
  name: `WO_EMP_${employee}`,
  shape: { cuts: [2, 4, 6] },
  measures: ['c'],
  shards: 1,
});

type Scoped = Pick<Payment, 'id' | 'source' | 'deleted' | 'employeeId' | 'allocations'>;
type EntryKind = 'ALL' | 'WO';
const ENTRY_KINDS: readonly EntryKind[] = ['ALL', 'WO'];

/** The gsi2 partition of each entry of a payment (none unless an active workorders payment with an employee). */
function partitionsOf(tenant: string, p: Scoped | undefined): Partial<Record<EntryKind, string>> {
  if (!p || p.source !== 'workorders' || p.deleted || !p.employeeId) return {};
  const workOrder = p.allocations[0]?.chargeId;
  return {
    ALL: indexKeys.employeePayments(tenant, p.employeeId),
    ...(workOrder ? { WO: indexKeys.employeeWorkOrderPayments(tenant, p.employeeId, workOrder) } : {}),
  };
}

function entry(tenant: string, paymentId: string, kind: EntryKind, partition: string | undefined): TransactItem {
  const Key = keys.employeeEntry(tenant, paymentId, kind);
  if (partition === undefined) {
    return { Update: { TableName: tableName(), Key, UpdateExpression: 'REMOVE gsi2pk, gsi2sk' } };
  }
  return { Put: { TableName: tableName(), Item: { ...Key, type: 'EMPLOYEE_ENTRY', tenant, paymentId, gsi2pk: partition, gsi2sk: paymentId } } };
}

/** The items that move a payment's employee entries and counters from `before` to `after` (either may be absent). */
export function employeeEntryItems(tenant: string, before: Scoped | undefined, after: Scoped | undefined): TxItems {
  const was = partitionsOf(tenant, before);
  const is = partitionsOf(tenant, after);
  const id = (after ?? before)!.id;
  const items: TxItems[number][] = ENTRY_KINDS.filter((kind) => was[kind] !== is[kind]).map(
    (kind) => [`employeeEntry:${kind}`, entry(tenant, id, kind, is[kind])] as const,
  );
  const from = was.ALL === undefined ? undefined : before?.employeeId;
  const to = is.ALL === undefined ? undefined : after?.employeeId;
  if (from !== to) {
    if (from) items.push(...addAt(employeeSeries(tenant, from), id, { c: -1 }));
    if (to) items.push(...addAt(employeeSeries(tenant, to), id, { c: 1 }));
  }
  return items;
}

/** Payment ids of a gsi2 entry partition in sort-key order (or reversed), after skipping `offset`, at most `limit` (all when undefined). */
async function entryIds(partition: string, offset: number, limit?: number, backwards = false): Promise<string[]> {
  const ids: string[] = [];
  let skipped = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const want = skipped < offset ? offset - skipped : limit === undefined ? undefined : limit - ids.length;
    const result = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        ProjectionExpression: 'paymentId',
        ...(backwards ? { ScanIndexForward: false } : {}),
        ...(want !== undefined ? { Limit: want } : {}),
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of result.Items ?? []) {
      if (skipped < offset) skipped++;
      else ids.push(String(item.paymentId));
    }
    startKey = result.LastEvaluatedKey;
  } while (startKey && (limit === undefined || ids.length < limit));
  return ids;
}

const present = (payments: (Payment | undefined)[]) => payments.filter((p): p is Payment => p !== undefined);

/**
 * One page of an employee's active workorders payments in `sort` order (by id: its `EMPLOYEE#ALL`
 * entries; by another field: that order's entries, ./work-order-orders.ts, which carry the
 * employee's gsi2 partition too), and their total (its tree's root).
 */
export async function employeePaymentsPage(
  tenant: string,
  employee: string,
  sort: WorkOrderSort,
  offset: number,
  size: number,
): Promise<{ totalElements: number; content: Payment[] }> {
  const totalElements = (await TreeView.open(employeeSeries(tenant, employee))).total().c ?? 0;
  if (offset >= totalElements || size === 0) return { totalElements, content: [] };
  if (sort.field !== 'id') await ensureOrderEntries(tenant, sort.field);
  const partition =
    sort.field === 'id' ? indexKeys.employeePayments(tenant, employee) : indexKeys.employeeOrder(tenant, ENTRY_ORDERS[sort.field].name, employee);
  const ids = await entryIds(partition, offset, size, sort.direction === 'desc');
  return { totalElements, content: present(await getPayments(tenant, ids)) };
}

/** An employee's active payments of one work order. */
export async function employeeWorkOrderPayments(tenant: string, employee: string, workOrderId: string): Promise<Payment[]> {
  return present(await getPayments(tenant, await entryIds(indexKeys.employeeWorkOrderPayments(tenant, employee, workOrderId), 0)));
}
