/**
 * Data written before the aggregate trees existed (tables are retained): statement days and
 * payments stored by the old transactions, without tree nodes, and the old single COUNTER item.
 * The first read rebuilds the tree from the source of truth; answers are exactly what they were.
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import * as createPago from '../../functions/workorders/create-payment.js';
import * as listPagos from '../../functions/workorders/list-payments.js';
import type { Payment } from '../../shared/domain/payments.js';
import { newId } from '../../shared/ids.js';
import { rebuildActivePayments } from '../../shared/store/aggregates/active-payments.js';
import { db, tableName } from '../../shared/store/client.js';
import { COUNTERS, keys } from '../../shared/store/keys.js';
import { insertPayment } from '../../shared/store/payments.js';
import { addPaymentToStatement, setActivityFigures } from '../../shared/store/statements.js';
import { transact } from '../../shared/store/tx.js';
import { invoke, newTenant, token } from '../support/index.js';
import { pagoBody, workOrderTenant, type WorkOrderRefs } from '../support/ledger-fixtures.js';
import { history, network, pay, statement } from './accounts-fixtures.js';

const at = () => new Date().toISOString();

/** Old code did not stamp `treeSince` on statement days (shared/store/statements.ts): take it off again. */
async function asWrittenBeforeTrees(tenant: string, entityId: string, date: string): Promise<void> {
  await db().send(new UpdateCommand({ TableName: tableName(), Key: keys.statement(tenant, entityId, date), UpdateExpression: 'REMOVE treeSince' }));
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
      ['statement', setActivityFigures({ tenant: n.tenant, entityId: n.S1, entityKind: 'vendedor', date: '2023-11-30' }, { totalSales: 900000, totalPayouts: 100000, commission: 50000 }, 0, at())],
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
