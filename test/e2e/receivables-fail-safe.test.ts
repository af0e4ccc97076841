/**
 * Issue 12 on the receivables API (seed 004), over HTTP through the local gateway with real tokens:
 * amount fields at most 10^13 minor units (400 naming the field, nothing written), a document's
 * paid amount bounded by the conditional write itself (422 in `{code,msg,requestId}`, nothing
 * written), an Idempotency-Key on deletePayment and createPaymentFromXmlMX that replays the first
 * result, and ADMIN-only routes for every other role.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.js';
import { MAX_AMOUNT_MINOR, MAX_TOTAL_MINOR } from '../../shared/domain/money.js';
import { ROLES } from '../../shared/auth/roles.js';
import { charges } from '../../shared/store/charges.js';
import { api, newTenant, token } from '../support/index.js';
import { newDocument, receivablesTenant } from '../support/receivables-fixtures.js';
import { fiscalUuid, receiptBase64 } from '../unit/fixtures/cfdi-receipts.js';

const tenant = newTenant();
let admin: string;
let cl: { id: string };
let mx: { id: string };

const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  api(method, path, { token: admin, ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) });
const pay = (body: unknown, headers?: Record<string, string>) => call('POST', '/v1/createPayment', body, headers);
const del = (id: string, key?: string) => call('DELETE', '/v1/deletePayment', { id }, key ? { 'Idempotency-Key': key } : undefined);
const paid = async (id: string) => (await charges.get(tenant, id, true))!.paidAmount;
const paymentCount = async () => (await call('GET', '/v1/getPayments?status=1&resultsPerPage=1')).body.records.totalRecords as number;
const receivablesRoutes = routes.filter((r) => r.handler.startsWith('receivables/'));

beforeAll(async () => {
  ({ cl, mx } = await receivablesTenant(tenant));
  admin = await token({ role: 'ADMIN', tenant, sub: 'recv-fail-safe' });
});

describe('amount fields: at most 10^13 minor units', () => {
  it('total and documents[].amount at the maximum are paid; one unit more is a 400 naming the field, nothing written', async () => {
    const doc = await newDocument(tenant, cl.id, MAX_AMOUNT_MINOR);
    const max = String(MAX_AMOUNT_MINOR); // CLP: no decimals
    const past = String(MAX_AMOUNT_MINOR + 1);
    const before = await paymentCount();
    for (const [body, field] of [
      [{ total: past, documents: [{ documentId: doc.id, amount: max }] }, 'total'],
      [{ total: max, documents: [{ documentId: doc.id, amount: past }] }, 'documents[0].amount'],
      [{ total: Number(past), documents: [{ documentId: doc.id, amount: Number(past) }] }, 'documents[0].amount'],
    ] as const) {
      const res = await pay({ clientId: cl.id, date: '2024-02-01', currency: 'CLP', ...body });
      expect(res.status, res.text).toBe(400);
      expect(res.body).toEqual({ code: 400, msg: `${field}: Must be at most ${max}`, requestId: expect.any(String) });
    }
    const byTaxId = await call('POST', '/v1/createPaymentByTaxId', {
      taxId: '76453707-6', date: '2024-02-01', currency: 'CLP', total: past, documents: [{ number: doc.number, code: '33', amount: past }],
    });
    expect(byTaxId.body).toMatchObject({ code: 400, msg: expect.stringContaining('documents[0].amount') });
    expect(await paymentCount()).toBe(before);
    expect(await paid(doc.id)).toBe(0);

    const atMax = await pay({ clientId: cl.id, date: '2024-02-01', currency: 'CLP', total: max, documents: [{ documentId: doc.id, amount: max }] });
    expect(atMax.status, atMax.text).toBe(200);
    expect(atMax.body.amount).toBe(`${max}.00`);
    expect(await paid(doc.id)).toBe(MAX_AMOUNT_MINOR);
  });

  it('a two-decimal currency: 100000000000.01 is past it (CFDI Monto and ImpPagado too)', async () => {
    const res = await call('POST', '/v1/createPaymentFromXmlMX', {
      xml: receiptBase64({ payments: [{ amount: '100000000000.01', documents: [{ id: fiscalUuid(), paid: '100000000000.01' }] }] }),
    });
    expect(res.status, res.text).toBe(400);
    expect(res.body.msg).toMatch(/Monto|ImpPagado/);
    expect(res.body.msg).toContain('100000000000.00');
  });
});

describe("a document's paid amount: bounded by its own conditional write", () => {
  it('a payment that would take it past 10^15 is a 422 in the receivables envelope, and writes nothing', async () => {
    // A document stored before the bounds (amount past them), paid up to just under the total bound.
    const doc = await newDocument(tenant, cl.id, 2 * MAX_TOTAL_MINOR);
    await charges.replace({ tenant, sub: 'fixture' }, doc, { ...doc, paidAmount: MAX_TOTAL_MINOR - 5, version: doc.version + 1 });
    const before = await paymentCount();
    const body = (amount: number) => ({ clientId: cl.id, date: '2024-02-02', currency: 'CLP', total: amount, documents: [{ documentId: doc.id, amount }] });

    const past = await pay(body(10));
    expect(past.status, past.text).toBe(422);
    expect(past.body).toEqual({ code: 422, msg: expect.stringContaining(String(MAX_TOTAL_MINOR)), requestId: expect.any(String) });
    expect(await paid(doc.id)).toBe(MAX_TOTAL_MINOR - 5);
    expect(await paymentCount()).toBe(before);

    const fits = await pay(body(5));
    expect(fits.status, fits.text).toBe(200);
    expect(await paid(doc.id)).toBe(MAX_TOTAL_MINOR);
    const read = await call('GET', `/v1/getPayment?id=${fits.body.id}`);
    expect(read.status, read.text).toBe(200);
  });

  it('a document with no room left is still the 409 naming it, not a 422', async () => {
    const doc = await newDocument(tenant, cl.id, 100);
    expect((await pay({ clientId: cl.id, date: '2024-02-03', currency: 'CLP', total: 100, documents: [{ documentId: doc.id, amount: 100 }] })).status).toBe(200);
    const again = await pay({ clientId: cl.id, date: '2024-02-03', currency: 'CLP', total: 1, documents: [{ documentId: doc.id, amount: 1 }] });
    expect(again.body).toMatchObject({ code: 409, msg: expect.stringContaining(doc.id) });
  });
});

describe('Idempotency-Key on every mutating route', () => {
  it('deletePayment: a retry answers the first result (not a second step, not a 404); the key is bound to the id', async () => {
    const doc = await newDocument(tenant, cl.id, 500);
    const payment = await pay({ clientId: cl.id, date: '2024-02-04', currency: 'CLP', total: 500, documents: [{ documentId: doc.id, amount: 500 }] });
    expect(payment.status, payment.text).toBe(200);
    const id = payment.body.id as string;
    const unreconcile = `unrec-${id}`;

    const first = await del(id, unreconcile);
    expect(first.body).toEqual({ id, msg: 'Pago desconciliado.' });
    const retries = await Promise.all([del(id, unreconcile), del(id, unreconcile)]);
    expect(retries.map((r) => [r.status, r.body])).toEqual([[200, first.body], [200, first.body]]);
    // Still un-reconciled (pending), not deleted by the retries; the document owes its amount again.
    expect((await call('GET', `/v1/getPayment?id=${id}`)).body).toMatchObject({ id, status: 0 });
    expect(await paid(doc.id)).toBe(0);

    const remove = `remove-${id}`;
    expect((await del(id, remove)).body).toEqual({ id, msg: 'Pago eliminado.' });
    // A retry with the key answers the deletion again, not the 404 a new request gets.
    const retried = await del(id, remove);
    expect([retried.status, retried.body]).toEqual([200, { id, msg: 'Pago eliminado.' }]);
    expect((await del(id)).status).toBe(404);
    expect((await call('GET', `/v1/getPayment?id=${id}`)).status).toBe(404);

    const otherId = await del(payment.body.documents[0].document.id, remove);
    expect(otherId.body).toMatchObject({ code: 422 });
    const malformed = await del(id, 'short');
    expect(malformed.body).toMatchObject({ code: 400, msg: expect.stringContaining('Idempotency-Key') });
  });

  it('createPaymentFromXmlMX: the header is bound to the receipt; its retry answers the first payments', async () => {
    const doc = await newDocument(tenant, mx.id, 10_000, { currency: 'MXN', externalId: fiscalUuid().toLowerCase(), code: undefined });
    const xml = receiptBase64({ payments: [{ amount: '10.00', documents: [{ id: doc.externalId!, paid: '10.00' }] }] });
    const key = `cfdi-${doc.id}`;
    const first = await call('POST', '/v1/createPaymentFromXmlMX', { xml }, { 'Idempotency-Key': key });
    expect(first.status, first.text).toBe(200);
    const retries = await Promise.all([1, 2].map(() => call('POST', '/v1/createPaymentFromXmlMX', { xml }, { 'Idempotency-Key': key })));
    expect(retries.map((r) => [r.status, r.body.id])).toEqual([[200, first.body.id], [200, first.body.id]]);
    expect(await paid(doc.id)).toBe(1000);

    const other = receiptBase64({ payments: [{ amount: '20.00', documents: [{ id: doc.externalId!, paid: '20.00' }] }] });
    const mismatch = await call('POST', '/v1/createPaymentFromXmlMX', { xml: other }, { 'Idempotency-Key': key });
    expect(mismatch.body).toMatchObject({ code: 422 });
    expect(await paid(doc.id)).toBe(1000);
  });
});

describe('ADMIN only', () => {
  it('every receivables route answers 403 to every other role, in its envelope', async () => {
    const others = ROLES.filter((r) => r !== 'ADMIN');
    for (const role of others) {
      const other = await token({ role, tenant, party: cl.id });
      for (const route of receivablesRoutes) {
        const res = await api(route.method, route.path, { token: other, ...(route.method === 'GET' ? {} : { body: {} }) });
        expect([role, route.path, res.status]).toEqual([role, route.path, 403]);
        expect(res.body).toEqual({ code: 403, msg: expect.any(String), requestId: expect.any(String) });
      }
    }
  });
});
