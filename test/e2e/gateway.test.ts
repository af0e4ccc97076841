/** The gateway API (seed 002) over HTTP through the local gateway, with real tokens. */
import { beforeAll, describe, expect, it } from 'vitest';
import { algNoneToken, api, forgeToken, newTenant, signedToken, tamper, token } from '../support/index.js';
import { pagoRequest, searchPath, type Filter } from '../support/gateway-fixtures.js';
import { filterDate } from '../support/gateway-model.js';
import { createTenant } from '../support/ledger-fixtures.js';

describe('gateway over HTTP', () => {
  const tenant = newTenant();
  let admin: string;
  beforeAll(async () => {
    await createTenant(tenant, { currency: 'PEN', timeZone: 'America/Argentina/Buenos_Aires' });
    admin = await token({ role: 'ADMIN', tenant });
  });

  it('creates, transitions and finds a payment by each realm combination', async () => {
    const started = Date.now() - 1000;
    const created = await api('POST', '/pagos', { token: admin, body: pagoRequest({ collector_id: 'e2e-col', owner: { type: 'shop', id: 'e2e' }, payer: { email: 'e2e@example.com' } }) });
    expect(created.status).toBe(201);
    expect(created.headers['x-request-id']).toBeTruthy();
    const id = created.body.id as number;
    expect((await api('GET', `/pagos/${id}`, { token: admin })).body).toEqual(created.body);
    const approved = await api('PATCH', `/pagos/${id}`, { token: admin, body: { status: 'approved', status_detail: 'accredited' } });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', status_detail: 'accredited' });
    expect(approved.body.paid_date).toMatch(/-0300$/);

    const since = filterDate(started);
    const combinations: Filter[][] = [
      [['collector_id', 'EQUAL', 'e2e-col'], ['request_date', 'GREATER_THAN_OR_EQUAL_TO', since]],
      [['collector_id', 'EQUAL', 'e2e-col'], ['paid_date', 'GREATER_THAN_OR_EQUAL_TO', since]],
      [['collector_id', 'EQUAL', 'e2e-col'], ['accreditation_date', 'GREATER_THAN_OR_EQUAL_TO', since]],
      [['collector_id', 'EQUAL', 'e2e-col'], ['payment_id', 'EQUAL', String(id)]],
      [['owner.type', 'EQUAL', 'shop'], ['owner.id', 'EQUAL', 'e2e']],
      [['payer.email', 'EQUAL', 'e2e@example.com'], ['request_date', 'GREATER_THAN', since]],
      [['type', 'EQUAL', 'online'], ['payment_methods.gateway.name', 'EQUAL', 'niubiz']],
    ];
    for (const filters of combinations) {
      const found = await api('GET', searchPath([...filters, ['status', 'EQUAL', 'approved']]), { token: admin });
      expect(found.status, JSON.stringify(filters)).toBe(200);
      expect(found.body).toEqual({ data: [approved.body], page: 1, limit: 10, total: 1 });
    }
    const refunded = await api('PATCH', `/pagos/${id}`, { token: admin, body: { status: 'refunded' } });
    const byRefund = await api('GET', searchPath([['collector_id', 'EQUAL', 'e2e-col'], ['refunded_date', 'GREATER_THAN_OR_EQUAL_TO', since]]), { token: admin });
    expect(byRefund.body.data).toEqual([refunded.body]);
    const byRejection = await api('GET', searchPath([['collector_id', 'EQUAL', 'e2e-col'], ['rejected_date', 'GREATER_THAN_OR_EQUAL_TO', since]]), { token: admin });
    expect(byRejection.body).toMatchObject({ data: [], total: 0 });
  });

  it('answers the seed example query', async () => {
    const response = await api(
      'GET',
      '/pagos?filters[0][field]=status&filters[0][operation]=EQUAL&filters[0][value]=pending&filters[1][field]=request_date&filters[1][operation]=LESS_THAN&filters[1][value]=20250101T030000000-0300&sorts[request_date]=ascending&sorts[amount]=descending',
      { token: admin },
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: 400, message: 'Query not have the minimum fields required for realm', extended_code: 4501 });
  });

  it('answers 401 No autorizado 4001 for a missing, forged, tampered, alg-none or expired token, on every route', async () => {
    const expired = await signedToken({ role: 'ADMIN', tenant }, { set: { exp: Math.floor(Date.now() / 1000) - 60 } });
    const bad = [undefined, forgeToken({ role: 'ADMIN', tenant }), tamper(admin, { tenant_id: newTenant() }), algNoneToken({ role: 'ADMIN', tenant }), expired, 'garbage'];
    const routes: [string, string, unknown?][] = [
      ['GET', searchPath([['collector_id', 'EQUAL', 'x'], ['payment_id', 'EQUAL', '1']])],
      ['GET', '/pagos/123'],
      ['POST', '/pagos', pagoRequest()],
      ['PATCH', '/pagos/123', { status: 'approved' }],
    ];
    for (const t of bad) {
      for (const [method, path, body] of routes) {
        const response = await api(method, path, { ...(t !== undefined ? { token: t } : {}), ...(body ? { body } : {}) });
        expect(response.status, `${method} ${path}`).toBe(401);
        expect(response.body).toEqual({ code: 401, message: 'No autorizado', extended_code: 4001 });
      }
    }
  });

  it('answers malformed JSON, wrong content type and oversized bodies in the gateway envelope', async () => {
    const malformed = await api('POST', '/pagos', { token: admin, rawBody: '{"collector_id":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 400, extended_code: 4000 });
    const text = await api('POST', '/pagos', { token: admin, rawBody: 'x', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ code: 415, extended_code: 4150 });
    const huge = await api('POST', '/pagos', { token: admin, body: pagoRequest({ metadata: { a: 'x'.repeat(200_000) } }) });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: 413, extended_code: 4130 });
  });

  it('lists the gateway routes in the API document, the search with its access patterns', async () => {
    const docs = await api('GET', '/openapi.json');
    expect(Object.keys(docs.body.paths['/pagos'])).toEqual(['post', 'get']);
    expect(Object.keys(docs.body.paths['/pagos/{id}'])).toEqual(['get', 'patch']);
    expect(docs.body.paths['/pagos'].get['x-access-patterns'].patterns).toContainEqual({
      index: 'gw_collector_paid',
      equalOrIn: ['collector_id'],
      range: 'paid_date',
      rangeRequired: true,
    });
  });
});
