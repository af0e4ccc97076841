/** The workorders API (seed 000) over HTTP through the local gateway, with real tokens. */
import { beforeAll, describe, expect, it } from 'vitest';
import { charges } from '../../shared/store/charges.js';
import { listAudit } from '../../shared/store/audit.js';
import { COUNTERS, readCounter } from '../../shared/store/payments.js';
import { algNoneToken, api, forgeToken, newTenant, signedToken, tamper, token } from '../support/index.js';
import { createWorkOrder, pagoBody, workOrderTenant, type WorkOrderRefs } from '../support/ledger-fixtures.js';


describe('workorders: payment lifecycle', () => {
  const tenant = newTenant();
  let refs: WorkOrderRefs;
  let admin: string;

  beforeAll(async () => {
    refs = await workOrderTenant(tenant);
    admin = await token({ role: 'ADMIN', tenant });
  });

  it('creates, reads, lists, updates and soft-deletes a payment', async () => {
    const created = await api('POST', '/api/pagos', { token: admin, body: pagoBody(refs) });
    expect(created.status).toBe(201);
    expect(created.headers['x-request-id']).toBeTruthy();
    expect(created.body).toMatchObject({ success: true, code: 201, message: 'Pago registrado' });
    const pago = created.body.data;
    expect(pago).toMatchObject({
      empleadoId: Number(refs.employee.id),
      empleadoNombre: 'Rosa Quispe',
      empleado: { id: Number(refs.employee.id), nombre: 'Rosa Quispe' },
      clienteId: Number(refs.client.id),
      cliente: { id: Number(refs.client.id), nombre: 'Comercial Andina SAC' },
      pendienteId: Number(refs.workOrder.id),
      monto: 150.5,
      fechaPago: '2024-03-15',
      metodoPago: 'BCP',
      referencia: 'OP-123456',
      vigente: true,
    });
    expect(typeof pago.id).toBe('number');
    expect(pago.fechaModificacion).toBe(pago.fechaCreacion);
    expect((await charges.get(tenant, refs.workOrder.id))?.paidAmount).toBe(15050);

    const read = await api('GET', `/api/pagos/${pago.id}`, { token: admin });
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual(pago);

    const list = await api('GET', '/api/pagos', { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.data).toMatchObject({ totalElements: 1, totalPages: 1, number: 0, size: 10, first: true, last: true, empty: false });
    expect(list.body.data.content).toEqual([pago]);

    const updated = await api('PUT', `/api/pagos/${pago.id}`, {
      token: admin,
      body: pagoBody(refs, { monto: '200.00', metodoPago: 'EFECTIVO', referencia: null }),
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ id: pago.id, monto: 200, metodoPago: 'EFECTIVO', referencia: null, vigente: true });
    expect((await charges.get(tenant, refs.workOrder.id))?.paidAmount).toBe(20000);

    // Issue 13 (deliberate change): a delete answers `data: null`, as the original server does.
    const deleted = await api('DELETE', `/api/pagos/${pago.id}`, { token: admin });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ success: true, code: 200, message: 'Pago eliminado', data: null });
    expect((await charges.get(tenant, refs.workOrder.id))?.paidAmount).toBe(0);

    const again = await api('DELETE', `/api/pagos/${pago.id}`, { token: admin });
    expect(again.status).toBe(200);
    expect(again.body.data).toBeNull();

    expect((await api('GET', '/api/pagos', { token: admin })).body.data).toMatchObject({ totalElements: 0, content: [], empty: true });
    expect((await api('GET', `/api/pagos/pendiente/${refs.workOrder.id}`, { token: admin })).body.data).toEqual([]);
    const afterDelete = await api('PUT', `/api/pagos/${pago.id}`, { token: admin, body: pagoBody(refs) });
    expect(afterDelete.status).toBe(404);
    expect(afterDelete.body).toEqual({ success: false, code: 404, message: 'Pago not found', data: null });
    // Kept for audit: still readable by id, and every mutation has its audit entry.
    expect((await api('GET', `/api/pagos/${pago.id}`, { token: admin })).body.data.vigente).toBe(false);
    const audit = await listAudit(tenant, String(pago.id), 10);
    expect(audit.items.map((e) => e.action)).toEqual(['PAYMENT_DELETE', 'PAYMENT_UPDATE', 'PAYMENT_CREATE']);
    expect(audit.items[1]).toMatchObject({ before: { amount: 15050 }, after: { amount: 20000 } });
    expect(await readCounter(tenant, COUNTERS.activeWorkOrderPayments)).toBe(0);
  });

  it('lists the active payments of one work order', async () => {
    const other = await createWorkOrder(tenant, refs.client.id);
    const a = await api('POST', '/api/pagos', { token: admin, body: pagoBody(refs, { pendienteId: other.id }) });
    const b = await api('POST', '/api/pagos', { token: admin, body: pagoBody(refs, { pendienteId: other.id, monto: 10 }) });
    await api('DELETE', `/api/pagos/${b.body.data.id}`, { token: admin });
    const list = await api('GET', `/api/pagos/pendiente/${other.id}`, { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.data.map((p: { id: number }) => p.id)).toEqual([a.body.data.id]);
    expect((await api('GET', '/api/pagos/pendiente/999999', { token: admin })).status).toBe(404);
  });

  it('moves the paid amount between work orders when an update changes the work order', async () => {
    const first = await createWorkOrder(tenant, refs.client.id);
    const second = await createWorkOrder(tenant, refs.client.id);
    const created = await api('POST', '/api/pagos', { token: admin, body: pagoBody(refs, { pendienteId: first.id, monto: 40 }) });
    await api('PUT', `/api/pagos/${created.body.data.id}`, { token: admin, body: pagoBody(refs, { pendienteId: second.id, monto: 45 }) });
    expect((await charges.get(tenant, first.id))?.paidAmount).toBe(0);
    expect((await charges.get(tenant, second.id))?.paidAmount).toBe(4500);
    const byOrder = await api('GET', `/api/pagos/pendiente/${second.id}`, { token: admin });
    expect(byOrder.body.data).toHaveLength(1);
    expect((await api('GET', `/api/pagos/pendiente/${first.id}`, { token: admin })).body.data).toEqual([]);
  });
});

describe('workorders: validation', () => {
  const tenant = newTenant();
  let refs: WorkOrderRefs;
  let admin: string;

  beforeAll(async () => {
    refs = await workOrderTenant(tenant);
    admin = await token({ role: 'ADMIN', tenant });
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['zero amount', { monto: 0 }, 'monto'],
    ['negative amount', { monto: -5 }, 'monto'],
    ['three decimals', { monto: 10.005 }, 'monto'],
    ['amount as words', { monto: 'diez' }, 'monto'],
    ['impossible date', { fechaPago: '2024-02-30' }, 'fechaPago'],
    ['date in another format', { fechaPago: '15/03/2024' }, 'fechaPago'],
    ['unknown method', { metodoPago: 'VISA' }, 'metodoPago'],
    ['missing employee', { empleadoId: undefined }, 'empleadoId'],
    ['non-numeric client id', { clienteId: 'abc' }, 'clienteId'],
    ['fractional work order id', { pendienteId: 1.5 }, 'pendienteId'],
    ['reference too long', { referencia: 'x'.repeat(256) }, 'referencia'],
    ['unknown field', { vigente: false }, 'vigente'],
  ];

  it.each(invalid)('rejects %s with a 400 naming the field, and writes nothing', async (_name, overrides, field) => {
    const response = await api('POST', '/api/pagos', { token: admin, body: pagoBody(refs, overrides) });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ success: false, code: 400, data: null });
    expect(response.body.message).toContain(field);
    expect(await readCounter(tenant, COUNTERS.activeWorkOrderPayments)).toBe(0);
    expect((await charges.get(tenant, refs.workOrder.id))?.paidAmount).toBe(0);
  });

  it('answers 400 for malformed JSON, 415 for another content type and 413 for a huge body', async () => {
    const malformed = await api('POST', '/api/pagos', { token: admin, rawBody: '{"monto": ', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ success: false, code: 400, data: null });
    const text = await api('POST', '/api/pagos', { token: admin, rawBody: 'monto=10', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ success: false, code: 415 });
    const huge = await api('POST', '/api/pagos', { token: admin, body: pagoBody(refs, { referencia: 'x'.repeat(100_000) }) });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ success: false, code: 413 });
  });

  it('answers 404 when the employee, client or work order does not exist in the tenant', async () => {
    for (const [overrides, message] of [
      [{ empleadoId: 987654321 }, 'Empleado not found'],
      [{ clienteId: 987654321 }, 'Cliente not found'],
      [{ pendienteId: 987654321 }, 'Pendiente not found'],
      [{ empleadoId: Number(refs.client.id) }, 'Empleado not found'],
    ] as const) {
      const response = await api('POST', '/api/pagos', { token: admin, body: pagoBody(refs, overrides) });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ success: false, code: 404, message, data: null });
    }
  });

  it('rejects bad paging and path parameters with 400', async () => {
    // Issue 13 item 3: `sort=id` is now a sort; a field outside the fixed list is still a 400.
    for (const query of ['size=0', 'size=101', 'page=-1', 'page=abc', 'sort=saldo', 'sort=id,sideways']) {
      const response = await api('GET', `/api/pagos?${query}`, { token: admin });
      expect(response.status, query).toBe(400);
    }
    expect((await api('GET', '/api/pagos/abc', { token: admin })).status).toBe(400);
    expect((await api('DELETE', '/api/pagos/0', { token: admin })).status).toBe(400);
  });
});

describe('workorders: authentication and authorization', () => {
  const tenant = newTenant();
  let refs: WorkOrderRefs;

  beforeAll(async () => {
    refs = await workOrderTenant(tenant);
  });

  it('answers 401 in the workorders envelope for missing and bad tokens', async () => {
    const good = await token({ role: 'ADMIN', tenant });
    const bad = {
      'no token': undefined,
      expired: await token({ role: 'ADMIN', tenant, ttl: -60 }),
      'wrong issuer': forgeToken({ role: 'ADMIN', tenant }, { issuer: 'https://evil.example/issuer', kid: 'evil' }),
      'forged signature': forgeToken({ role: 'ADMIN', tenant }),
      tampered: tamper(await token({ role: 'EMPLOYEE', tenant, party: refs.employee.id })),
      'alg none': algNoneToken({ role: 'ADMIN', tenant }),
      'ID token': await token({ role: 'ADMIN', tenant, tokenUse: 'id' }),
      'another client': await signedToken({ role: 'ADMIN', tenant }, { set: { client_id: 'someone-else' } }),
      garbage: 'not.a.jwt',
    };
    for (const [name, jwt] of Object.entries(bad)) {
      const response = await api('GET', '/api/pagos', jwt === undefined ? {} : { token: jwt });
      expect(response.status, name).toBe(401);
      expect(response.body, name).toMatchObject({ success: false, code: 401, data: null });
    }
    expect((await api('GET', '/api/pagos', { token: good })).status).toBe(200);
  });

  it('lets ADMIN and EMPLOYEE record payments and answers 403 to other roles', async () => {
    for (const role of ['BANCA', 'VENTANA', 'VENDEDOR', 'RESIDENT'] as const) {
      const jwt = await token({ role, tenant });
      const response = await api('POST', '/api/pagos', { token: jwt, body: pagoBody(refs) });
      expect(response.status, role).toBe(403);
      expect(response.body).toMatchObject({ success: false, code: 403, data: null });
      expect((await api('GET', '/api/pagos', { token: jwt })).status, role).toBe(403);
    }
    const employee = await token({ role: 'EMPLOYEE', tenant, party: refs.employee.id });
    expect((await api('POST', '/api/pagos', { token: employee, body: pagoBody(refs) })).status).toBe(201);
  });

  it('lets an employee record and change only their own payments', async () => {
    const colleague = await workOrderTenant(tenant);
    const employee = await token({ role: 'EMPLOYEE', tenant, party: refs.employee.id });
    const forColleague = await api('POST', '/api/pagos', {
      token: employee,
      body: pagoBody(refs, { empleadoId: Number(colleague.employee.id) }),
    });
    expect(forColleague.status).toBe(403);
    const admin = await token({ role: 'ADMIN', tenant });
    const theirs = await api('POST', '/api/pagos', { token: admin, body: pagoBody(colleague) });
    // Another employee's payment is not revealed (party scope, issue 12): 404, as a missing one.
    expect((await api('PUT', `/api/pagos/${theirs.body.data.id}`, { token: employee, body: pagoBody(refs) })).status).toBe(404);
    expect((await api('DELETE', `/api/pagos/${theirs.body.data.id}`, { token: employee })).status).toBe(404);
    const noParty = await token({ role: 'EMPLOYEE', tenant, sub: 'no-party-user' });
    expect((await api('POST', '/api/pagos', { token: noParty, body: pagoBody(refs) })).status).toBe(403);
  });

  it("never shows or changes another tenant's payments (404), nor uses its parties", async () => {
    const adminA = await token({ role: 'ADMIN', tenant });
    const created = await api('POST', '/api/pagos', { token: adminA, body: pagoBody(refs) });
    const id = created.body.data.id;

    const tenantB = newTenant();
    const refsB = await workOrderTenant(tenantB);
    const adminB = await token({ role: 'ADMIN', tenant: tenantB });
    expect((await api('GET', `/api/pagos/${id}`, { token: adminB })).status).toBe(404);
    expect((await api('PUT', `/api/pagos/${id}`, { token: adminB, body: pagoBody(refsB) })).status).toBe(404);
    expect((await api('DELETE', `/api/pagos/${id}`, { token: adminB })).status).toBe(404);
    expect((await api('GET', `/api/pagos/pendiente/${refs.workOrder.id}`, { token: adminB })).status).toBe(404);
    expect((await api('POST', '/api/pagos', { token: adminB, body: pagoBody(refs) })).status).toBe(404);
    expect((await api('GET', '/api/pagos', { token: adminB })).body.data.totalElements).toBe(0);
    // The tenant claim cannot be swapped without breaking the signature.
    expect((await api('GET', `/api/pagos/${id}`, { token: tamper(adminB, { tenant_id: tenant }) })).status).toBe(401);
    expect((await api('GET', `/api/pagos/${id}`, { token: adminA })).body.data.vigente).toBe(true);
  });
});

describe('workorders: pagination', () => {
  const tenant = newTenant();
  let admin: string;
  let ids: number[];

  beforeAll(async () => {
    const refs = await workOrderTenant(tenant);
    admin = await token({ role: 'ADMIN', tenant });
    ids = [];
    for (let i = 0; i < 23; i++) {
      const response = await api('POST', '/api/pagos', { token: admin, body: pagoBody(refs, { monto: i + 1 }) });
      ids.push(response.body.data.id);
    }
  });

  it('pages zero-based with Spring page fields, oldest first', async () => {
    const seen: number[] = [];
    for (const [page, count] of [[0, 10], [1, 10], [2, 3]] as const) {
      const response = await api('GET', `/api/pagos?page=${page}&size=10`, { token: admin });
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({
        totalElements: 23,
        totalPages: 3,
        number: page,
        size: 10,
        numberOfElements: count,
        first: page === 0,
        last: page === 2,
        empty: false,
      });
      seen.push(...response.body.data.content.map((p: { id: number }) => p.id));
    }
    expect(seen).toEqual(ids);
  });

  it('answers an empty page past the end, and a single page of 100', async () => {
    const past = await api('GET', '/api/pagos?page=3&size=10', { token: admin });
    expect(past.body.data).toMatchObject({ content: [], totalElements: 23, number: 3, empty: true, last: true });
    const all = await api('GET', '/api/pagos?size=100', { token: admin });
    expect(all.body.data).toMatchObject({ totalElements: 23, totalPages: 1, numberOfElements: 23, first: true, last: true });
    const deep = await api('GET', '/api/pagos?page=7&size=3', { token: admin });
    expect(deep.body.data.content.map((p: { id: number }) => p.id)).toEqual(ids.slice(21, 24));
  });

  it('counts only active payments', async () => {
    await api('DELETE', `/api/pagos/${ids[5]}`, { token: admin });
    const response = await api('GET', '/api/pagos?page=0&size=10', { token: admin });
    expect(response.body.data.totalElements).toBe(22);
    expect(response.body.data.content.map((p: { id: number }) => p.id)).not.toContain(ids[5]);
    expect(response.body.data.content).toHaveLength(10);
  });
});
