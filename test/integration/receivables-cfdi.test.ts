/** createPaymentFromXmlMX against DynamoDB Local: the seed's own sample, Pagos 2.0 receipts, idempotency by UUID, hostile input. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as fromXml from '../../functions/receivables/create-payment-from-xml-mx.js';
import { RECEIVABLES_DEMO_DOCUMENTS } from '../../lib/local/demo-receivables.js';
import { charges } from '../../shared/store/charges.js';
import { invoke, newTenant, token } from '../support/index.js';
import { newDocument, receivablesTenant } from '../support/receivables-fixtures.js';
import { fiscalUuid, receiptBase64, seedSampleBase64, toBase64 } from '../unit/fixtures/cfdi-receipts.js';

const tenant = newTenant();
let admin: string;
let mx: { id: string };

const post = (xml: unknown) => invoke(fromXml, { method: 'POST', path: '/v1/createPaymentFromXmlMX', token: admin, body: { xml } });
const paid = async (id: string) => (await charges.get(tenant, id, true))!.paidAmount;
const mxDocument = (amount: number) => newDocument(tenant, mx.id, amount, { currency: 'MXN', externalId: fiscalUuid().toLowerCase(), code: undefined });

beforeAll(async () => {
  ({ mx } = await receivablesTenant(tenant));
  // The Receptor of the hand-made receipts (test/unit/fixtures/cfdi-receipts.ts) is the demo's Mexican client.
  admin = await token({ role: 'ADMIN', tenant, sub: 'recv-cfdi' });
});

describe('POST /v1/createPaymentFromXmlMX', () => {
  it("records the seed's own CFDI 3.3 sample against its seven documents, and the same receipt again answers the same payment", async () => {
    const res = await post(seedSampleBase64());
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ date: '2019-05-29', currency: 'MXN', amount: '7116.12', paymentMethod: 'Transferencia electrónica de fondos', status: 1 });
    expect(res.body.client).toEqual({ id: '2201', name: 'AB CALSA, S.A. DE C.V.', taxId: 'ACA0401281AA' });
    expect(res.body.documents).toHaveLength(7);
    expect(res.body.payments).toHaveLength(1);
    const mxDocs = RECEIVABLES_DEMO_DOCUMENTS.filter((d) => d.currency === 'MXN');
    for (const d of mxDocs) expect(await paid(d.id)).toBe(d.amount);

    const again = await Promise.all([post(seedSampleBase64()), post(seedSampleBase64())]);
    expect(again.map((r) => [r.status, r.body.id])).toEqual([[200, res.body.id], [200, res.body.id]]);
    for (const d of mxDocs) expect(await paid(d.id)).toBe(d.amount);
  });

  it('records one payment per Pago node of a CFDI 4.0 / Pagos 2.0 receipt, in one transaction, exactly once under concurrency', async () => {
    const a = await mxDocument(100000);
    const b = await mxDocument(50000);
    const xml = receiptBase64({ payments: [
      { amount: '600.00', date: '2024-05-20T10:00:00', documents: [{ id: a.externalId!, previous: '1000.00', paid: '400.00', remaining: '600.00' }, { id: b.externalId!, paid: '200.00', previous: '500.00', remaining: '300.00' }] },
      { amount: '300.00', form: '01', documents: [{ id: a.externalId!, previous: '600.00', paid: '300.00', remaining: '300.00' }] },
    ] });
    const results = await Promise.all(Array.from({ length: 5 }, () => post(xml)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const [first] = results;
    expect(first!.body.payments.map((p: { amount: string; paymentMethod: string }) => [p.amount, p.paymentMethod])).toEqual([['600.00', 'Transferencia electrónica de fondos'], ['300.00', 'Efectivo']]);
    expect(await paid(a.id)).toBe(70000);
    expect(await paid(b.id)).toBe(20000);
  });

  it('answers 422 for other content under a UUID already used, and writes nothing', async () => {
    const doc = await mxDocument(10000);
    const uuid = fiscalUuid();
    expect((await post(receiptBase64({ uuid, payments: [{ amount: '10.00', documents: [{ id: doc.externalId!, paid: '10.00' }] }] }))).status).toBe(200);
    const other = await post(receiptBase64({ uuid, payments: [{ amount: '20.00', documents: [{ id: doc.externalId!, paid: '20.00' }] }] }));
    expect(other.status).toBe(422);
    expect(other.body).toEqual({ code: 422, msg: expect.any(String), requestId: expect.any(String) });
    expect(await paid(doc.id)).toBe(1000);
  });

  it('refuses a receipt paying more than a document owes (409), an unknown document or client (404), all or nothing', async () => {
    const doc = await mxDocument(10000);
    const other = await mxDocument(10000);
    const over = await post(receiptBase64({ payments: [{ amount: '150.01', documents: [{ id: other.externalId!, paid: '50.00' }, { id: doc.externalId!, paid: '100.01', previous: '100.01', remaining: '0.00' }] }] }));
    expect(over.status).toBe(409);
    expect(over.body.msg).toMatch(doc.externalId!.toUpperCase());
    const unknown = await post(receiptBase64({ payments: [{ amount: '1.00', documents: [{ paid: '1.00' }] }] }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.msg).toMatch(/Document .* not found/);
    expect(await paid(other.id)).toBe(0);
    const stranger = await token({ role: 'ADMIN', tenant: newTenant() });
    const noClient = await invoke(fromXml, { method: 'POST', path: '/v1/createPaymentFromXmlMX', token: stranger, body: { xml: seedSampleBase64() } });
    expect(noClient.status).toBe(404);
    expect(noClient.body.msg).toMatch(/Client with RFC ACA0401281AA not found/);
  });

  it.each([
    ['not base64', '%%%not base64%%%', /base64/],
    ['not XML', toBase64('hello, not xml'), /XML|xml/],
    ['an invoice, not a payment receipt', receiptBase64({ type: 'I', payments: [{ amount: '1.00', documents: [{ paid: '1.00' }] }] }), /TipoDeComprobante/],
    ['unstamped', receiptBase64({ uuid: null, payments: [{ amount: '1.00', documents: [{ paid: '1.00' }] }] }), /TimbreFiscalDigital|stamp/i],
    ['an external entity', toBase64('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'), /DOCTYPE|DTD|entit/i],
    ['a billion laughs', toBase64(`<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 8 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${'&a;'.repeat(10)}">`).join('')}]><l>&bbbbbbbb;</l>`), /DOCTYPE|DTD|entit/i],
  ])('answers 400 for %s', async (_, xml, msg) => {
    const res = await post(xml);
    expect(res.status, res.text).toBe(400);
    expect(res.body.msg).toMatch(msg);
  });

  it('takes a receipt of about 1.4 MB of base64 (refused on content, not size), and 413 past the limit', async () => {
    const padding = `<!--${'x'.repeat(1_000_000)}-->`;
    const big = toBase64(`<?xml version="1.0"?>${padding}<nothing/>`);
    expect(big.length).toBeGreaterThan(1_330_000);
    const res = await post(big);
    expect(res.status).toBe(400);
    const tooBig = await post('A'.repeat(2_000_000));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe(413);
  });
});
