/**
 * Long histories for the flat-cost budget, loaded straight into DynamoDB Local with BatchWriteItem.
 * Every item's shape comes from the store code the handlers use: payments from paymentItem,
 * statement days from statementDayItem, tree nodes from treeItems (what a rebuild writes).
 */
import { randomUUID } from 'node:crypto';
import type { DayFigures } from '../../shared/domain/statements.js';
import type { Payment } from '../../shared/domain/payments.js';
import { newId } from '../../shared/ids.js';
import { accountDaysSeries, dayTotals } from '../../shared/store/aggregates/account-days.js';
import { activePaymentsSeries } from '../../shared/store/aggregates/active-payments.js';
import { completeMark, type Entry, type Series, treeItems } from '../../shared/store/aggregates/tree.js';
import { putItems } from '../../shared/store/batch-write.js';
import { paymentItem } from '../../shared/store/payments.js';
import { type StatementDay, statementDayItem } from '../../shared/store/statements.js';
import { orderEntries } from '../../shared/store/work-order-orders.js';
import { createParty, createTenant, workOrderTenant } from '../support/ledger-fixtures.js';

/** Concurrent BatchWriteItem calls while loading (DynamoDB Local on 2 cores saturates around here). */
const PARALLEL = 8;
const CHUNK = 20_000;
/** 10 payments a day, one an hour from 08:00: with history pages of 5 every page is full on every size. */
const TIMES = Array.from({ length: 10 }, (_, h) => `${String(8 + h).padStart(2, '0')}:15`);
const DAY_MS = 86_400_000;

export interface LoadedAccounts {
  tenant: string;
  vendedorId: string;
  /** The history's last day (the statement and the new payment are on it). */
  lastDay: string;
  payments: number;
  items: number;
  seconds: number;
}

const completeRoot = (series: Series) => () => ({ complete: completeMark(series), rev: 1 });

/** A vendedor with `days` days of history ending `lastDay`: activity and 10 payments every day. */
export async function loadAccountsHistory(days: number, lastDay = '2026-06-30'): Promise<LoadedAccounts> {
  const started = performance.now();
  const tenant = `bench-flat-acct-${randomUUID()}`;
  await createTenant(tenant, { currency: 'CRC', timeZone: 'America/Costa_Rica' });
  const banca = await createParty(tenant, 'banca', { name: 'Banca Central' });
  const ventana = await createParty(tenant, 'ventana', { name: 'Ventana Norte', parentId: banca.id });
  const vendedor = await createParty(tenant, 'vendedor', { name: 'Carlos Mora', parentId: ventana.id });
  const end = Date.parse(`${lastDay}T00:00:00Z`);
  const now = new Date().toISOString();
  const items: Record<string, unknown>[] = [];
  const entries: Entry[] = [];
  for (let d = days - 1; d >= 0; d--) {
    const date = new Date(end - d * DAY_MS).toISOString().slice(0, 10);
    const day: DayFigures = { date, totalSales: 5_000_000 + d, totalPayouts: 2_500_000, commission: 175_000, totalPaid: 0, totalCollected: 0 };
    TIMES.forEach((time, p) => {
      const amount = 100_000 + 10 * p;
      const direction = p % 3 === 1 ? 'out' : 'in';
      if (direction === 'in') day.totalPaid += amount;
      else day.totalCollected += amount;
      const payment: Payment = {
        id: newId(), source: 'accounts', amount, currency: 'CRC', date, time, method: 'cash', direction,
        payerId: vendedor.id, payerName: vendedor.name, entityId: vendedor.id, entityKind: 'vendedor', isFinal: false,
        recordedBy: 'bench', allocations: [], status: 'active', deleted: false, reconciliation: 'reconciled',
        createdAt: now, updatedAt: now, version: 1,
      };
      items.push(paymentItem(tenant, payment));
    });
    const stored: StatementDay = {
      ...day, listeroCommission: 0, vendedorCommission: day.commission, ticketCount: 0, isSaldado: false, paymentCount: TIMES.length, activityVersion: 1,
    };
    const { date: _date, ...fields } = stored;
    items.push(statementDayItem({ tenant, entityId: vendedor.id, entityKind: 'vendedor', date }, fields, now));
    entries.push({ key: date.replaceAll('-', ''), totals: dayTotals(stored) });
  }
  const series = accountDaysSeries(tenant, vendedor.id);
  const tree = treeItems(series, entries, completeRoot(series));
  items.push(...tree.nodes, ...tree.roots);
  await putItems(items, PARALLEL);
  return {
    tenant,
    vendedorId: vendedor.id,
    lastDay,
    payments: days * TIMES.length,
    items: items.length,
    seconds: (performance.now() - started) / 1000,
  };
}

export interface LoadedWorkorders {
  tenant: string;
  employeeId: string;
  clientId: string;
  workOrderId: string;
  payments: number;
  /** Whether the sorted lists' entries were loaded (the `sort=` pages need them). */
  sortedLists: boolean;
  items: number;
  seconds: number;
}

/** ids are (ms since 2024-01-01) x 4096 + a 12-bit sequence (shared/ids.ts); a loaded history needs past ones. */
const ID_EPOCH = Date.UTC(2024, 0, 1);
const idAt = (ms: number, sequence: number) => String((ms - ID_EPOCH) * 4096 + (sequence % 4096));

/**
 * `count` active payments of one work order, recorded at a steady 1,000 a day up to now (so a
 * million span 1,000 days): the same rate whatever the size, only the history grows. Each with its
 * entries in the sorted lists (store/work-order-orders.ts) and every tree, as the creates would;
 * `sortedLists: false` leaves the sorted lists out (three items a payment, in partitions of their
 * own that the default-order pages never read), which cuts a million-payment load by three quarters.
 */
export async function loadWorkordersHistory(
  count: number,
  options: { perDay?: number; sortedLists?: boolean; log?: (line: string) => void } = {},
): Promise<LoadedWorkorders> {
  const { perDay = 1000, sortedLists = true, log = () => undefined } = options;
  const started = performance.now();
  const tenant = `bench-flat-wo-${randomUUID()}`;
  const { employee, client, workOrder } = await workOrderTenant(tenant);
  const step = DAY_MS / perDay;
  const end = Date.now() - DAY_MS;
  const now = new Date().toISOString();
  const entries: Entry[] = [];
  const orderKeys = new Map<string, { series: Series; entries: Entry[] }>();
  let written = 0;
  for (let from = 0; from < count; from += CHUNK) {
    const items: Record<string, unknown>[] = [];
    for (let i = from; i < Math.min(count, from + CHUNK); i++) {
      const at = Math.floor(end - (count - 1 - i) * step);
      const id = idAt(at, i);
      // Recorded when its id says, dated that day, 500 distinct amounts: what the sorted lists cut on.
      const created = new Date(at).toISOString();
      const amount = 1000 + (i % 500) * 37;
      const payment: Payment = {
        id, source: 'workorders', amount, currency: 'PEN', date: created.slice(0, 10), method: 'BCP', direction: 'in',
        reference: 'OP-123456', payerId: client.id, payerName: client.name, employeeId: employee.id, employeeName: employee.name,
        recordedBy: 'bench', allocations: [{ chargeId: workOrder.id, amount }], status: 'active', deleted: false,
        reconciliation: 'reconciled', createdAt: created, updatedAt: now, version: 1,
      };
      items.push(paymentItem(tenant, payment));
      entries.push({ key: id, totals: { c: 1 } });
      for (const order of sortedLists ? orderEntries(tenant, payment) : []) {
        items.push(order.item);
        (orderKeys.get(order.field) ?? orderKeys.set(order.field, { series: order.series, entries: [] }).get(order.field)!).entries.push({ key: order.key, totals: { c: 1 } });
      }
    }
    await putItems(items, PARALLEL);
    written += items.length;
    if (count >= 100_000) log(`      ${Math.min(count, from + CHUNK).toLocaleString('en-US')} payments, ${written.toLocaleString('en-US')} items (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  const trees = [
    treeItems(activePaymentsSeries(tenant), entries, completeRoot(activePaymentsSeries(tenant))),
    ...[...orderKeys.values()].map((o) => treeItems(o.series, o.entries, completeRoot(o.series))),
  ];
  const tree = { nodes: trees.flatMap((t) => t.nodes), roots: trees.flatMap((t) => t.roots) };
  await putItems([...tree.nodes, ...tree.roots], PARALLEL);
  return {
    tenant,
    employeeId: employee.id,
    clientId: client.id,
    workOrderId: workOrder.id,
    payments: count,
    sortedLists,
    items: count * (1 + orderKeys.size) + tree.nodes.length + tree.roots.length,
    seconds: (performance.now() - started) / 1000,
  };
}
