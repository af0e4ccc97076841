/**
 * Issue 12 items 5 and 6: prototype keys are unknown fields (400, nothing written) in queries and
 * bodies at any depth; every response, errors, 401s and the local gateway's own answers included,
 * carries `X-Content-Type-Options: nosniff` and `Cache-Control: no-store`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as createPago from '../../functions/workorders/create-payment.js';
import * as listPagos from '../../functions/workorders/list-payments.js';
import * as createParty from '../../functions/ledger/create-party.js';
import * as createGatewayPayment from '../../functions/gateway/create-payment.js';
import * as getReceivablesPayments from '../../functions/receivables/get-payments.js';
import { pagoRequest } from '../support/gateway-fixtures.js';
import { COUNTERS } from '../../shared/store/keys.js';
import { readCounter } from '../../shared/store/payments.js';
import { api, invoke, newTenant, token } from '../support/index.js';
import { createTenant, pagoBody, workOrderTenant, type WorkOrderRefs } from '../support/ledger-fixtures.js';

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

let tenant: string;
let admin: string;
let refs: WorkOrderRefs;

beforeAll(async () => {
  tenant = newTenant();
  refs = await workOrderTenant(tenant);
  admin = await token({ role: 'ADMIN', tenant });
});

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['cache-control'], what).toBe('no-store');
}

describe('prototype keys', () => {
  it.each(PROTOTYPE_KEYS)('%s as a query key is an unknown field (400), through the gateway and the handler', async (key) => {
    const viaGateway = await api('GET', `/api/pagos?${key}=x`, { token: admin });
    expect(viaGateway.status, viaGateway.text).toBe(400);
    const direct = await invoke(listPagos, { path: `/api/pagos?page=0&${key}=1`, token: admin });
    expect(direct.status, direct.text).toBe(400);
    expect(direct.body.message).toContain(key);
  });

  it.each(PROTOTYPE_KEYS)('%s as a body key, at the top or nested, is a 400 and writes nothing', async (key) => {
    const before = await readCounter(tenant, COUNTERS.activeWorkOrderPayments);
    const top = `{"${key}": {"x": 1}, ${JSON.stringify(pagoBody(refs)).slice(1)}`;
    const nested = JSON.stringify({ kind: 'client', name: 'n' }).replace('}', `, "meta": {"${key}": 1}}`);
    const responses = [
      await invoke(createPago, { method: 'POST', path: '/api/pagos', token: admin, rawBody: top, headers: { 'content-type': 'application/json' } }),
      await api('POST', '/api/pagos', { token: admin, rawBody: top, headers: { 'content-type': 'application/json' } }),
      await invoke(createParty, { method: 'POST', path: '/ledger/parties', token: admin, rawBody: nested, headers: { 'content-type': 'application/json' } }),
    ];
    for (const res of responses) expect(res.status, res.text).toBe(400);
    expect(responses[0]!.body.message).toContain(key);
    expect(await readCounter(tenant, COUNTERS.activeWorkOrderPayments)).toBe(before);
  });

  it.each(PROTOTYPE_KEYS)("%s as a key of the gateway's free-form metadata is refused (400 naming it)", async (key) => {
    const gatewayTenant = newTenant();
    await createTenant(gatewayTenant, { currency: 'PEN', timeZone: 'America/Lima' });
    const gatewayAdmin = await token({ role: 'ADMIN', tenant: gatewayTenant });
    const rawBody = JSON.stringify(pagoRequest({ metadata: { channel: 'web' } })).replace('"metadata":{', `"metadata":{"${key}":{"x":1},`);
    const res = await invoke(createGatewayPayment, { method: 'POST', path: '/pagos', token: gatewayAdmin, rawBody, headers: { 'content-type': 'application/json' } });
    expect(res.status, res.text).toBe(400);
    expect(res.text).toContain(key);
  });

  it.each(PROTOTYPE_KEYS)('%s as a receivables query key is a 400 in its envelope', async (key) => {
    const res = await invoke(getReceivablesPayments, { path: `/v1/getPayments?${key}=x`, token: admin });
    expect(res.status, res.text).toBe(400);
    expect(res.body).toEqual({ code: 400, msg: expect.stringContaining(key), requestId: expect.any(String) });
  });

  it('a valid body still passes: prototype names are refused as keys, not as values', async () => {
    const res = await invoke(createParty, { method: 'POST', path: '/ledger/parties', token: admin, body: { kind: 'client', name: 'constructor' } });
    expect(res.status, res.text).toBe(201);
  });
});

describe('security headers on every response', () => {
  it("successes, 400s, 401s, 403s, and the gateway's own 404", async () => {
    const employee = await token({ role: 'EMPLOYEE', tenant, party: refs.employee.id });
    const cases: [string, Promise<{ status: number; headers: Record<string, string> }>, number][] = [
      ['health', api('GET', '/health'), 200],
      ['docs', api('GET', '/docs'), 200],
      ['list', api('GET', '/api/pagos', { token: admin }), 200],
      ['bad query', api('GET', '/api/pagos?nope=1', { token: admin }), 400],
      ['malformed JSON', api('POST', '/api/pagos', { token: admin, rawBody: '{', headers: { 'content-type': 'application/json' } }), 400],
      ['no token', api('GET', '/api/pagos'), 401],
      ['bad token', api('GET', '/ledger/parties?kind=client', { token: 'x.y.z' }), 401],
      ['wrong role', api('GET', '/ledger/audit?entityId=1', { token: employee }), 403],
      ['no route (gateway)', api('GET', '/no/such/route'), 404],
      ['handler direct', invoke(listPagos, { path: '/api/pagos', token: admin }), 200],
    ];
    for (const [what, pending, status] of cases) {
      const res = await pending;
      expect(res.status, what).toBe(status);
      expectSecurityHeaders(res.headers, what);
    }
  });
});
