/**
 * Issue 13 item 12: CORS through the local stack, whose gateway allows the origins a deployment
 * configures (test/setup/global-setup.ts: as `CORS_ORIGINS` under npm start, the HTTP API's CORS
 * configuration on AWS, test/infra/caja-stack.test.ts). A preflight is answered by the gateway
 * itself, with no token (the authorizer never sees it); a cross-origin GET carries the allow headers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CORS_ALLOW_HEADERS, CORS_MAX_AGE_SECONDS } from '../../lib/cors.js';
import { api, newTenant, stack, token } from '../support/index.js';
import { pagoBody, workOrderTenant } from '../support/ledger-fixtures.js';

describe('CORS through the local gateway', () => {
  const tenant = newTenant();
  let admin: string;
  let origin: string;

  beforeAll(async () => {
    origin = stack().corsOrigins[0]!;
    const refs = await workOrderTenant(tenant);
    admin = await token({ role: 'ADMIN', tenant });
    await api('POST', '/api/pagos', { token: admin, body: pagoBody(refs) });
  });

  const preflight = (path: string, from: string, method = 'GET', headers = 'authorization') =>
    fetch(`${stack().baseUrl}${path}`, {
      method: 'OPTIONS',
      headers: { origin: from, 'access-control-request-method': method, 'access-control-request-headers': headers },
    });

  it('answers a preflight from an allowed origin without a token: methods, headers, max age', async () => {
    const response = await preflight('/api/pagos?page=0', origin, 'GET', 'authorization,content-type');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-methods')?.split(',')).toEqual(['DELETE', 'GET', 'PATCH', 'POST', 'PUT']);
    expect(response.headers.get('access-control-allow-headers')?.split(',')).toEqual([...CORS_ALLOW_HEADERS]);
    expect(response.headers.get('access-control-max-age')).toBe(String(CORS_MAX_AGE_SECONDS));
    // Preflight for a PUT with an Idempotency-Key on a path with an id: also the gateway's, no route needed.
    const put = await preflight('/api/pagos/123', origin, 'PUT', 'authorization,content-type,idempotency-key');
    expect(put.status).toBe(204);
    expect(put.headers.get('access-control-allow-headers')).toContain('idempotency-key');
  });

  it('gives a preflight from another origin no allow headers (the browser refuses the call)', async () => {
    const response = await preflight('/api/pagos', 'https://evil.example');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('answers a cross-origin GET with the allow headers and the request id exposed', async () => {
    const response = await api('GET', '/api/pagos?_=1732982400000', { token: admin, headers: { origin } });
    expect(response.status).toBe(200);
    expect(response.body.data.totalElements).toBe(1);
    expect(response.headers['access-control-allow-origin']).toBe(origin);
    expect(response.headers['access-control-expose-headers']).toContain('x-request-id');
    expect(response.headers['vary']).toContain('Origin');
    // Errors carry them too (a browser can read the 401), and another origin gets none.
    const denied = await api('GET', '/api/pagos', { headers: { origin } });
    expect(denied.status).toBe(401);
    expect(denied.headers['access-control-allow-origin']).toBe(origin);
    const other = await api('GET', '/api/pagos', { token: admin, headers: { origin: 'https://evil.example' } });
    expect(other.status).toBe(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a cross-origin POST with the allow headers, and public routes too', async () => {
    const other = newTenant();
    const refs = await workOrderTenant(other);
    const adminB = await token({ role: 'ADMIN', tenant: other });
    const created = await api('POST', '/api/pagos', { token: adminB, body: pagoBody(refs), headers: { origin } });
    expect(created.status).toBe(201);
    expect(created.headers['access-control-allow-origin']).toBe(origin);
    const health = await api('GET', '/health', { headers: { origin } });
    expect(health.headers['access-control-allow-origin']).toBe(origin);
  });
});
