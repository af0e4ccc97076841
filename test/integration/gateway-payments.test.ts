/** Gateway API (seed 002) create, read and transitions, handlers invoked directly against DynamoDB Local. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as createPayment from '../../functions/gateway/create-payment.js';
import * as getPayment from '../../functions/gateway/get-payment.js';
import * as updatePayment from '../../functions/gateway/update-payment.js';
import * as ledgerPayment from '../../functions/ledger/get-payment.js';
import { listAudit } from '../../shared/store/audit.js';
import { invoke, newTenant, token } from '../support/index.js';
import { pagoRequest } from '../support/gateway-fixtures.js';
import { createTenant } from '../support/ledger-fixtures.js';

const create = (admin: string, body: unknown, headers?: Record<string, string>) =>
  invoke(createPayment, { method: 'POST', path: '/pagos', token: admin, body, ...(headers ? { headers } : {}) });
const patch = (admin: string, id: number | string, body: unknown) => invoke(updatePayment, { method: 'PATCH', path: `/pagos/${id}`, token: admin, body });

describe('gateway: create and read', () => {
  const tenant = newTenant();
  let admin: string;
  beforeAll(async () => {
    await createTenant(tenant, { currency: 'PEN', timeZone: 'America/Argentina/Buenos_Aires' });
    admin = await token({ role: 'ADMIN', tenant });
  });

  it('creates a payment request: 201, every field sent, final_amount summed in minor units, pending', async () => {
    const body = pagoRequest();
    const created = await create(admin, body);
    expect(created.status).toBe(201);
    const p = created.body;
    expect(typeof p.id).toBe('number');
    expect(p).toMatchObject({
      collector_id: 'col-1',
      external_transaction_id: body.external_transaction_id,
      currency_id: 'PEN',
      final_amount: 100.3,
      details: [
        { amount: 100.1, concept_id: 'C1', concept_description: 'Cuota' },
        { amount: 0.2, external_reference: 'R-2' },
      ],
      payer: body.payer,
      type: 'online',
      due_date: '2025-02-01T10:00:00-0300',
      owner: { type: 'store', id: 'S1' },
      payment_methods: [{ type: 'card', amount: 100.3, gateway: { name: 'niubiz' } }],
      metadata: { channel: 'web' },
      status: 'pending',
      validation: false,
      review: false,
    });
    expect(p.request_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0300$/);
    const read = await invoke(getPayment, { path: `/pagos/${p.id}`, token: admin });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(p);
  });

  it('accepts ISO 8601 dates in bodies and renders them in the tenant time zone', async () => {
    const created = await create(admin, pagoRequest({ due_date: '2025-03-01T13:00:00.000Z', last_due_date: '2025-03-02T12:00:00+01:00' }));
    expect(created.body).toMatchObject({ due_date: '2025-03-01T10:00:00-0300', last_due_date: '2025-03-02T08:00:00-0300' });
  });

  it('is visible through GET /ledger/payments/{id} with its amount in minor units, and audited', async () => {
    const created = await create(admin, pagoRequest());
    const view = await invoke(ledgerPayment, { path: `/ledger/payments/${created.body.id}`, token: admin });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ id: String(created.body.id), source: 'gateway', amount: { amount: 10030, currency: 'PEN' }, status: 'active' });
    expect(view.body.gateway).toMatchObject({ status: 'pending', final_amount: 10030 });
    expect(Object.keys(view.body).some((k) => k.startsWith('q_'))).toBe(false);
    const audit = await listAudit(tenant, String(created.body.id), 10);
    expect(audit.items.map((e) => e.action)).toEqual(['PAYMENT_CREATE']);
  });

  it('rejects bad bodies with 400 in the gateway envelope, writing nothing', async () => {
    const cases: Record<string, unknown>[] = [
      pagoRequest({ details: [] }),
      pagoRequest({ details: [{ amount: 1.234 }] }),
      pagoRequest({ details: [{ amount: 0 }] }),
      pagoRequest({ details: [{ amount: -1 }] }),
      pagoRequest({ currency_id: 'EUR' }),
      pagoRequest({ currency_id: 'CLP', details: [{ amount: 1.5 }], payment_methods: undefined }),
      pagoRequest({ collector_id: undefined }),
      pagoRequest({ external_transaction_id: undefined }),
      pagoRequest({ type: 'cash' }),
      pagoRequest({ due_date: '01/02/2025' }),
      pagoRequest({ due_date: '2025-02-30T10:00:00-0300' }),
      pagoRequest({ unknown: 1 }),
      pagoRequest({ parent_payment_id: '999999999' }),
      pagoRequest({ payment_methods: [{ gateway: { name: 'a' } }, { gateway: { name: 'b' } }] }),
      pagoRequest({ details: [{ amount: 100_000_000_001 }] }),
    ];
    for (const body of cases) {
      const response = await create(admin, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toEqual({ code: 400, message: expect.any(String), extended_code: 4000 });
    }
  });

  it('links a child to its parent payment', async () => {
    const parent = await create(admin, pagoRequest());
    const child = await create(admin, pagoRequest({ parent_payment_id: parent.body.id }));
    expect(child.status).toBe(201);
    expect(child.body.parent_payment_id).toBe(parent.body.id);
  });

  it('answers 404 for an unknown id, another tenant\'s payment or another API\'s payment', async () => {
    const created = await create(admin, pagoRequest());
    const other = await token({ role: 'ADMIN', tenant: newTenant() });
    expect((await invoke(getPayment, { path: `/pagos/${created.body.id}`, token: other })).status).toBe(404);
    const missing = await invoke(getPayment, { path: '/pagos/123456789', token: admin });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 404, message: 'Payment not found', extended_code: 4004 });
    expect((await patch(other, created.body.id, { status: 'approved' })).status).toBe(404);
  });

  it('refuses roles other than ADMIN with 403', async () => {
    const employee = await token({ role: 'EMPLOYEE', tenant, party: '1' });
    const response = await create(employee, pagoRequest());
    expect(response.status).toBe(403);
    expect(response.body.extended_code).toBe(4003);
  });
});

describe('gateway: idempotency', () => {
  const tenant = newTenant();
  let admin: string;
  beforeAll(async () => {
    await createTenant(tenant);
    admin = await token({ role: 'ADMIN', tenant });
  });

  it('replays the same request under the same external_transaction_id with 200 and the first payment', async () => {
    const body = pagoRequest();
    const first = await create(admin, body);
    const again = await create(admin, { ...body, details: [{ amount: '100.10', concept_id: 'C1', concept_description: 'Cuota' }, { amount: 0.2, external_reference: 'R-2' }] });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it('answers 422 for the same external id with another request, and scopes the id per collector', async () => {
    const body = pagoRequest();
    await create(admin, body);
    const changed = await create(admin, { ...body, details: [{ amount: 5 }] });
    expect(changed.status).toBe(422);
    expect(changed.body).toMatchObject({ code: 422, extended_code: 4220 });
    const otherCollector = await create(admin, { ...body, collector_id: 'col-2' });
    expect(otherCollector.status).toBe(201);
  });

  it('makes exactly one payment of many concurrent duplicates, never a 5xx', async () => {
    const body = pagoRequest({ collector_id: 'col-race' });
    const results = await Promise.all(Array.from({ length: 12 }, () => create(admin, body)));
    expect(results.map((r) => r.status).sort()).toEqual([...Array(11).fill(200), 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
  });

  it('honours the Idempotency-Key header too, concurrently and with 422 on another request', async () => {
    const key = `gw-key-${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => create(admin, pagoRequest({ external_transaction_id: `hdr-${key}`, collector_id: 'col-h' }), { 'Idempotency-Key': key }).then((r) => ({ r, i }))),
    );
    const statuses = results.map(({ r }) => r.status).sort();
    expect(statuses).toEqual([...Array(7).fill(200), 201]);
    const other = await create(admin, pagoRequest({ collector_id: 'col-h' }), { 'Idempotency-Key': key });
    expect(other.status).toBe(422);
    const malformed = await create(admin, pagoRequest(), { 'Idempotency-Key': 'short' });
    expect(malformed.status).toBe(400);
  });
});

describe('gateway: transitions', () => {
  const tenant = newTenant();
  let admin: string;
  beforeAll(async () => {
    await createTenant(tenant, { currency: 'PEN', timeZone: 'America/Argentina/Buenos_Aires' });
    admin = await token({ role: 'ADMIN', tenant });
  });

  const fresh = async () => (await create(admin, pagoRequest())).body.id as number;

  it('stamps each status its dates and audits every change in the same transaction', async () => {
    const stamps: [string, string[]][] = [
      ['in_process', ['process_date']],
      ['authorized', ['process_date']],
      ['approved', ['paid_date', 'accreditation_date']],
      ['rejected', ['rejected_date']],
      ['cancelled', ['cancel_date']],
      ['review', ['review_validation_date']],
      ['validate', ['payer_validation_date']],
      ['deferred', ['payer_deferred_date']],
      ['dismissed', ['objected_date']],
    ];
    for (const [status, dates] of stamps) {
      const id = await fresh();
      const moved = await patch(admin, id, { status, status_detail: `to ${status}` });
      expect(moved.status, status).toBe(200);
      expect(moved.body).toMatchObject({ status, status_detail: `to ${status}` });
      for (const field of dates) expect(moved.body[field], `${status} ${field}`).toMatch(/-0300$/);
      if (status === 'review') expect(moved.body.review).toBe(true);
      if (status === 'validate') expect(moved.body.validation).toBe(true);
      const audit = await listAudit(tenant, String(id), 10);
      expect(audit.items[0]).toMatchObject({ action: 'PAYMENT_STATUS_CHANGE', details: { from: 'pending', to: status } });
    }
  });

  it('refunds only an approved payment, stamps refunded_date and reverses it in the ledger', async () => {
    const id = await fresh();
    expect((await patch(admin, id, { status: 'refunded' })).status).toBe(409);
    await patch(admin, id, { status: 'approved' });
    const refunded = await patch(admin, id, { status: 'refunded' });
    expect(refunded.status).toBe(200);
    expect(refunded.body.refunded_date).toBeTruthy();
    const view = await invoke(ledgerPayment, { path: `/ledger/payments/${id}`, token: admin });
    expect(view.body).toMatchObject({ status: 'reversed', reconciliation: 'discarded' });
  });

  it('answers 409 for illegal transitions and from final statuses, changing nothing', async () => {
    for (const final of ['rejected', 'cancelled', 'dismissed']) {
      const id = await fresh();
      await patch(admin, id, { status: final });
      const again = await patch(admin, id, { status: 'approved' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 409, extended_code: 4090 });
    }
    const approved = await fresh();
    await patch(admin, approved, { status: 'approved' });
    expect((await patch(admin, approved, { status: 'cancelled' })).status).toBe(409);
    const pending = await fresh();
    expect((await patch(admin, pending, { status: 'pending' })).status).toBe(409);
    expect((await invoke(getPayment, { path: `/pagos/${pending}`, token: admin })).body.status).toBe('pending');
    expect((await patch(admin, pending, { status: 'paid' })).status).toBe(400);
    expect((await patch(admin, pending, { status: 'approved', extra: 1 })).status).toBe(400);
  });

  it('follows the transition table: 200 exactly where the life cycle allows it, 409 elsewhere', async () => {
    const STATUSES = ['pending', 'approved', 'authorized', 'in_process', 'rejected', 'cancelled', 'refunded', 'deferred', 'dismissed', 'review', 'validate'];
    const FINAL = ['rejected', 'cancelled', 'refunded', 'dismissed'];
    const legal = (from: string, to: string) =>
      !FINAL.includes(from) && (from === 'approved' ? to === 'refunded' : to !== from && to !== 'pending' && to !== 'refunded');
    const paths: Record<string, string[]> = { pending: [], in_process: ['in_process'], approved: ['approved'], refunded: ['approved', 'refunded'] };
    const cases = Object.entries(paths).flatMap(([from, path]) => STATUSES.map((to) => ({ from, path, to })));
    for (let i = 0; i < cases.length; i += 11) {
      await Promise.all(
        cases.slice(i, i + 11).map(async ({ from, path, to }) => {
          const id = await fresh();
          for (const step of path) expect((await patch(admin, id, { status: step })).status).toBe(200);
          const moved = await patch(admin, id, { status: to });
          expect(moved.status, `${from} -> ${to}`).toBe(legal(from, to) ? 200 : 409);
        }),
      );
    }
  }, 90_000);

  it('lets one of two concurrent transitions win; the other gets 409 and nothing is lost', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await fresh();
      const [a, b] = await Promise.all([patch(admin, id, { status: 'approved' }), patch(admin, id, { status: 'cancelled' })]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? a.body : b.body;
      const stored = await invoke(getPayment, { path: `/pagos/${id}`, token: admin });
      expect(stored.body.status).toBe(winner.status);
      const audit = await listAudit(tenant, String(id), 10);
      expect(audit.items.filter((e) => e.action === 'PAYMENT_STATUS_CHANGE')).toHaveLength(1);
    }
  });
});
