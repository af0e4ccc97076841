/** Workorders handlers invoked directly against DynamoDB Local: concurrency, idempotency, fuzzing. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as createPayment from '../../functions/workorders/create-payment.js';
import * as listPayments from '../../functions/workorders/list-payments.js';
import * as updatePayment from '../../functions/workorders/update-payment.js';
import { listAudit } from '../../shared/store/audit.js';
import { charges } from '../../shared/store/charges.js';
import { COUNTERS, getPayment, readCounter } from '../../shared/store/payments.js';
import { invoke, newTenant, token } from '../support/index.js';
import { pagoBody, workOrderTenant, type WorkOrderRefs } from '../support/ledger-fixtures.js';


describe('workorders under concurrency', () => {
  const tenant = newTenant();
  let refs: WorkOrderRefs;
  let admin: string;

  beforeAll(async () => {
    refs = await workOrderTenant(tenant);
    admin = await token({ role: 'ADMIN', tenant });
  });

  it('never loses one of many concurrent updates to the same payment', async () => {
    const created = await invoke(createPayment, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs) });
    const id = String(created.body.data.id);
    const amounts = Array.from({ length: 20 }, (_, i) => i + 1);
    const results = await Promise.all(
      amounts.map((monto) => invoke(updatePayment, { method: 'PUT', path: `/api/pagos/${id}`, token: admin, body: pagoBody(refs, { monto }) })),
    );
    expect(results.map((r) => r.status)).toEqual(amounts.map(() => 200));
    const stored = await getPayment(tenant, id, true);
    expect(stored?.version).toBe(21);
    const audit = await listAudit(tenant, id, 100);
    expect(audit.items.filter((e) => e.action === 'PAYMENT_UPDATE')).toHaveLength(20);
    // Each audited update starts from the previous one's result: a chain, no update overwritten unseen.
    const versions = audit.items.filter((e) => e.action === 'PAYMENT_UPDATE').map((e) => (e.after as { version: number }).version);
    expect(new Set(versions).size).toBe(20);
    expect((await charges.get(tenant, refs.workOrder.id, true))?.paidAmount).toBe(stored?.amount);
  });

  it('counts every one of many concurrent creates', async () => {
    const before = await readCounter(tenant, COUNTERS.activeWorkOrderPayments);
    const results = await Promise.all(
      Array.from({ length: 25 }, () => invoke(createPayment, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs, { monto: 1 }) })),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(await readCounter(tenant, COUNTERS.activeWorkOrderPayments)).toBe(before + 25);
    const list = await invoke(listPayments, { method: 'GET', path: '/api/pagos?size=100', token: admin });
    expect(list.body.data.totalElements).toBe(before + 25);
    expect(list.body.data.content).toHaveLength(before + 25);
  });
});

describe('workorders idempotency (Idempotency-Key header)', () => {
  const tenant = newTenant();
  let refs: WorkOrderRefs;
  let admin: string;

  beforeAll(async () => {
    refs = await workOrderTenant(tenant);
    admin = await token({ role: 'ADMIN', tenant });
  });

  it('replays the first response for the same key and request, and refuses a different request (422)', async () => {
    const headers = { 'idempotency-key': 'wo-key-0001' };
    const first = await invoke(createPayment, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs), headers });
    const second = await invoke(createPayment, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs), headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.data).toEqual(first.body.data);
    const sameAmountWrittenOtherwise = await invoke(createPayment, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs, { monto: '150.50' }), headers });
    expect(sameAmountWrittenOtherwise.status).toBe(201);
    expect(sameAmountWrittenOtherwise.body.data).toEqual(first.body.data);
    const different = await invoke(createPayment, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs, { monto: 11 }), headers });
    expect(different.status).toBe(422);
    expect(different.body).toMatchObject({ success: false, code: 422, data: null });
    expect(await readCounter(tenant, COUNTERS.activeWorkOrderPayments)).toBe(1);
  });

  it('gives exactly one payment for concurrent duplicates, and no 5xx', async () => {
    const headers = { 'idempotency-key': 'wo-key-concurrent' };
    const before = await readCounter(tenant, COUNTERS.activeWorkOrderPayments);
    const results = await Promise.all(
      Array.from({ length: 30 }, () => invoke(createPayment, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs), headers })),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
    expect(new Set(results.map((r) => r.body.data.id)).size).toBe(1);
    expect(await readCounter(tenant, COUNTERS.activeWorkOrderPayments)).toBe(before + 1);
  });

  it('scopes keys to the tenant', async () => {
    const other = newTenant();
    const otherRefs = await workOrderTenant(other);
    const otherAdmin = await token({ role: 'ADMIN', tenant: other });
    const headers = { 'idempotency-key': 'wo-key-0001' };
    const response = await invoke(createPayment, { method: 'POST', path: '/api/pagos', token: otherAdmin, body: pagoBody(otherRefs), headers });
    expect(response.status).toBe(201);
    expect(await readCounter(other, COUNTERS.activeWorkOrderPayments)).toBe(1);
  });

  it('rejects a malformed key with 400', async () => {
    const response = await invoke(createPayment, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs), headers: { 'idempotency-key': 'short' } });
    expect(response.status).toBe(400);
  });
});

describe('workorders create: any body gets a 2xx or a 4xx, never a 5xx, and a 4xx writes nothing', () => {
  const tenant = newTenant();
  let refs: WorkOrderRefs;
  let admin: string;

  beforeAll(async () => {
    refs = await workOrderTenant(tenant);
    admin = await token({ role: 'ADMIN', tenant });
  });

  it('holds for arbitrary JSON and for mutations of a valid body', async () => {
    const field = fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null), fc.boolean(), fc.array(fc.integer()), fc.object());
    const mutated = fc.record({
      empleadoId: fc.oneof(fc.constant(refs.employee.id), field),
      clienteId: fc.oneof(fc.constant(refs.client.id), field),
      pendienteId: fc.oneof(fc.constant(refs.workOrder.id), field),
      monto: fc.oneof(fc.double({ min: -1e6, max: 1e6 }), field),
      fechaPago: fc.oneof(fc.constant('2024-03-15'), field),
      metodoPago: fc.oneof(fc.constantFrom('BCP', 'OTRO'), field),
    }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), mutated), async (candidate) => {
        const before = await readCounter(tenant, COUNTERS.activeWorkOrderPayments);
        const response = await invoke(createPayment, { method: 'POST', path: '/api/pagos', token: admin, rawBody: JSON.stringify(candidate), headers: { 'content-type': 'application/json' } });
        expect(response.status).toBeLessThan(500);
        const after = await readCounter(tenant, COUNTERS.activeWorkOrderPayments);
        expect(after - before).toBe(response.status === 201 ? 1 : 0);
      }),
      { numRuns: 150 },
    );
  });
});
