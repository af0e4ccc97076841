/**
 * The receivables API (seed 004) over HTTP through the local gateway with real tokens: a client and
 * documents made through the ledger API, every /v1 route, the seed's own CFDI sample, the envelope.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RECEIVABLES_DEMO_DOCUMENTS } from '../../lib/local/demo-receivables.js';
import { saveTenant } from '../support/tenants.js';
import { api, newTenant, token } from '../support/index.js';
import { seedSampleBase64 } from '../unit/fixtures/cfdi-receipts.js';

const tenant = newTenant();
let admin: string;
const call = (method: string, path: string, body?: unknown) => api(method, path, { token: admin, ...(body !== undefined ? { body } : {}) });

beforeAll(async () => {
  await saveTenant(tenant, { timeZone: 'America/Santiago', currency: 'CLP' });
  admin = await token({ role: 'ADMIN', tenant, sub: 'e2e-recv' });
});

describe('receivables over HTTP', () => {
  it('walks a Chilean client: documents, createPayment, createPaymentByTaxId, getPayments, getPayment, deletePayment', async () => {
    const client = await call('POST', '/ledger/parties', { kind: 'client', name: 'Duemint SPA', taxId: '76453707-6' });
    expect(client.status, client.text).toBe(201);
    const docs = [];
    for (const [number, amount] of [['135', 31816], ['147', 31894], ['148', 2060]] as const) {
      const doc = await call('POST', '/ledger/charges', { kind: 'document', partyId: client.body.id, amount, currency: 'CLP', code: '33', number });
      expect(doc.status, doc.text).toBe(201);
      docs.push(doc.body);
    }
    expect((await call('POST', '/ledger/charges', { kind: 'document', partyId: client.body.id, amount: 1, currency: 'CLP', code: '33', number: '135' })).status).toBe(409);

    const first = await call('POST', '/v1/createPayment', { clientId: client.body.id, date: '2018-03-23', total: '31816', currency: 'CLP', documents: [{ documentId: docs[0].id, amount: '31816' }] });
    expect(first.status, first.text).toBe(200);
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    const second = await call('POST', '/v1/createPaymentByTaxId', { taxId: '76453707-6', date: '2018-03-24', total: 33954, currency: 'CLP', documents: [{ number: '147', code: '33', amount: 31894 }, { number: '148', code: '33', amount: 2060 }] });
    expect(second.status, second.text).toBe(200);
    expect(second.body).toMatchObject({ amount: '33954.00', client: { id: client.body.id, taxId: '76453707-6' }, files: [] });

    const list = await call('GET', `/v1/getPayments?clientTaxId=76453707-6&order=ASC&expandFile=1`);
    expect(list.status, list.text).toBe(200);
    expect(list.body.records).toEqual({ totalRecords: 2, items: 2, page: 1, pages: 1 });
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([first.body.id, second.body.id]);
    expect((await call('GET', `/v1/getPayment?id=${second.body.id}`)).body).toEqual(second.body);

    const charge = await call('GET', `/ledger/charges/${docs[1].id}`);
    expect(charge.body).toMatchObject({ status: 'paid', outstanding: { amount: 0 } });

    expect((await call('DELETE', '/v1/deletePayment', { id: second.body.id })).body).toEqual({ id: second.body.id, msg: 'Pago desconciliado.' });
    expect((await call('GET', `/ledger/charges/${docs[1].id}`)).body).toMatchObject({ outstanding: { amount: 31894 } });
    expect((await call('GET', `/v1/getPayments?status=0`)).body.items.map((p: { id: string }) => p.id)).toEqual([second.body.id]);
    // A pending payment is deleted (gone from every status, kept for audit).
    expect((await call('DELETE', '/v1/deletePayment', { id: second.body.id })).body).toEqual({ id: second.body.id, msg: 'Pago eliminado.' });
    expect((await call('GET', `/v1/getPayments?status=0`)).body.items).toEqual([]);
    expect((await call('GET', `/v1/getPayment?id=${second.body.id}`)).status).toBe(404);
    expect((await call('GET', `/v1/getPayments?status=2`)).body.items).toEqual([]);
  });

  it("takes the seed's own CFDI sample once its client and seven documents exist, idempotently", async () => {
    const client = await call('POST', '/ledger/parties', { kind: 'client', name: 'AB CALSA, S.A. DE C.V.', taxId: 'ACA0401281AA' });
    for (const d of RECEIVABLES_DEMO_DOCUMENTS.filter((doc) => doc.currency === 'MXN')) {
      const doc = await call('POST', '/ledger/charges', { kind: 'document', partyId: client.body.id, amount: d.amount, currency: 'MXN', number: d.number, externalId: d.externalId });
      expect(doc.status, doc.text).toBe(201);
    }
    const res = await call('POST', '/v1/createPaymentFromXmlMX', { xml: seedSampleBase64() });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ amount: '7116.12', currency: 'MXN', date: '2019-05-29' });
    expect(res.body.documents).toHaveLength(7);
    const again = await call('POST', '/v1/createPaymentFromXmlMX', { xml: seedSampleBase64() });
    expect([again.status, again.body.id]).toEqual([200, res.body.id]);
    expect((await call('GET', `/v1/getPayments?currency=MXN&since=2019-05-29&until=2019-05-29`)).body.items.map((p: { id: string }) => p.id)).toEqual([res.body.id]);
  });

  it('answers in its own envelope: 401 without a token, 403 for another role, 400 for bad input, 404 unknown', async () => {
    const noToken = await api('GET', '/v1/getPayments');
    expect(noToken.status).toBe(401);
    const employee = await token({ role: 'EMPLOYEE', tenant, party: '1' });
    const forbidden = await api('GET', '/v1/getPaymentMethods', { token: employee });
    expect(forbidden.body).toEqual({ code: 403, msg: expect.any(String), requestId: expect.any(String) });
    expect((await call('POST', '/v1/createPayment', { clientId: 'x' })).body).toMatchObject({ code: 400, msg: expect.stringMatching(/clientId/) });
    const malformed = await api('POST', '/v1/createPayment', { token: admin, rawBody: '{', headers: { 'content-type': 'application/json' } });
    expect(malformed.body).toMatchObject({ code: 400 });
    expect((await call('GET', '/v1/getPayment?id=42')).body).toMatchObject({ code: 404 });
    expect((await call('GET', '/v1/getPaymentMethods?resultsPerPage=5&order=ASC')).body.records).toEqual({ totalRecords: 5, items: 5, page: 1, pages: 1 });
  });
});
