/** GET /v1/getPayments on the query planner: every filter, order and paging edge, against DynamoDB Local. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as createPayment from '../../functions/receivables/create-payment.js';
import * as deletePayment from '../../functions/receivables/delete-payment.js';
import * as getPayments from '../../functions/receivables/get-payments.js';
import { invoke, newTenant, token } from '../support/index.js';
import { newDocument, receivablesTenant } from '../support/receivables-fixtures.js';

const tenant = newTenant();
let admin: string;
let cl: { id: string };
let mx: { id: string };

interface Made {
  id: string;
  date: string;
  amount: number;
  currency: string;
  client: string;
  documentId: string;
  method: string;
}
const made: Made[] = [];
let pending: Made;
let removed: Made;

const search = (query = '') => invoke(getPayments, { path: `/v1/getPayments${query}`, token: admin });
const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((p) => p.id);
const sortIds = (list: readonly Made[]) => list.map((m) => m.id).sort();
const reconciled = () => made.filter((m) => m !== pending && m !== removed);

/** Newest payment date first, ties by id ascending: the default order. */
const byDateDesc = (a: Made, b: Made) => (a.date === b.date ? (a.id.length - b.id.length || (a.id < b.id ? -1 : 1)) : a.date < b.date ? 1 : -1);

async function pay(client: { id: string }, date: string, amount: number, currency: 'CLP' | 'MXN', method?: string): Promise<Made> {
  const doc = await newDocument(tenant, client.id, (currency === 'MXN' ? amount * 100 : amount) * 2, { currency, ...(currency === 'MXN' ? { code: undefined } : {}) });
  const res = await invoke(createPayment, {
    method: 'POST',
    path: '/v1/createPayment',
    token: admin,
    body: { clientId: client.id, date, total: amount, currency, documents: [{ documentId: doc.id, amount }], ...(method ? { paymentMethod: method } : {}) },
  });
  expect(res.status, res.text).toBe(200);
  const m = { id: res.body.id as string, date, amount, currency, client: client.id, documentId: doc.id, method: method ?? '' };
  made.push(m);
  return m;
}

beforeAll(async () => {
  ({ cl, mx } = await receivablesTenant(tenant));
  admin = await token({ role: 'ADMIN', tenant, sub: 'recv-search' });
  const specs: [{ id: string }, string, number, 'CLP' | 'MXN', string?][] = [
    [cl, '2023-12-31', 500, 'CLP', 'Transferencia'],
    [cl, '2024-01-15', 1500, 'CLP', 'transferencia'],
    [cl, '2024-01-31', 700, 'CLP', 'Cheque'],
    [cl, '2024-02-01', 900, 'CLP'],
    [cl, '2024-02-01', 300, 'CLP', 'Transferencia'],
    [mx, '2024-02-15', 12345, 'MXN', 'Efectivo'],
    [mx, '2024-03-10', 99, 'MXN'],
    [cl, '2024-05-20', 2000, 'CLP'],
    [mx, '2024-05-20', 5000, 'MXN', 'Transferencia'],
  ];
  for (const spec of specs) await pay(...spec);
  pending = made[3]!;
  await invoke(deletePayment, { method: 'DELETE', path: '/v1/deletePayment', token: admin, body: { id: pending.id } });
  // deletePayment twice deletes a reconciled payment (un-reconciled, then deleted: gone from every status).
  removed = made[6]!;
  for (let i = 0; i < 2; i++) await invoke(deletePayment, { method: 'DELETE', path: '/v1/deletePayment', token: admin, body: { id: removed.id } });
  // A deleted payment (a third call) leaves every search.
  const gone = await pay(cl, '2024-01-20', 10, 'CLP');
  made.pop();
  for (let i = 0; i < 3; i++) await invoke(deletePayment, { method: 'DELETE', path: '/v1/deletePayment', token: admin, body: { id: gone.id } });
});

describe('GET /v1/getPayments', () => {
  it('with no filter: the reconciled payments of every month, newest payment date first, in the records envelope', async () => {
    const res = await search();
    expect(res.status, res.text).toBe(200);
    expect(res.body.records).toEqual({ totalRecords: 7, items: 7, page: 1, pages: 1 });
    expect(ids(res)).toEqual([...reconciled()].sort(byDateDesc).map((m) => m.id));
    expect(res.body.items[0]).toMatchObject({ status: 1, files: [], documents: [{ document: { id: expect.any(String) } }] });
  });

  it('filters by payment date, inclusive, across month and year boundaries', async () => {
    expect(sortIds((await search('?since=2024-01-31&until=2024-02-15')).body.items)).toEqual(sortIds(reconciled().filter((m) => m.date >= '2024-01-31' && m.date <= '2024-02-15')));
    expect(ids(await search('?until=2023-12-31'))).toEqual([made[0]!.id]);
    expect(ids(await search('?since=2024-05-21'))).toEqual([]);
    expect(ids(await search('?since=2024-03-01&until=2024-01-01'))).toEqual([]);
  });

  it('filters by creation and reconciliation date on the tenant\'s calendar', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Santiago' }).format(new Date());
    expect((await search(`?dateBy=2&since=${today}&until=${today}`)).body.records.totalRecords).toBe(7);
    expect((await search(`?dateBy=2&since=2099-01-01`)).body.records.totalRecords).toBe(0);
    expect((await search(`?dateBy=2`)).body.records.totalRecords).toBe(7);
    expect((await search(`?dateBy=3&until=${today}`)).body.records.totalRecords).toBe(7);
    expect((await search(`?dateBy=3&status=0`)).body.records.totalRecords).toBe(0);
    expect((await search(`?dateBy=2&status=0`)).body.items.map((p: { id: string }) => p.id)).toEqual([pending.id]);
  });

  it('filters by currency, client, client tax id, document and payment method', async () => {
    expect(sortIds((await search('?currency=MXN')).body.items)).toEqual(sortIds(reconciled().filter((m) => m.currency === 'MXN')));
    expect(sortIds((await search(`?clientId=${mx.id}`)).body.items)).toEqual(sortIds(reconciled().filter((m) => m.client === mx.id)));
    expect(sortIds((await search('?clientTaxId=76453707-6')).body.items)).toEqual(sortIds(reconciled().filter((m) => m.client === cl.id)));
    expect(sortIds((await search('?clientTaxId=aca0401281aa&since=2024-05-01')).body.items)).toEqual([made[8]!.id]);
    expect(ids(await search(`?clientTaxId=76453707-6&clientId=${mx.id}`))).toEqual([]);
    expect(ids(await search('?clientTaxId=11111111-1'))).toEqual([]);
    expect(ids(await search(`?documentId=${made[2]!.documentId}`))).toEqual([made[2]!.id]);
    expect(ids(await search(`?documentId=${pending.documentId}&status=0`))).toEqual([]);
    expect(sortIds((await search('?paymentMethodId=1')).body.items)).toEqual(sortIds(reconciled().filter((m) => m.method.toLowerCase() === 'transferencia')));
    expect(ids(await search('?paymentMethodId=4&currency=MXN'))).toEqual([made[5]!.id]);
    expect(ids(await search('?paymentMethodId=2&currency=MXN'))).toEqual([]);
    expect(ids(await search('?paymentMethodId=999'))).toEqual([]);
  });

  it('orders by date, creation or amount, either way', async () => {
    const amounts = async (q: string) => (await search(q)).body.items.map((p: { amount: string }) => Number(p.amount));
    const all = reconciled().map((m) => m.amount);
    expect(await amounts('?orderBy=3&order=ASC')).toEqual([...all].sort((a, b) => a - b));
    expect(await amounts('?orderBy=3')).toEqual([...all].sort((a, b) => b - a));
    expect(ids(await search('?orderBy=2&order=ASC'))).toEqual(reconciled().map((m) => m.id));
    expect(ids(await search('?orderBy=2&order=DESC'))).toEqual(reconciled().map((m) => m.id).reverse());
    const byDateAsc = (a: Made, b: Made) => (a.date === b.date ? byDateDesc(a, b) : -byDateDesc(a, b));
    expect(ids(await search('?order=ASC'))).toEqual([...reconciled()].sort(byDateAsc).map((m) => m.id));
  });

  it('pages: every payment once, then empty pages past the end, with the total and page count', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const res = await search(`?resultsPerPage=2&page=${page}`);
      expect(res.body.records).toEqual({ totalRecords: 7, items: page === 4 ? 1 : 2, page, pages: 4 });
      seen.push(...ids(res));
    }
    expect(seen).toEqual([...reconciled()].sort(byDateDesc).map((m) => m.id));
    expect((await search('?resultsPerPage=2&page=5')).body).toEqual({ records: { totalRecords: 7, items: 0, page: 5, pages: 4 }, items: [] });
    expect((await search('?resultsPerPage=100')).body.records.pages).toBe(1);
  });

  it('shows pending payments by status 0; nothing Caja records is discarded; a deleted one never shows', async () => {
    expect(ids(await search('?status=0'))).toEqual([pending.id]);
    expect((await search('?status=0')).body.items[0]).toMatchObject({ status: 0, documents: [], reconciledAt: null });
    expect(ids(await search('?status=2'))).toEqual([]);
    expect((await search('?since=2024-01-20&until=2024-01-20')).body.items).toEqual([]);
  });

  it.each([
    ['dateBy=4'],
    ['resultsPerPage=0'],
    ['resultsPerPage=101'],
    ['page=0'],
    ['since=2024-13-01'],
    ['order=UP'],
    ['status=3'],
    ['currency=EUR'],
    ['clientId=abc'],
    ['unknown=1'],
  ])('answers 400 for %s', async (query) => {
    const res = await search(`?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 400, msg: expect.any(String), requestId: expect.any(String) });
  });

  it("shows another tenant nothing of this tenant's payments", async () => {
    const stranger = await token({ role: 'ADMIN', tenant: newTenant() });
    const res = await invoke(getPayments, { path: `/v1/getPayments?clientId=${cl.id}`, token: stranger });
    expect(res.body).toEqual({ records: { totalRecords: 0, items: 0, page: 1, pages: 0 }, items: [] });
    expect((await invoke(getPayments, { path: '/v1/getPayments', token: stranger })).body.items).toEqual([]);
  });
});
