/**
 * Exact money at any size (issue 12 item 1): every amount field takes at most 10^13 minor units
 * (400 naming the field above it, nothing written); running totals are bounded where they are
 * written (422 AMOUNT_LIMIT by the same transaction, nothing written); stored values read back.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as createCharge from '../../functions/ledger/create-charge.js';
import * as getCharge from '../../functions/ledger/get-charge.js';
import * as listCharges from '../../functions/ledger/list-charges.js';
import * as createPago from '../../functions/workorders/create-payment.js';
import * as listPagos from '../../functions/workorders/list-payments.js';
import * as createReceivablesPayment from '../../functions/receivables/create-payment.js';
import * as getReceivablesPayments from '../../functions/receivables/get-payments.js';
import * as createGatewayPayment from '../../functions/gateway/create-payment.js';
import { MAX_AMOUNT_MINOR, MAX_TOTAL_MINOR } from '../../shared/domain/money.js';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { charges } from '../../shared/store/charges.js';
import { db, tableName } from '../../shared/store/client.js';
import { addPaymentToStatement, statementDay } from '../../shared/store/statements.js';
import { transact } from '../../shared/store/tx.js';
import { invoke, newTenant, token } from '../support/index.js';
import { pagoRequest } from '../support/gateway-fixtures.js';
import { newDocument, receivablesTenant } from '../support/receivables-fixtures.js';
import { createTenant, createWorkOrder, pagoBody, workOrderTenant, type WorkOrderRefs } from '../support/ledger-fixtures.js';
import { history, network, type Network, pay, paymentBody, statement } from './accounts-fixtures.js';

/** 10^13 minor units in major units of a two-decimal currency, and one minor unit more. */
const MAX_MAJOR = '100000000000.00';
const PAST_MAJOR = '100000000000.01';

let tenant: string;
let refs: WorkOrderRefs;
let admin: string;
let n: Network;

beforeAll(async () => {
  tenant = newTenant();
  refs = await workOrderTenant(tenant);
  admin = await token({ role: 'ADMIN', tenant });
  n = await network();
});

const pagoCount = async () => (await invoke(listPagos, { path: '/api/pagos', token: admin })).body.data.totalElements as number;

describe('amount fields: at most 10^13 minor units, a 400 naming the field above it', () => {
  it('workorders monto', async () => {
    const big = await createWorkOrder(tenant, refs.client.id, MAX_AMOUNT_MINOR);
    const at = await invoke(createPago, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs, { pendienteId: Number(big.id), monto: Number(MAX_MAJOR) }) });
    expect(at.status, at.text).toBe(201);
    const count = await pagoCount();
    const past = await invoke(createPago, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs, { pendienteId: Number(big.id), monto: Number(PAST_MAJOR) }) });
    expect(past.status, past.text).toBe(400);
    expect(past.text).toContain('monto');
    expect(await pagoCount()).toBe(count);
  });

  it('accounts amount', async () => {
    expect((await pay(n.tokens.admin, paymentBody({ ventanaId: n.V1 }, { amount: Number(MAX_MAJOR), date: '2024-01-02' }))).status).toBe(201);
    const past = await pay(n.tokens.admin, paymentBody({ ventanaId: n.V1 }, { amount: Number(PAST_MAJOR), date: '2024-01-03' }));
    expect(past.status).toBe(400);
    expect(past.body.meta.details).toEqual([{ field: 'amount', message: `Must be at most ${MAX_MAJOR}` }]);
    expect((await history(n.tokens.admin, { ventanaId: n.V1, from: '2024-01-03', to: '2024-01-03' })).body.data).toEqual([]);
  });

  it('ledger charge amount and lateFee (integer minor units)', async () => {
    const body = (amount: number, lateFee?: number) => ({ kind: 'work_order', partyId: refs.client.id, amount, currency: 'PEN', ...(lateFee !== undefined ? { lateFee } : {}) });
    expect((await invoke(createCharge, { method: 'POST', path: '/ledger/charges', token: admin, body: body(MAX_AMOUNT_MINOR) })).status).toBe(201);
    for (const [b, field] of [[body(MAX_AMOUNT_MINOR + 1), 'amount'], [body(1, MAX_AMOUNT_MINOR + 1), 'lateFee']] as const) {
      const res = await invoke(createCharge, { method: 'POST', path: '/ledger/charges', token: admin, body: b });
      expect(res.status, res.text).toBe(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
  });

  it('gateway detail amounts and their total', async () => {
    const gatewayTenant = newTenant();
    await createTenant(gatewayTenant, { currency: 'PEN', timeZone: 'America/Lima' });
    const gatewayAdmin = await token({ role: 'ADMIN', tenant: gatewayTenant });
    const post = (details: unknown[]) => invoke(createGatewayPayment, { method: 'POST', path: '/pagos', token: gatewayAdmin, body: pagoRequest({ details, payment_methods: undefined }) });
    expect((await post([{ amount: MAX_MAJOR }])).status).toBe(201);
    expect((await post([{ amount: PAST_MAJOR }])).status).toBe(400);
    const total = await post([{ amount: MAX_MAJOR }, { amount: '0.01' }]);
    expect(total.status).toBe(400);
    expect(JSON.stringify(total.body)).toContain('details');
  });

  it('property: any amount past the bound is a 400 and writes nothing (accounts and workorders)', async () => {
    const past = fc.oneof(
      fc.integer({ min: MAX_AMOUNT_MINOR + 1, max: Number.MAX_SAFE_INTEGER }).map((minor) => minor / 100),
      fc.constantFrom(9007199254740991, 1e16, 1e21, 60_000_000_000_000, Number(PAST_MAJOR)),
    );
    await fc.assert(
      fc.asyncProperty(past, async (amount) => {
        const count = await pagoCount();
        const wo = await invoke(createPago, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs, { monto: amount }) });
        expect(wo.status, `${amount}: ${wo.text}`).toBe(400);
        expect(await pagoCount()).toBe(count);
        const acct = await pay(n.tokens.admin, paymentBody({ ventanaId: n.V2 }, { amount, date: '2024-01-04' }));
        expect(acct.status, `${amount}: ${acct.text}`).toBe(400);
      }),
      { numRuns: 15 },
    );
    expect((await history(n.tokens.admin, { ventanaId: n.V2, from: '2024-01-04', to: '2024-01-04' })).body.data).toEqual([]);
  });
});

describe('receivables amount fields (property)', () => {
  it('total or documents[].amount past the bound: a 400 naming the field, nothing written', async () => {
    const recv = newTenant();
    const { cl } = await receivablesTenant(recv);
    const recvAdmin = await token({ role: 'ADMIN', tenant: recv });
    const doc = await newDocument(recv, cl.id, MAX_AMOUNT_MINOR);
    // CLP has no decimals: minor units are major units.
    const past = fc.integer({ min: MAX_AMOUNT_MINOR + 1, max: Number.MAX_SAFE_INTEGER }).chain((n) => fc.constantFrom<number | string>(n, String(n), `${n}.00`));
    await fc.assert(
      fc.asyncProperty(past, fc.constantFrom('total', 'documents[0].amount'), async (amount, field) => {
        const max = String(MAX_AMOUNT_MINOR);
        const body = { clientId: cl.id, date: '2024-03-01', currency: 'CLP', total: field === 'total' ? amount : max, documents: [{ documentId: doc.id, amount: field === 'total' ? max : amount }] };
        const res = await invoke(createReceivablesPayment, { method: 'POST', path: '/v1/createPayment', token: recvAdmin, body });
        expect(res.status, `${amount}: ${res.text}`).toBe(400);
        expect(res.body.msg).toBe(`${field}: Must be at most ${max}`);
      }),
      { numRuns: 15 },
    );
    expect((await charges.get(recv, doc.id, true))?.paidAmount).toBe(0);
    const listed = await invoke(getReceivablesPayments, { path: '/v1/getPayments?status=1', token: recvAdmin });
    expect(listed.body.records.totalRecords, listed.text).toBe(0);
  });
});

describe('running totals: bounded where written (422 AMOUNT_LIMIT, nothing written)', () => {
  it("a charge's paid amount", async () => {
    const charge = await createWorkOrder(tenant, refs.client.id, MAX_AMOUNT_MINOR);
    // A paid amount just under the bound, as many payments would leave it.
    await charges.replace({ tenant, sub: 'fixture' }, charge, { ...charge, paidAmount: MAX_TOTAL_MINOR - 5, version: charge.version + 1 });
    const count = await pagoCount();
    const res = await invoke(createPago, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs, { pendienteId: Number(charge.id), monto: '0.10' }) });
    expect(res.status, res.text).toBe(422);
    expect(await pagoCount()).toBe(count);
    expect((await charges.get(tenant, charge.id, true))?.paidAmount).toBe(MAX_TOTAL_MINOR - 5);
    const fits = await invoke(createPago, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs, { pendienteId: Number(charge.id), monto: '0.05' }) });
    expect(fits.status, fits.text).toBe(201);
    expect((await charges.get(tenant, charge.id, true))?.paidAmount).toBe(MAX_TOTAL_MINOR);
  });

  it("a day's total paid (accounts)", async () => {
    const date = '2024-01-05';
    const target = { tenant: n.tenant, entityId: n.V1, entityKind: 'ventana' as const, date };
    await transact([['statement', addPaymentToStatement(target, { field: 'totalPaid', amount: MAX_TOTAL_MINOR - 50, settle: false }, new Date().toISOString())]]);
    const res = await pay(n.tokens.admin, paymentBody({ ventanaId: n.V1 }, { amount: 1, date }));
    expect(res.status, res.text).toBe(422);
    expect(res.body.meta.code).toBe('AMOUNT_LIMIT');
    expect((await statementDay(n.tenant, n.V1, date, true))?.totalPaid).toBe(MAX_TOTAL_MINOR - 50);
    const h = await history(n.tokens.admin, { ventanaId: n.V1, from: date, to: date });
    expect(h.body.data, h.text).toEqual([]);
    expect((await statement(n.tokens.admin, { ventanaId: n.V1, date })).status).toBe(200);
  });
});

describe('stored values read back', () => {
  it('a charge with a paid amount past every bound (written before the bounds) still reads and lists', async () => {
    const charge = await createWorkOrder(tenant, refs.client.id, MAX_AMOUNT_MINOR);
    // Two ADDs of 6e15 (two payments of 60,000,000,000,000.00), as the store did before the bounds: DynamoDB holds 1.2e16 exactly.
    for (let i = 0; i < 2; i++) {
      await db().send(new UpdateCommand({ TableName: tableName(), Key: charges.key(tenant, charge.id), UpdateExpression: 'ADD paidAmount :d', ExpressionAttributeValues: { ':d': 6_000_000_000_000_000 } }));
    }
    const read = await invoke(getCharge, { path: `/ledger/charges/${charge.id}`, token: admin });
    expect(read.status, read.text).toBe(200);
    expect(read.body.status).toBe('paid');
    const listed = await invoke(listCharges, { path: `/ledger/charges?partyId=${refs.client.id}&limit=100`, token: admin });
    expect(listed.status, listed.text).toBe(200);
  });
});
