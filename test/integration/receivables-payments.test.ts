/** Receivables createPayment, createPaymentByTaxId, getPayment, deletePayment, getPaymentMethods against DynamoDB Local. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as createPayment from '../../functions/receivables/create-payment.js';
import * as createPaymentByTaxId from '../../functions/receivables/create-payment-by-tax-id.js';
import * as deletePayment from '../../functions/receivables/delete-payment.js';
import * as getPayment from '../../functions/receivables/get-payment.js';
import * as getPaymentMethods from '../../functions/receivables/get-payment-methods.js';
import * as getPayments from '../../functions/receivables/get-payments.js';
import * as ledgerCharge from '../../functions/ledger/get-charge.js';
import * as ledgerPayment from '../../functions/ledger/get-payment.js';
import { listAudit } from '../../shared/store/audit.js';
import { newId } from '../../shared/ids.js';
import { charges } from '../../shared/store/charges.js';
import { parties } from '../../shared/store/parties.js';
import { invoke, newTenant, token } from '../support/index.js';
import { newDocument, receivablesTenant } from '../support/receivables-fixtures.js';

const tenant = newTenant();
let admin: string;
let cl: { id: string };

const pay = (body: unknown, headers?: Record<string, string>) =>
  invoke(createPayment, { method: 'POST', path: '/v1/createPayment', token: admin, body, ...(headers ? { headers } : {}) });
const paid = async (id: string) => (await charges.get(tenant, id, true))!.paidAmount;

beforeAll(async () => {
  ({ cl } = await receivablesTenant(tenant));
  admin = await token({ role: 'ADMIN', tenant, sub: 'recv-admin' });
});

describe('POST /v1/createPayment', () => {
  it('pays documents of the client; the payment shows as the seed documents it, and through the ledger API', async () => {
    const a = await newDocument(tenant, cl.id, 160253);
    const b = await newDocument(tenant, cl.id, 100000);
    const res = await pay({ clientId: cl.id, date: '2018-04-06', total: '256525', currency: 'CLP', documents: [{ documentId: a.id, amount: '160253' }, { documentId: Number(b.id), amount: 96272 }], transactionCode: 'TX-1', documentNumber: 'DN-9', paymentMethod: 'Transferencia' });
    expect(res.status, res.text).toBe(200);
    const client = { id: cl.id, name: 'Duemint SPA', taxId: '76453707-6' };
    expect(res.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      date: '2018-04-06',
      currency: 'CLP',
      amount: '256525.00',
      description: '',
      bankCode: '',
      accountNumber: '',
      paymentMethod: 'Transferencia',
      transactionCode: 'TX-1',
      documentNumber: 'DN-9',
      comments: '',
      clients: [client],
      client,
      documents: [
        { amount: '160253.00', document: { id: a.id, number: a.number, code: '33', client } },
        { amount: '96272.00', document: { id: b.id, number: b.number, code: '33', client } },
      ],
      files: [],
      status: 1,
      reconciledAt: res.body.createdAt,
    });
    const canonical = await invoke(ledgerPayment, { path: `/ledger/payments/${res.body.id}`, token: admin });
    expect(canonical.body).toMatchObject({ id: res.body.id, source: 'receivables', amount: { amount: 256525, currency: 'CLP' }, reconciliation: 'reconciled' });
    const charge = await invoke(ledgerCharge, { path: `/ledger/charges/${b.id}`, token: admin });
    expect(charge.body).toMatchObject({ paidAmount: { amount: 96272 }, outstanding: { amount: 3728 }, status: 'partially_paid' });
    expect(await paid(a.id)).toBe(160253);
    const audit = await listAudit(tenant, res.body.id, 10);
    expect(audit.items.map((e) => e.action)).toEqual(['RECEIVABLES_PAYMENT_CREATE']);
  });

  it.each([
    ['the total differs from the sum', { total: 1001 }, 400, /total/],
    ['an amount exceeds what the document owes', { total: 2001, amount: 2001 }, 409, /owes 2000/],
    ['a CLP amount has decimals', { total: '1000.5', amount: '1000.5' }, 400, /decimals/],
    ['an amount is zero', { total: 0, amount: 0 }, 400, /greater than 0/],
    ['the currency differs', { currency: 'USD' }, 400, /is in CLP, not USD/],
  ])('refuses when %s, naming it, and writes nothing', async (_, change, status, msg) => {
    const doc = await newDocument(tenant, cl.id, 2000);
    const { amount = 1000, ...rest } = change as Record<string, unknown>;
    const res = await pay({ clientId: cl.id, date: '2024-01-02', total: 1000, currency: 'CLP', documents: [{ documentId: doc.id, amount }], ...rest });
    expect(res.status, res.text).toBe(status);
    expect(res.body).toEqual({ code: status, msg: expect.stringMatching(msg), requestId: expect.any(String) });
    expect(await paid(doc.id)).toBe(0);
  });

  it('answers 404 for an unknown document or client, 400 for another client\'s document or one listed twice', async () => {
    const doc = await newDocument(tenant, cl.id, 2000);
    const body = (over: Record<string, unknown>) => ({ clientId: cl.id, date: '2024-01-02', total: 1000, currency: 'CLP', documents: [{ documentId: doc.id, amount: 1000 }], ...over });
    expect((await pay(body({ documents: [{ documentId: '999999999', amount: 1000 }] }))).body.msg).toMatch(/Document 999999999 not found/);
    expect((await pay(body({ clientId: '999999999' }))).status).toBe(404);
    const other = await pay(body({ clientId: '2201' }));
    expect(other.status).toBe(400);
    expect(other.body.msg).toMatch(/another client/);
    const twice = await pay(body({ total: 1000, documents: [{ documentId: doc.id, amount: 500 }, { documentId: doc.id, amount: 500 }] }));
    expect(twice.status).toBe(400);
    expect(twice.body.msg).toMatch(/listed twice/);
    expect((await pay(body({ extra: 1 }))).status).toBe(400);
    expect(await paid(doc.id)).toBe(0);
  });

  it('never over-pays a document under concurrent payments', async () => {
    const doc = await newDocument(tenant, cl.id, 10000);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => pay({ clientId: cl.id, date: '2024-01-02', total: 4000, currency: 'CLP', documents: [{ documentId: doc.id, amount: 4000 }] })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 409, 409, 409, 409, 409, 409]);
    expect(await paid(doc.id)).toBe(8000);
  });

  it('replays the first payment for a repeated Idempotency-Key, even once the document is paid; 422 for another request', async () => {
    const doc = await newDocument(tenant, cl.id, 5000);
    const body = { clientId: cl.id, date: '2024-01-02', total: 5000, currency: 'CLP', documents: [{ documentId: doc.id, amount: 5000 }] };
    const key = { 'Idempotency-Key': `recv-${doc.id}` };
    const first = await pay(body, key);
    const again = await pay({ ...body, total: '5000' }, key);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect((await pay({ ...body, date: '2024-01-03' }, key)).status).toBe(422);
    expect(await paid(doc.id)).toBe(5000);
  });
});

describe('POST /v1/createPaymentByTaxId', () => {
  const byTaxId = (body: unknown) => invoke(createPaymentByTaxId, { method: 'POST', path: '/v1/createPaymentByTaxId', token: admin, body });

  it('finds the client by RUT and the documents by SII code and folio', async () => {
    const res = await byTaxId({ taxId: '76453707-6', date: '2018-03-23', total: '65770', currency: 'CLP', documents: [{ number: '135', code: '33', amount: '31816' }, { number: 147, code: 33, amount: 31894 }, { number: '148', code: '33', amount: '2060' }] });
    expect(res.status, res.text).toBe(200);
    expect(res.body.documents.map((d: { document: { id: string } }) => d.document.id)).toEqual(['6101', '6102', '6103']);
    expect(res.body.amount).toBe('65770.00');
  });

  it.each([
    ['a wrong check digit', { taxId: '76453707-5' }, 400, /check digit/],
    ['a RUT with dots', { taxId: '76.453.707-6' }, 400, /99999999-9/],
    ['an unknown RUT', { taxId: '11111111-1' }, 404, /Client 11111111-1 not found/],
    ['an unknown folio', { documents: [{ number: '999', code: '33', amount: 100 }] }, 404, /code 33 number 999/],
    ['a code outside the SII list', { documents: [{ number: '122', code: '30', amount: 100 }] }, 400, /SII document code/],
  ])('answers %s', async (_, change, status, msg) => {
    const res = await byTaxId({ taxId: '76453707-6', date: '2018-03-23', total: 100, currency: 'CLP', documents: [{ number: '122', code: '34', amount: 100 }], ...change });
    expect(res.status, res.text).toBe(status);
    expect(res.body.msg).toMatch(msg);
    expect(await paid('6104')).toBe(0);
  });
});

describe('GET /v1/getPayment and DELETE /v1/deletePayment', () => {
  const get = (id: string, as = admin) => invoke(getPayment, { path: `/v1/getPayment?id=${id}&expandFile=1`, token: as });
  const del = (id: string) => invoke(deletePayment, { method: 'DELETE', path: '/v1/deletePayment', token: admin, body: { id } });

  it('un-reconciles a reconciled payment (documents owe again, re-payable), then discards it, then deletes it; each audited', async () => {
    const doc = await newDocument(tenant, cl.id, 3000);
    const body = { clientId: cl.id, date: '2024-02-01', total: 3000, currency: 'CLP', documents: [{ documentId: doc.id, amount: 3000 }] };
    const created = await pay(body);
    const { id } = created.body;
    expect((await get(id)).body).toMatchObject({ id, status: 1 });

    const unreconciled = await del(id);
    expect(unreconciled.body).toEqual({ id, msg: 'Pago desconciliado.' });
    expect(await paid(doc.id)).toBe(0);
    expect((await get(id)).body).toMatchObject({ id, status: 0, documents: [], reconciledAt: null });

    const repaid = await pay(body);
    expect(repaid.status).toBe(200);
    expect(await paid(doc.id)).toBe(3000);

    // A pending payment is deleted (gone, kept for audit).
    expect((await del(id)).body).toEqual({ id, msg: 'Pago eliminado.' });
    expect((await get(id)).status).toBe(404);
    expect((await del(id)).status).toBe(404);
    expect(await paid(doc.id)).toBe(3000);
    const audit = await listAudit(tenant, id, 10);
    expect(audit.items.map((e) => e.action).sort()).toEqual(['RECEIVABLES_PAYMENT_CREATE', ...Array(2).fill('RECEIVABLES_PAYMENT_DELETE')]);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await get('123456789')).body).toEqual({ code: 404, msg: 'Payment not found', requestId: expect.any(String) });
    expect((await get('abc')).status).toBe(400);
    expect((await invoke(deletePayment, { method: 'DELETE', path: '/v1/deletePayment', token: admin, body: {} })).status).toBe(400);
  });
});

describe('GET /v1/getPaymentMethods', () => {
  const methods = (query = '') => invoke(getPaymentMethods, { path: `/v1/getPaymentMethods${query}`, token: admin });

  it('lists the catalogue by id, descending by default, in pages', async () => {
    const all = await methods();
    expect(all.body.records).toEqual({ totalRecords: 5, items: 5, page: 1, pages: 1 });
    expect(all.body.items.map((m: { id: string }) => m.id)).toEqual(['5', '4', '3', '2', '1']);
    const page = await methods('?resultsPerPage=2&order=ASC&page=2');
    expect(page.body).toEqual({ records: { totalRecords: 5, items: 2, page: 2, pages: 3 }, items: [{ id: '3', name: 'Depósito' }, { id: '4', name: 'Efectivo' }] });
    const byName = await methods('?orderBy=2&order=ASC');
    expect(byName.body.items.map((m: { name: string }) => m.name)).toEqual(['Cheque', 'Depósito', 'Efectivo', 'Transferencia', 'Vale Vista']);
    expect((await methods('?page=9')).body.items).toEqual([]);
    expect((await methods('?resultsPerPage=101')).status).toBe(400);
    expect((await methods('?orderBy=3')).status).toBe(400);
  });
});

describe('tenant isolation', () => {
  it("another tenant's admin can neither read, delete nor pay this tenant's payments and documents", async () => {
    const doc = await newDocument(tenant, cl.id, 1000);
    const created = await pay({ clientId: cl.id, date: '2024-01-02', total: 1000, currency: 'CLP', documents: [{ documentId: doc.id, amount: 1000 }] });
    const other = newTenant();
    const stranger = await token({ role: 'ADMIN', tenant: other });
    expect((await invoke(getPayment, { path: `/v1/getPayment?id=${created.body.id}`, token: stranger })).status).toBe(404);
    expect((await invoke(deletePayment, { method: 'DELETE', path: '/v1/deletePayment', token: stranger, body: { id: created.body.id } })).status).toBe(404);
    const payIt = await invoke(createPayment, { method: 'POST', path: '/v1/createPayment', token: stranger, body: { clientId: cl.id, date: '2024-01-02', total: 1, currency: 'CLP', documents: [{ documentId: doc.id, amount: 1 }] } });
    expect(payIt.status).toBe(404);
    const employee = await token({ role: 'EMPLOYEE', tenant, party: cl.id });
    expect((await invoke(getPayment, { path: `/v1/getPayment?id=${created.body.id}`, token: employee })).status).toBe(403);
    expect((await get(created.body.id)).status).toBe(200);
  });
  const get = (id: string) => invoke(getPayment, { path: `/v1/getPayment?id=${id}`, token: admin });
});

describe('a client known by the original id (issue 13 item 13)', () => {
  it('createPayment takes clientId as its externalId and renders it; getPayments?clientId= finds it by the same id', async () => {
    const known = await parties.insert({ tenant, sub: 'fixture' }, {
      id: newId(), kind: 'client', name: 'Cliente Original', externalId: '8195', active: true,
      createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), version: 1,
    });
    const doc = await newDocument(tenant, known.id, 5000);
    const res = await pay({ clientId: 8195, date: '2018-04-07', total: 5000, currency: 'CLP', documents: [{ documentId: doc.id, amount: 5000 }] });
    expect(res.status, res.text).toBe(200);
    expect(res.body.client).toMatchObject({ id: '8195', name: 'Cliente Original' });
    expect(res.body.documents[0].document.client.id).toBe('8195');
    const found = await invoke(getPayments, { path: '/v1/getPayments?clientId=8195&since=2018-04-01&until=2018-04-30', token: admin });
    expect(found.status, found.text).toBe(200);
    expect(found.body.items.map((p: { id: string; client: { id: string } }) => [p.id, p.client.id])).toEqual([[res.body.id, '8195']]);
    // Caja's id keeps working, and another tenant's externalId names nothing here.
    expect((await invoke(getPayments, { path: `/v1/getPayments?clientId=${known.id}&since=2018-04-01&until=2018-04-30`, token: admin })).body.items).toHaveLength(1);
    expect((await pay({ clientId: 99999, date: '2018-04-07', total: 1, currency: 'CLP', documents: [{ documentId: doc.id, amount: 1 }] })).status).toBe(404);
  });
});
