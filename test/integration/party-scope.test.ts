/**
 * Party scope (issue 12 item 4): an EMPLOYEE sees only payments whose employee is its party.
 * Another employee's payment is a 404 for read, update and delete (its existence is not revealed),
 * a body naming another employee a 403; lists and by-work-order lists hold only its own, with
 * totals from its own counter, and follow payments as they are reassigned or deleted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as createPago from '../../functions/workorders/create-payment.js';
import * as deletePago from '../../functions/workorders/delete-payment.js';
import * as getPago from '../../functions/workorders/get-payment.js';
import * as listPagos from '../../functions/workorders/list-payments.js';
import * as listByWorkOrder from '../../functions/workorders/list-work-order-payments.js';
import * as updatePago from '../../functions/workorders/update-payment.js';
import { getPayment } from '../../shared/store/payments.js';
import { invoke, newTenant, token } from '../support/index.js';
import { createParty, pagoBody, workOrderTenant, type WorkOrderRefs } from '../support/ledger-fixtures.js';

let tenant: string;
let refs: WorkOrderRefs;
let other: WorkOrderRefs['employee'];
let admin: string;
let mine: string;
let theirs: string;
const own: string[] = [];
const others: string[] = [];

const create = async (tokenValue: string, employeeId: string, monto = 10) => {
  const res = await invoke(createPago, { method: 'POST', path: '/api/pagos', token: tokenValue, body: pagoBody(refs, { empleadoId: Number(employeeId), monto }) });
  expect(res.status, res.text).toBe(201);
  return String(res.body.data.id);
};
const list = async (tokenValue: string, query = '') => (await invoke(listPagos, { path: `/api/pagos${query}`, token: tokenValue })).body.data;

beforeAll(async () => {
  tenant = newTenant();
  refs = await workOrderTenant(tenant);
  other = await createParty(tenant, 'employee', { name: 'Otro Empleado' });
  admin = await token({ role: 'ADMIN', tenant });
  mine = await token({ role: 'EMPLOYEE', tenant, party: refs.employee.id });
  theirs = await token({ role: 'EMPLOYEE', tenant, party: other.id });
  for (let i = 0; i < 3; i++) own.push(await create(mine, refs.employee.id, 10 + i));
  for (let i = 0; i < 2; i++) others.push(await create(admin, other.id, 20 + i));
});

describe('an EMPLOYEE and the payments of another employee', () => {
  it('reads, updates and deletes them as if they did not exist (404), and changes nothing', async () => {
    const id = others[0]!;
    const before = await getPayment(tenant, id, true);
    expect((await invoke(getPago, { path: `/api/pagos/${id}`, token: mine })).status).toBe(404);
    expect((await invoke(updatePago, { method: 'PUT', path: `/api/pagos/${id}`, token: mine, body: pagoBody(refs) })).status).toBe(404);
    expect((await invoke(deletePago, { method: 'DELETE', path: `/api/pagos/${id}`, token: mine })).status).toBe(404);
    const missing = await invoke(getPago, { path: '/api/pagos/999999999', token: mine });
    expect((await invoke(getPago, { path: `/api/pagos/${id}`, token: mine })).body).toEqual(missing.body);
    expect(await getPayment(tenant, id, true)).toEqual(before);
  });

  it('is refused (403) a body naming another employee, on create and on update of its own payment', async () => {
    const created = await invoke(createPago, { method: 'POST', path: '/api/pagos', token: mine, body: pagoBody(refs, { empleadoId: Number(other.id) }) });
    expect(created.status).toBe(403);
    const updated = await invoke(updatePago, { method: 'PUT', path: `/api/pagos/${own[0]}`, token: mine, body: pagoBody(refs, { empleadoId: Number(other.id) }) });
    expect(updated.status).toBe(403);
    expect((await getPayment(tenant, own[0]!, true))?.employeeId).toBe(refs.employee.id);
  });

  it('lists only its own, totals and pages included, and by work order too', async () => {
    const page = await list(mine, '?page=0&size=2');
    expect(page.totalElements).toBe(3);
    expect(page.content.map((p: { id: number }) => String(p.id))).toEqual(own.slice(0, 2));
    expect((await list(mine, '?page=1&size=2')).content.map((p: { id: number }) => String(p.id))).toEqual(own.slice(2));
    expect((await list(theirs)).totalElements).toBe(2);
    expect((await list(admin)).totalElements).toBe(5);
    const byWorkOrder = await invoke(listByWorkOrder, { path: `/api/pagos/pendiente/${refs.workOrder.id}`, token: mine });
    expect(byWorkOrder.status, byWorkOrder.text).toBe(200);
    const ids = (byWorkOrder.body.data as { id: number }[]).map((p) => String(p.id)).sort();
    expect(ids).toEqual([...own].sort());
  });

  it('follows payments as ADMIN reassigns and employees delete them', async () => {
    const moved = await create(admin, refs.employee.id, 5);
    expect((await list(mine)).totalElements).toBe(4);
    const res = await invoke(updatePago, { method: 'PUT', path: `/api/pagos/${moved}`, token: admin, body: pagoBody(refs, { empleadoId: Number(other.id), monto: 5 }) });
    expect(res.status, res.text).toBe(200);
    expect((await list(mine)).totalElements).toBe(3);
    expect((await list(theirs)).content.map((p: { id: number }) => String(p.id))).toContain(moved);
    expect((await invoke(deletePago, { method: 'DELETE', path: `/api/pagos/${moved}`, token: theirs })).status).toBe(200);
    expect((await list(theirs)).totalElements).toBe(2);
    expect((await invoke(listByWorkOrder, { path: `/api/pagos/pendiente/${refs.workOrder.id}`, token: theirs })).body.data).toHaveLength(2);
  });

  it('without a party, an EMPLOYEE token sees nothing (403)', async () => {
    const noParty = await token({ role: 'EMPLOYEE', tenant, sub: 'no-party' });
    expect((await invoke(listPagos, { path: '/api/pagos', token: noParty })).status).toBe(403);
    expect((await invoke(getPago, { path: `/api/pagos/${own[0]}`, token: noParty })).status).toBe(403);
  });
});
