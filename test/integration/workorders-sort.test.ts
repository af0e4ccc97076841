/**
 * Issue 13 item 3 against DynamoDB Local: the sorted lists of GET /api/pagos (store/work-order-orders.ts)
 * after random creates, updates and soft deletes equal a brute-force model at any page, in every order
 * and direction, for ADMIN and for an EMPLOYEE; payments from before the orders existed (no entries,
 * no trees) are listed once the first sorted list backfills them.
 */
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as createPago from '../../functions/workorders/create-payment.js';
import * as deletePago from '../../functions/workorders/delete-payment.js';
import * as listPagos from '../../functions/workorders/list-payments.js';
import * as updatePago from '../../functions/workorders/update-payment.js';
import { db, tableName } from '../../shared/store/client.js';
import { keys } from '../../shared/store/keys.js';
import { ENTRY_ORDERS, WORK_ORDER_SORT_FIELDS } from '../../shared/store/work-order-orders.js';
import { invoke, newTenant, token } from '../support/index.js';
import { createParty, pagoBody, workOrderTenant } from '../support/ledger-fixtures.js';

type Model = { id: string; fechaPago: string; monto: number; fechaCreacion: string; employee: string };

const DATES = ['2024-02-29', '2024-03-01', '2023-12-31', '2025-01-15'];
const AMOUNTS = [1, 150.5, 20, 99999.99];

const op = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('create' as const), date: fc.nat(3), amount: fc.nat(3), other: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('update' as const), pick: fc.nat(), date: fc.nat(3), amount: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
);

/** The model's order: by the field, ties by id (as integers); desc is asc reversed. */
function ordered(rows: readonly Model[], field: (typeof WORK_ORDER_SORT_FIELDS)[number], direction: 'asc' | 'desc'): string[] {
  const value = (m: Model) => (field === 'id' ? BigInt(m.id) : m[field]);
  const asc = [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    return x < y ? -1 : x > y ? 1 : Number(BigInt(a.id) - BigInt(b.id));
  });
  return (direction === 'asc' ? asc : asc.reverse()).map((m) => m.id);
}

async function listIds(auth: string, sort: string, page: number, size: number) {
  const res = await invoke(listPagos, { method: 'GET', path: `/api/pagos?sort=${sort}&page=${page}&size=${size}`, token: auth });
  expect(res.status, res.text).toBe(200);
  return { total: res.body.data.totalElements as number, ids: (res.body.data.content as { id: number }[]).map((p) => String(p.id)) };
}

async function expectOrders(auth: string, rows: readonly Model[], size: number) {
  const lastPage = Math.max(0, Math.ceil(rows.length / size) - 1);
  for (const field of WORK_ORDER_SORT_FIELDS) {
    for (const direction of ['asc', 'desc'] as const) {
      const want = ordered(rows, field, direction);
      for (const page of new Set([0, lastPage])) {
        const got = await listIds(auth, `${field},${direction}`, page, size);
        expect(got.total).toBe(rows.length);
        expect(got.ids, `${field},${direction} page ${page}`).toEqual(want.slice(page * size, page * size + size));
      }
    }
  }
}

describe('GET /api/pagos sorted, against a brute-force model', () => {
  it('every order, both directions, any page, for ADMIN and an EMPLOYEE, after random creates, updates and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 4 }), async (ops, size) => {
        const tenant = newTenant();
        const refs = await workOrderTenant(tenant);
        const other = await createParty(tenant, 'employee', { name: 'Otro' });
        const admin = await token({ role: 'ADMIN', tenant });
        const employee = await token({ role: 'EMPLOYEE', tenant, party: refs.employee.id });
        const active = new Map<string, Model>();
        for (const o of ops) {
          if (o.op === 'create') {
            const empleadoId = o.other ? other.id : refs.employee.id;
            const body = pagoBody(refs, { empleadoId: Number(empleadoId), fechaPago: DATES[o.date], monto: AMOUNTS[o.amount] });
            const res = await invoke(createPago, { method: 'POST', path: '/api/pagos', token: admin, body });
            expect(res.status, res.text).toBe(201);
            const p = res.body.data;
            active.set(String(p.id), { id: String(p.id), fechaPago: p.fechaPago, monto: p.monto, fechaCreacion: p.fechaCreacion, employee: empleadoId });
            continue;
          }
          const ids = [...active.keys()];
          if (ids.length === 0) continue;
          const id = ids[o.pick % ids.length]!;
          if (o.op === 'update') {
            const before = active.get(id)!;
            const body = pagoBody(refs, { empleadoId: Number(before.employee), fechaPago: DATES[o.date], monto: AMOUNTS[o.amount] });
            const res = await invoke(updatePago, { method: 'PUT', path: `/api/pagos/${id}`, token: admin, body });
            expect(res.status, res.text).toBe(200);
            active.set(id, { ...before, fechaPago: res.body.data.fechaPago, monto: res.body.data.monto });
          } else {
            const res = await invoke(deletePago, { method: 'DELETE', path: `/api/pagos/${id}`, token: admin });
            expect(res.status, res.text).toBe(200);
            active.delete(id);
          }
        }
        await expectOrders(admin, [...active.values()], size);
        await expectOrders(employee, [...active.values()].filter((m) => m.employee === refs.employee.id), size);
      }),
      { numRuns: 3 },
    );
  }, 240_000);

  it('lists payments from before the orders existed: the first sorted list writes their entries and trees, once', async () => {
    const tenant = newTenant();
    const refs = await workOrderTenant(tenant);
    const admin = await token({ role: 'ADMIN', tenant });
    const employee = await token({ role: 'EMPLOYEE', tenant, party: refs.employee.id });
    const rows: Model[] = [];
    for (let i = 0; i < 5; i++) {
      const body = pagoBody(refs, { fechaPago: DATES[i % 4], monto: AMOUNTS[(i * 3) % 4] });
      const p = (await invoke(createPago, { method: 'POST', path: '/api/pagos', token: admin, body })).body.data;
      rows.push({ id: String(p.id), fechaPago: p.fechaPago, monto: p.monto, fechaCreacion: p.fechaCreacion, employee: refs.employee.id });
    }
    // As if written before this change: no entry items, no order trees.
    for (const order of Object.values(ENTRY_ORDERS)) {
      for (const row of rows) await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.paymentOrder(tenant, row.id, order.name) }));
      for (let shard = 0; shard < 4; shard++) {
        await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.aggregate(tenant, `WO_${order.name}`, shard, '') }));
      }
    }
    // An EMPLOYEE's sorted list backfills too (its entries are the same items).
    const mine = await listIds(employee, 'monto,desc', 0, 10);
    expect(mine.ids).toEqual(ordered(rows, 'monto', 'desc'));
    await expectOrders(admin, rows, 3);
  }, 60_000);
});
