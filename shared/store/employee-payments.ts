/**
 * Workorders payments of one employee (party scope, SPEC §4): an EMPLOYEE lists only its own
 * payments, served by key reads of its own partition, never by filtering a wider Query. Each active
 * workorders payment has two small entries in its employee's partition, written, moved and removed
 * in the payment's own transactions: `ALL#{id}` for the employee's list and `WO#{workOrder}#{id}` for
 * its payments of one work order; a counter per employee holds the list's total. Entries carry no
 * payment data (payments are batch-read by id), so skipping to page N reads N tiny items, as the
 * keys-only `pages` index does for the tenant's list.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Payment } from '../domain/payments.js';
import { db, tableName } from './client.js';
import { COUNTERS, keys } from './keys.js';
import { getPayments, readCounter, addToCounter } from './payments.js';
import type { TxItems } from './tx.js';


type Scoped = Pick<Payment, 'id' | 'source' | 'deleted' | 'employeeId' | 'allocations'>;

/** The entry sort keys of a payment in its employee's partition (none unless an active workorders payment). */
function entriesOf(p: Scoped | undefined): { employee: string; sks: string[] } | undefined {
  if (!p || p.source !== 'workorders' || p.deleted || !p.employeeId) return undefined;
  const workOrder = p.allocations[0]?.chargeId;
  return { employee: p.employeeId, sks: [`ALL#${p.id}`, ...(workOrder ? [`WO#${workOrder}#${p.id}`] : [])] };
}

/** The items that move a payment's employee entries and counters from `before` to `after` (either may be absent). */
export function employeeEntryItems(tenant: string, before: Scoped | undefined, after: Scoped | undefined): TxItems {
  const was = entriesOf(before);
  const is = entriesOf(after);
  const sameEmployee = was?.employee === is?.employee;
  const items: TxItems[number][] = [];
  for (const sk of was?.sks ?? []) {
    if (sameEmployee && is?.sks.includes(sk)) continue;
    items.push([`employeeEntry:${sk}`, { Delete: { TableName: tableName(), Key: keys.employeeEntry(tenant, was!.employee, sk) } }]);
  }
  for (const sk of is?.sks ?? []) {
    if (sameEmployee && was?.sks.includes(sk)) continue;
    items.push([
      `employeeEntry:${sk}`,
      { Put: { TableName: tableName(), Item: { ...keys.employeeEntry(tenant, is!.employee, sk), type: 'EMPLOYEE_PAYMENT', tenant, paymentId: after!.id } } },
    ]);
  }
  if (!sameEmployee) {
    if (was) items.push([`employeeCounter:${was.employee}`, addToCounter(tenant, COUNTERS.activeEmployeePayments(was.employee), -1)]);
    if (is) items.push([`employeeCounter:${is.employee}`, addToCounter(tenant, COUNTERS.activeEmployeePayments(is.employee), 1)]);
  }
  return items;
}

/** Payment ids of entries under `prefix` in an employee's partition, after skipping `offset`, at most `limit` (all when undefined). */
async function entryIds(tenant: string, employee: string, prefix: string, offset: number, limit?: number): Promise<string[]> {
  const { pk } = keys.employeeEntry(tenant, employee, '');
  const ids: string[] = [];
  let skipped = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const want = skipped < offset ? offset - skipped : limit === undefined ? undefined : limit - ids.length;
    const result = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
        ProjectionExpression: 'paymentId',
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

/** One page of an employee's active workorders payments, oldest first, and their total (its counter). */
export async function employeePaymentsPage(tenant: string, employee: string, offset: number, size: number): Promise<{ totalElements: number; content: Payment[] }> {
  const totalElements = await readCounter(tenant, COUNTERS.activeEmployeePayments(employee));
  if (offset >= totalElements || size === 0) return { totalElements, content: [] };
  return { totalElements, content: present(await getPayments(tenant, await entryIds(tenant, employee, 'ALL#', offset, size))) };
}

/** An employee's active payments of one work order. */
export async function employeeWorkOrderPayments(tenant: string, employee: string, workOrderId: string): Promise<Payment[]> {
  return present(await getPayments(tenant, await entryIds(tenant, employee, `WO#${workOrderId}#`, 0)));
}
