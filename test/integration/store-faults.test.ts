/**
 * SPEC §4 Faults, through real handlers and the real SDK: this file's store client talks to
 * DynamoDB Local through a fault-injecting proxy. Throttling, store 5xx, refused and dropped
 * connections answer 503 with Retry-After in each API's envelope; a read-back that fails after a
 * committed write does not turn the write into an error. (Pauses and slow stores: `npm run chaos`.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as createPago from '../../functions/workorders/create-payment.js';
import * as listPagos from '../../functions/workorders/list-payments.js';
import * as listParties from '../../functions/ledger/list-parties.js';
import { queryPayments } from '../../shared/store/payments.js';
import { indexKeys } from '../../shared/store/keys.js';
import { startFaultProxy, type FaultMode, type FaultProxy } from '../support/fault-proxy.js';
import { invoke, newTenant, stack, token } from '../support/index.js';
import { pagoBody, workOrderTenant, type WorkOrderRefs } from '../support/ledger-fixtures.js';
import { activity, created, type Network, network, pay, paymentBody, reverse } from './accounts-fixtures.js';

let proxy: FaultProxy;
let refs: WorkOrderRefs;
let tenant: string;
let admin: string;
let n: Network;

beforeAll(async () => {
  proxy = await startFaultProxy(stack().dynamodbEndpoint);
  // Read once, when this file's store client is first built (test files run in their own module scope).
  process.env.DYNAMODB_ENDPOINT = proxy.endpoint;
  tenant = newTenant();
  refs = await workOrderTenant(tenant);
  admin = await token({ role: 'ADMIN', tenant });
  n = await network();
});

afterAll(async () => {
  proxy.set({ kind: 'pass' });
  await proxy?.stop();
});

const FAULTS: [string, FaultMode][] = [
  ['throttling', { kind: 'throttle' }],
  ['a store 500', { kind: 'error500' }],
  ['dropped connections', { kind: 'drop' }],
];

describe.each(FAULTS)('with %s', (_, fault) => {
  it('a read answers 503 with Retry-After in the workorders envelope, headers included', async () => {
    proxy.set(fault);
    const res = await invoke(listPagos, { path: '/api/pagos', token: admin });
    proxy.set({ kind: 'pass' });
    expect(res.status, res.text).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({ success: false, code: 503, message: expect.any(String), data: null });
  });

  it('a create answers 503, writes nothing, and its retry with the same key makes exactly one payment', async () => {
    const key = `fault-${Math.random().toString(36).slice(2)}`;
    proxy.set(fault);
    const failed = await invoke(createPago, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs), headers: { 'idempotency-key': key } });
    proxy.set({ kind: 'pass' });
    expect(failed.status, failed.text).toBe(503);
    const retried = await invoke(createPago, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs), headers: { 'idempotency-key': key } });
    expect(retried.status, retried.text).toBe(201);
    const again = await invoke(createPago, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs), headers: { 'idempotency-key': key } });
    expect(again.body.data.id).toBe(retried.body.data.id);
    const payments = await queryPayments(tenant, { partition: indexKeys.workOrderPayments(tenant, refs.workOrder.id), limit: 100 });
    expect(payments.items.filter((p) => p.id === String(retried.body.data.id))).toHaveLength(1);
  });
});

it('answers 503 in the ledger and accounts envelopes too', async () => {
  proxy.set({ kind: 'throttle' });
  const ledger = await invoke(listParties, { path: '/ledger/parties?kind=client', token: admin });
  const accounts = await pay(n.tokens.ventana, paymentBody({ vendedorId: n.S1 }));
  proxy.set({ kind: 'pass' });
  expect(ledger.status, ledger.text).toBe(503);
  expect(ledger.body.error).toMatchObject({ code: 'STORE_UNAVAILABLE', requestId: expect.any(String) });
  expect(accounts.status, accounts.text).toBe(503);
  expect(accounts.body).toMatchObject({ success: false, meta: { code: 'STORE_UNAVAILABLE' } });
  expect(accounts.headers['retry-after']).toBe('1');
});

describe('a read-back that fails after the write committed', () => {
  it('answers the created payment (201) with statement null, and the payment is there', async () => {
    proxy.set({ kind: 'throttle' }, { after: 'TransactWriteItems' });
    const res = await pay(n.tokens.banca, paymentBody({ vendedorId: n.S2 }, { amount: 250 }));
    proxy.set({ kind: 'pass' });
    expect(res.status, res.text).toBe(201);
    expect(res.body.data.statement).toBeNull();
    expect(res.body.data.payment).toMatchObject({ amount: 250 });
  });

  it('answers a committed reversal (200) and a committed activity (200) with what it knows', async () => {
    const { payment } = await created(pay(n.tokens.ventana, paymentBody({ vendedorId: n.S1 }, { amount: 40 })));
    proxy.set({ kind: 'error500' }, { after: 'TransactWriteItems' });
    const reversed = await reverse(n.tokens.banca, { paymentId: payment.id, reason: 'duplicado' });
    proxy.set({ kind: 'throttle' }, { after: 'TransactWriteItems' });
    const set = await activity(n.tokens.admin, { date: '2024-03-15', vendedorId: n.S1, totalSales: 10, totalPayouts: 1, commission: 1 });
    proxy.set({ kind: 'pass' });
    expect(reversed.status, reversed.text).toBe(200);
    expect(reversed.body.data).toMatchObject({ payment: { id: payment.id, isReversed: true }, statement: null });
    expect(set.status, set.text).toBe(200);
    expect(set.body.data).toBeNull();
    // The retry of the reversal finds it done.
    const again = await reverse(n.tokens.banca, { paymentId: payment.id, reason: 'duplicado' });
    expect(again.status).toBe(400);
  });
});
