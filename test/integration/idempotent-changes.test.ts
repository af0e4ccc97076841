/**
 * Every write is safe to retry (issue 12 item 3): each mutating route takes an `Idempotency-Key`
 * header; a retry after an unknown outcome answers the first result with one effect (one audit
 * entry, one version bump), a retried reversal that had succeeded answers its success, and the
 * same key with another request is refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as updatePago from '../../functions/workorders/update-payment.js';
import * as deletePago from '../../functions/workorders/delete-payment.js';
import * as createPago from '../../functions/workorders/create-payment.js';
import * as updateParty from '../../functions/ledger/update-party.js';
import * as deleteParty from '../../functions/ledger/delete-party.js';
import * as updateCharge from '../../functions/ledger/update-charge.js';
import * as deleteCharge from '../../functions/ledger/delete-charge.js';
import * as createGatewayPayment from '../../functions/gateway/create-payment.js';
import * as updateGatewayPayment from '../../functions/gateway/update-payment.js';
import * as reversePayment from '../../functions/accounts/reverse-payment.js';
import * as setActivity from '../../functions/accounts/set-activity.js';
import { listAudit } from '../../shared/store/audit.js';
import { getPayment } from '../../shared/store/payments.js';
import { invoke, type InvokeOptions, type InvokeResult, newTenant, token } from '../support/index.js';
import { pagoRequest } from '../support/gateway-fixtures.js';
import { createParty, createTenant, createWorkOrder, pagoBody, workOrderTenant, type WorkOrderRefs } from '../support/ledger-fixtures.js';
import { created, network, type Network, pay, paymentBody, uniqueKey } from './accounts-fixtures.js';

type Handler = Parameters<typeof invoke>[0];

/** The same request twice with one key: both answers equal (the first result), and the effect happens once. */
async function twice(handler: Handler, options: InvokeOptions): Promise<[InvokeResult, InvokeResult]> {
  const headers = { ...options.headers, 'idempotency-key': uniqueKey('change') };
  const first = await invoke(handler, { ...options, headers });
  const second = await invoke(handler, { ...options, headers });
  expect(first.status, first.text).toBeLessThan(300);
  expect(second.status, second.text).toBe(first.status);
  return [first, second];
}

const actions = async (tenant: string, id: string) => (await listAudit(tenant, id, 50)).items.map((e) => e.action).sort();

describe('Idempotency-Key on every mutating route', () => {
  let tenant: string;
  let refs: WorkOrderRefs;
  let admin: string;
  beforeAll(async () => {
    tenant = newTenant();
    refs = await workOrderTenant(tenant);
    admin = await token({ role: 'ADMIN', tenant });
  });

  const newPago = async (monto = 10) => {
    const res = await invoke(createPago, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs, { monto }) });
    expect(res.status, res.text).toBe(201);
    return String(res.body.data.id);
  };

  it('workorders PUT: a retry answers the first result, one update', async () => {
    const id = await newPago();
    const [first, second] = await twice(updatePago, { method: 'PUT', path: `/api/pagos/${id}`, token: admin, body: pagoBody(refs, { monto: 25 }) });
    expect(second.body.data).toEqual(first.body.data);
    expect(await getPayment(tenant, id, true)).toMatchObject({ amount: 2500, version: 2 });
    expect(await actions(tenant, id)).toEqual(['PAYMENT_CREATE', 'PAYMENT_UPDATE'].sort());
  });

  it('workorders PUT: the same key with another body is refused, nothing written', async () => {
    const id = await newPago();
    const headers = { 'idempotency-key': uniqueKey('reuse') };
    const first = await invoke(updatePago, { method: 'PUT', path: `/api/pagos/${id}`, token: admin, body: pagoBody(refs, { monto: 30 }), headers });
    expect(first.status, first.text).toBe(200);
    const other = await invoke(updatePago, { method: 'PUT', path: `/api/pagos/${id}`, token: admin, body: pagoBody(refs, { monto: 31 }), headers });
    expect(other.status, other.text).toBe(422);
    expect(await getPayment(tenant, id, true)).toMatchObject({ amount: 3000, version: 2 });
  });

  it('workorders DELETE: a retry answers the first result, one delete', async () => {
    const id = await newPago();
    const [first, second] = await twice(deletePago, { method: 'DELETE', path: `/api/pagos/${id}`, token: admin });
    expect(second.body.data).toEqual(first.body.data);
    expect(await actions(tenant, id)).toEqual(['PAYMENT_CREATE', 'PAYMENT_DELETE'].sort());
  });

  it('ledger PATCH and DELETE of a party and of a charge: retries answer the first result', async () => {
    const party = await createParty(tenant, 'client');
    const [p1, p2] = await twice(updateParty, { method: 'PATCH', path: `/ledger/parties/${party.id}`, token: admin, body: { name: 'Renamed' } });
    expect(p2.body).toEqual(p1.body);
    const [d1, d2] = await twice(deleteParty, { method: 'DELETE', path: `/ledger/parties/${party.id}`, token: admin });
    expect(d2.body).toEqual(d1.body);
    expect(await actions(tenant, party.id)).toEqual(expect.arrayContaining(['PARTY_UPDATE', 'PARTY_DEACTIVATE']));
    expect((await actions(tenant, party.id)).filter((a) => a !== 'PARTY_CREATE')).toHaveLength(2);

    const charge = await createWorkOrder(tenant, refs.client.id);
    const [c1, c2] = await twice(updateCharge, { method: 'PATCH', path: `/ledger/charges/${charge.id}`, token: admin, body: { description: 'x' } });
    expect(c2.body).toEqual(c1.body);
    const [v1, v2] = await twice(deleteCharge, { method: 'DELETE', path: `/ledger/charges/${charge.id}`, token: admin });
    expect(v2.body).toEqual(v1.body);
    expect((await actions(tenant, charge.id)).filter((a) => a !== 'CHARGE_CREATE')).toHaveLength(2);
  });

  it('gateway PATCH: a retried transition answers its success, not a conflict', async () => {
    const gatewayTenant = newTenant();
    await createTenant(gatewayTenant, { currency: 'PEN', timeZone: 'America/Lima' });
    const gatewayAdmin = await token({ role: 'ADMIN', tenant: gatewayTenant });
    const made = await invoke(createGatewayPayment, { method: 'POST', path: '/pagos', token: gatewayAdmin, body: pagoRequest() });
    expect(made.status, made.text).toBe(201);
    const [first, second] = await twice(updateGatewayPayment, { method: 'PATCH', path: `/pagos/${made.body.id}`, token: gatewayAdmin, body: { status: 'in_process' } });
    expect(second.body).toEqual(first.body);
    const plain = await invoke(updateGatewayPayment, { method: 'PATCH', path: `/pagos/${made.body.id}`, token: gatewayAdmin, body: { status: 'in_process' } });
    expect(plain.status, 'without the key, the same transition again is a conflict').toBe(409);
  });
});

describe('accounts reversal and activity', () => {
  let n: Network;
  beforeAll(async () => {
    n = await network();
  });

  it('a retried reversal that had succeeded answers its success, not PAYMENT_ALREADY_REVERSED; one reversal', async () => {
    const { payment } = await created(pay(n.tokens.admin, paymentBody({ ventanaId: n.V1 }, { amount: 700 })));
    const [first, second] = await twice(reversePayment, { method: 'POST', path: '/api/v1/accounts/reverse-payment', token: n.tokens.admin, body: { paymentId: payment.id, reason: 'wrong amount' } });
    expect(second.body.data.payment).toEqual(first.body.data.payment);
    expect(second.body.data.statement).toEqual(first.body.data.statement);
    expect(await actions(n.tenant, payment.id)).toEqual(['ACCOUNT_PAYMENT_CREATE', 'ACCOUNT_PAYMENT_REVERSE'].sort());
    const plain = await invoke(reversePayment, { method: 'POST', path: '/api/v1/accounts/reverse-payment', token: n.tokens.admin, body: { paymentId: payment.id, reason: 'wrong amount' } });
    expect(plain.body.meta.code).toBe('PAYMENT_ALREADY_REVERSED');
  });

  it('concurrent reversals with one key: every answer is the success', async () => {
    const { payment } = await created(pay(n.tokens.admin, paymentBody({ ventanaId: n.V1 }, { amount: 300 })));
    const headers = { 'idempotency-key': uniqueKey('race') };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => invoke(reversePayment, { method: 'POST', path: '/api/v1/accounts/reverse-payment', token: n.tokens.admin, body: { paymentId: payment.id, reason: 'duplicate' }, headers })),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(await actions(n.tenant, payment.id)).toEqual(['ACCOUNT_PAYMENT_CREATE', 'ACCOUNT_PAYMENT_REVERSE'].sort());
  });

  it('activity: a retry answers the statement, one audited change', async () => {
    const body = { ventanaId: n.V2, date: '2024-03-10', totalSales: 100, totalPayouts: 10, commission: 5 };
    const [first, second] = await twice(setActivity, { method: 'POST', path: '/api/v1/accounts/activity', token: n.tokens.admin, body });
    expect(second.body.data).toEqual(first.body.data);
    expect((await actions(n.tenant, n.V2)).filter((a) => a === 'ACCOUNT_ACTIVITY_SET')).toHaveLength(1);
  });
});
