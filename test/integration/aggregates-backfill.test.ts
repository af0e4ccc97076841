/**
 * Data written before the aggregate trees existed (tables are retained): statement days and
 * payments stored by the old transactions, without tree nodes, and the old single COUNTER item.
 * The first read rebuilds the tree from the source of truth; answers are exactly what they were.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import * as createPago from '../../functions/workorders/create-payment.js';
import * as listPagos from '../../functions/workorders/list-payments.js';
import type { Payment } from '../../shared/domain/payments.js';
import { newId } from '../../shared/ids.js';
import { accountDaysSeries } from '../../shared/store/aggregates/account-days.js';
import { rebuildActivePayments } from '../../shared/store/aggregates/active-payments.js';
import { pathOf } from '../../shared/store/aggregates/prefix-tree.js';
import { db, tableName } from '../../shared/store/client.js';
import { COUNTERS, keys } from '../../shared/store/keys.js';
import { insertPayment } from '../../shared/store/payments.js';
import { addPaymentToStatement, setActivityFigures, TREE_STAMP } from '../../shared/store/statements.js';
import { transact } from '../../shared/store/tx.js';
import { invoke, newTenant, token } from '../support/index.js';
import { pagoBody, workOrderTenant, type WorkOrderRefs } from '../support/ledger-fixtures.js';
import { activity, history, network, pay, statement } from './accounts-fixtures.js';

const at = () => new Date().toISOString();

/**
 * Old code did not stamp the day trees' version on statement days, nor store the commission's
 * split and the ticket count (shared/store/statements.ts): take them off again.
 */
async function asWrittenBeforeTrees(tenant: string, entityId: string, date: string): Promise<void> {
  await db().send(new UpdateCommand({
    TableName: tableName(),
    Key: keys.statement(tenant, entityId, date),
    UpdateExpression: 'REMOVE #stamp, listeroCommission, vendedorCommission, ticketCount',
    ExpressionAttributeNames: { '#stamp': TREE_STAMP },
  }));
}

/** An accounts payment as the old create transaction stored it: payment + statement day, no tree. */
async function legacyAccountPayment(tenant: string, entityId: string, date: string, minor: number): Promise<void> {
  const payment: Payment = {
    id: newId(), source: 'accounts', amount: minor, currency: 'CRC', date, time: '09:00', method: 'cash', direction: 'in',
    payerId: entityId, entityId, entityKind: 'vendedor', isFinal: false, recordedBy: 'legacy', allocations: [],
    status: 'active', deleted: false, reconciliation: 'reconciled', createdAt: at(), updatedAt: at(), version: 1,
  };
  await transact([
    ['payment', insertPayment(tenant, payment)],
    ['statement', addPaymentToStatement({ tenant, entityId, entityKind: 'vendedor', date }, { field: 'totalPaid', amount: minor, settle: false }, at())],
  ]);
  await asWrittenBeforeTrees(tenant, entityId, date);
}

describe('accounts entities with days stored before the tree', () => {
  it('statement, history and a new backdated payment answer from a tree rebuilt once', async () => {
    const n = await network();
    const dim = { vendedorId: n.S1 };
    await transact([
      ['statement', setActivityFigures({ tenant: n.tenant, entityId: n.S1, entityKind: 'vendedor', date: '2023-11-30' }, { totalSales: 900000, totalPayouts: 100000, commission: 50000, listeroCommission: 50000, vendedorCommission: 0, ticketCount: 0 }, 0, at())],
    ]);
    await asWrittenBeforeTrees(n.tenant, n.S1, '2023-11-30');
    await legacyAccountPayment(n.tenant, n.S1, '2023-11-30', 20000);
    await legacyAccountPayment(n.tenant, n.S1, '2024-01-10', 30000);
    await legacyAccountPayment(n.tenant, n.S1, '2024-01-10', 5000);

    // 750000 activity − 200 − 300 − 50 paid (major units: CRC has 2 decimals).
    const read = await statement(n.tokens.admin, { ...dim, date: '2024-01-10' });
    expect(read.status, read.text).toBe(200);
    expect(read.body.data).toMatchObject({ totalPaid: 350, remainingBalance: 7500 - 200 - 350 });
    const listed = await history(n.tokens.admin, { ...dim, page: 2, pageSize: 2 });
    expect(listed.body.meta.total).toBe(3);
    expect(listed.body.data.map((p: { amount: number }) => p.amount)).toEqual([200]);

    // A second entity: its first write after the upgrade lands before any read.
    await legacyAccountPayment(n.tenant, n.S2, '2024-01-10', 10000);
    const res = await pay(n.tokens.admin, { vendedorId: n.S2, date: '2023-12-01', time: '08:00', amount: 40, type: 'collection', method: 'cash' });
    expect(res.status, res.text).toBe(201);
    const later = await statement(n.tokens.admin, { vendedorId: n.S2, date: '2024-01-10' });
    expect(later.body.data.remainingBalance).toBe(40 - 100);
    expect((await history(n.tokens.admin, { vendedorId: n.S2 })).body.meta.total).toBe(2);
  });
});

/**
 * A tree as an older version left it, stripped from a tree written now, node by node: `figures`
 * (the attributes that version did not keep) removed, the root complete under that version, and the
 * days without the current version's stamp.
 */
async function asOlderTree(tenant: string, entityId: string, dates: readonly string[], old: { figures: RegExp; complete: true | number }): Promise<void> {
  const series = accountDaysSeries(tenant, entityId);
  const nodes = new Set(dates.flatMap((date) => pathOf(date.replaceAll('-', ''), series.shape).map((step) => step.node)));
  for (const node of nodes) {
    const key = keys.aggregate(tenant, series.name, 0, node);
    const item = (await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item!;
    const figures = Object.keys(item).filter((name) => old.figures.test(name));
    if (figures.length === 0 && node !== '') continue;
    await db().send(new UpdateCommand({
      TableName: tableName(),
      Key: key,
      UpdateExpression: [figures.length ? `REMOVE ${figures.map((_, i) => `#f${i}`).join(', ')}` : '', node === '' ? 'SET complete = :c' : ''].join(' ').trim(),
      ...(figures.length ? { ExpressionAttributeNames: Object.fromEntries(figures.map((f, i) => [`#f${i}`, f])) } : {}),
      ...(node === '' ? { ExpressionAttributeValues: { ':c': old.complete } } : {}),
    }));
  }
  for (const date of dates) {
    await db().send(new UpdateCommand({
      TableName: tableName(),
      Key: keys.statement(tenant, entityId, date),
      UpdateExpression: 'REMOVE #stamp',
      ExpressionAttributeNames: { '#stamp': TREE_STAMP },
    }));
  }
}

describe('accounts trees completed under an older version', () => {
  it.each([
    { version: 1, what: 'n and c only', old: { figures: /^[spldkvxb][0-9]+$/, complete: true as const } },
    { version: 2, what: 'no day balance `b`', old: { figures: /^b[0-9]+$/, complete: 2 } },
  ])('version $version ($what): rebuilt on first read, accumulated balance and settled days come back exact', async ({ old }) => {
    const n = await network();
    const dim = { vendedorId: n.S1 };
    const dates = ['2024-04-01', '2024-04-02', '2024-05-01'];
    for (const [i, date] of dates.entries()) {
      const set = await activity(n.tokens.admin, { ...dim, date, totalSales: 1000 * (i + 1), totalPayouts: 100, listeroCommission: 10, vendedorCommission: 20 });
      expect(set.status, set.text).toBe(200);
    }
    expect((await pay(n.tokens.admin, { ...dim, date: '2024-04-02', amount: 5, type: 'payment', method: 'cash', isFinal: true })).status).toBe(201);
    const before = (await statement(n.tokens.admin, { ...dim, date: '2024-04-02' })).body.data;
    expect(before).toMatchObject({ accumulatedBalance: 870 + 1870, remainingBalance: 870 + 1870 - 5, isSettled: true });

    await asOlderTree(n.tenant, n.S1, dates, old);
    const node = async (id: string) =>
      (await db().send(new GetCommand({ TableName: tableName(), Key: keys.aggregate(n.tenant, accountDaysSeries(n.tenant, n.S1).name, 0, id), ConsistentRead: true }))).Item;
    expect(await node('')).toMatchObject({ complete: old.complete });
    expect(await node('202404')).not.toHaveProperty('b01');

    const after = await statement(n.tokens.admin, { ...dim, date: '2024-04-02' });
    expect(after.body.data).toEqual({ ...before, updatedAt: expect.any(String) });
    // Minor units (CRC). The root and year nodes keep n and c; the month nodes every figure of each day.
    expect(await node('')).toMatchObject({ complete: 3, n2024: (870 + 1870 + 2870 - 5) * 100, c2024: 1 });
    expect(await node('')).not.toHaveProperty('s2024');
    expect(await node('2024')).not.toHaveProperty('s04');
    expect(await node('202404')).toMatchObject({ s01: 100000, s02: 200000, l02: 1000, v02: 2000, x02: 1, b01: 87000, b02: 187000 });
  });
});

/** A workorders payment as the old create stored it, counted by the old COUNTER item. */
async function legacyPago(tenant: string, refs: WorkOrderRefs): Promise<string> {
  const payment: Payment = {
    id: newId(), source: 'workorders', amount: 1000, currency: 'PEN', date: '2024-03-15', method: 'BCP', direction: 'in',
    payerId: refs.client.id, employeeId: refs.employee.id, recordedBy: 'legacy', allocations: [{ chargeId: refs.workOrder.id, amount: 1000 }],
    status: 'active', deleted: false, reconciliation: 'reconciled', createdAt: at(), updatedAt: at(), version: 1,
  };
  await transact([['payment', insertPayment(tenant, payment)]]);
  return payment.id;
}

describe('workorders tenants with payments stored before the tree', () => {
  it('counts and pages them all after a rebuild from the index, new payments included', async () => {
    const tenant = newTenant();
    const refs = await workOrderTenant(tenant);
    const admin = await token({ role: 'ADMIN', tenant });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await legacyPago(tenant, refs));
    await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.counter(tenant, COUNTERS.activeWorkOrderPayments), type: 'COUNTER', tenant, value: 7 } }));
    const created = await invoke(createPago, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs) });
    expect(created.status, created.text).toBe(201);
    ids.push(String(created.body.data.id));
    ids.sort();

    for (const page of [0, 1, 2]) {
      const res = await invoke(listPagos, { method: 'GET', path: `/api/pagos?page=${page}&size=3`, token: admin });
      expect(res.body.data.totalElements).toBe(8);
      expect(res.body.data.content.map((p: { id: number }) => String(p.id))).toEqual(ids.slice(page * 3, page * 3 + 3));
    }
  });
});

describe('a rebuild racing writers', () => {
  it('ends exact: lists answer during concurrent creates, and totals and pages are exact afterwards', async () => {
    const tenant = newTenant();
    const refs = await workOrderTenant(tenant);
    const admin = await token({ role: 'ADMIN', tenant });
    for (let i = 0; i < 5; i++) await legacyPago(tenant, refs);
    await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.counter(tenant, COUNTERS.activeWorkOrderPayments), type: 'COUNTER', tenant, value: 5 } }));
    const creates = Array.from({ length: 15 }, () => invoke(createPago, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs, { monto: 1 }) }));
    const lists = Array.from({ length: 8 }, () => invoke(listPagos, { method: 'GET', path: '/api/pagos?page=0&size=100', token: admin }));
    const [created, listed] = await Promise.all([Promise.all(creates), Promise.all(lists)]);
    expect(created.map((r) => r.status)).toEqual(created.map(() => 201));
    // During the race a total and its page are two reads (as before the trees): each within bounds.
    for (const res of listed) {
      expect(res.status, res.text).toBe(200);
      expect(res.body.data.totalElements).toBeGreaterThanOrEqual(5);
      expect(res.body.data.totalElements).toBeLessThanOrEqual(20);
    }
    const after = await invoke(listPagos, { method: 'GET', path: '/api/pagos?page=0&size=100', token: admin });
    expect(after.body.data.totalElements).toBe(20);
    expect(after.body.data.content).toHaveLength(20);
    await rebuildActivePayments(tenant);
    expect((await invoke(listPagos, { method: 'GET', path: '/api/pagos?page=1&size=7', token: admin })).body.data.content).toHaveLength(7);
  });
});
