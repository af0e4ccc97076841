/**
 * The local stack end to end: the gateway's routing and JWT authorizer, the issuer's endpoints, and
 * the token CLI, over real HTTP against the stack the global setup started.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { JwtVerifier } from 'aws-jwt-verify/jwt-verifier';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { describe, expect, it } from 'vitest';
import {
  algNoneToken,
  api,
  claimsOf,
  createUser,
  ensureTenant,
  forgeToken,
  invoke,
  newTenant,
  signedToken,
  stack,
  tamper,
  token,
} from '../support/index.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
// A non-public route; the authorizer answers before its handler module is even loaded.
const PROTECTED = '/ledger/parties';

const ledger401 = {
  error: { code: 'UNAUTHORIZED', message: expect.any(String), requestId: expect.any(String) },
};

describe('routing', () => {
  it('GET /health answers 200 without a token', async () => {
    const response = await api('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
    expect(response.headers['apigw-requestid']).toBeTruthy();
  });

  it('GET /openapi.json answers the OpenAPI document of the route table without a token', async () => {
    const response = await api('GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(Object.keys(response.body.paths)).toContain('/api/pagos/{id}');
  });

  it('GET /docs answers the HTML page without a token, allowed to load nothing from elsewhere', async () => {
    const response = await api('GET', '/docs');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.text).toContain('Redoc.init(');
  });

  it('answers 404 like API Gateway for unknown paths and methods', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['GET', '/health/'],
      ['POST', '/health'],
      ['DELETE', '/ledger/payments/1'],
      ['GET', '/local-issuer/nope'],
    ] as const) {
      const response = await api(method, path);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body).toEqual({ message: 'Not Found' });
    }
  });

  it('answers 413 for bodies over 10 MB', async () => {
    const response = await api('POST', '/api/pagos', {
      rawBody: 'x'.repeat(10 * 1024 * 1024 + 1),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ message: 'Request Entity Too Large' });
  });
});

describe('JWT authorizer', () => {
  const tenant = newTenant();

  it('rejects a missing token with a 401 in the API envelope', async () => {
    const response = await api('GET', PROTECTED);
    expect(response.status).toBe(401);
    expect(response.body).toEqual(ledger401);
    expect(response.body.error.requestId).toBe(response.headers['apigw-requestid']);
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('renders the 401 in the envelope of the route’s API', async () => {
    const response = await api('GET', '/api/pagos');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ success: false, code: 401, message: expect.any(String), data: null });
  });

  it('rejects forged, unsigned, tampered, expired and misaddressed tokens', async () => {
    const request = { role: 'ADMIN' as const, tenant };
    const bad: Record<string, string> = {
      garbage: 'not-a-token',
      'signed by another key (same kid)': forgeToken(request),
      'unknown kid': forgeToken(request, { kid: 'someone-else' }),
      'wrong issuer': forgeToken(request, { issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_evil' }),
      'alg none': algNoneToken(request),
      tampered: tamper(await token({ role: 'EMPLOYEE', tenant })),
      expired: await token({ ...request, ttl: -60 }),
      'another client': await signedToken(request, { set: { client_id: 'another-client' } }),
      'issued by another issuer URL': await signedToken(request, { set: { iss: 'http://localhost:1/local-issuer' } }),
      'no exp': await signedToken(request, { unset: ['exp'] }),
    };
    for (const [name, jwt] of Object.entries(bad)) {
      const response = await api('GET', PROTECTED, { token: jwt });
      expect(response.status, name).toBe(401);
      expect(response.body, name).toEqual(ledger401);
    }
    const basic = await api('GET', PROTECTED, { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } });
    expect(basic.status).toBe(401);
  });

  it('lets a valid access token through to the handler, which sees the rendered claims', async () => {
    const response = await api('GET', '/api/pagos', { token: await token({ role: 'EMPLOYEE', tenant, party: '1001' }) });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ success: true, code: 200, data: { content: [], totalElements: 0 } });
  });

  it('lets an ID token past the authorizer, and the function rejects it (token_use)', async () => {
    const response = await api('GET', '/api/pagos', { token: await token({ role: 'ADMIN', tenant, tokenUse: 'id' }) });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ success: false, code: 401 });
  });
});

describe('local issuer', () => {
  it('serves its JWKS, and aws-jwt-verify accepts its access tokens', async () => {
    const { issuerUrl, clientId, kid } = stack();
    const jwks = (await (await fetch(`${issuerUrl}/.well-known/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toEqual([expect.objectContaining({ kid, alg: 'RS256', use: 'sig', kty: 'RSA', n: expect.any(String), e: 'AQAB' })]);
    expect(JSON.stringify(jwks)).not.toMatch(/"d"|"p"|"q"/);

    const verifier = JwtVerifier.create(
      { issuer: issuerUrl, jwksUri: `${issuerUrl}/.well-known/jwks.json`, audience: null },
      {
        jwksCache: new SimpleJwksCache({
          fetcher: { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() },
        }),
      },
    );
    const tenant = newTenant();
    const payload = await verifier.verify(await token({ role: 'VENDEDOR', tenant, party: '3201' }));
    expect(payload).toMatchObject({
      iss: issuerUrl,
      client_id: clientId,
      token_use: 'access',
      'cognito:groups': ['VENDEDOR'],
      tenant_id: tenant,
      party_id: '3201',
      scope: 'aws.cognito.signin.user.admin',
    });
  });

  it('validates token requests', async () => {
    for (const body of [{}, { role: 'ROOT' }, { role: 'ADMIN', tenant: '' }, { role: 'ADMIN', ttl: 'long' }, { role: 'ADMIN', tokenUse: 'refresh' }]) {
      const response = await fetch(`${stack().issuerUrl}/token`, { method: 'POST', body: JSON.stringify(body) });
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('creates users; tokens for their role and tenant then carry their sub and party', async () => {
    const tenant = newTenant();
    const user = await createUser({ email: `banca@${tenant}.test`, role: 'BANCA', tenant, party: '77' });
    expect(user).toEqual({ sub: expect.any(String), email: `banca@${tenant}.test`, role: 'BANCA', tenant, party: '77' });
    expect(claimsOf(await token({ role: 'BANCA', tenant }))).toMatchObject({ sub: user.sub, party_id: '77', tenant_id: tenant });
    const again = await fetch(`${stack().issuerUrl}/users`, {
      method: 'POST',
      body: JSON.stringify({ email: `banca@${tenant}.test`, role: 'ADMIN', tenant }),
    });
    expect(again.status).toBe(409);
  });
});

describe('bin/token.ts', () => {
  const tsx = resolve(ROOT, 'node_modules/.bin/tsx');

  it('prints only a token, one line, that the gateway accepts', async () => {
    const tenant = newTenant();
    const { stdout } = await run(tsx, ['bin/token.ts', '--role', 'EMPLOYEE', '--tenant', tenant, '--party', '1001', '--ttl', '600'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(stack().port) },
    });
    expect(stdout.endsWith('\n')).toBe(true);
    const lines = stdout.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(JWT);
    const claims = claimsOf(lines[0]!);
    expect(claims).toMatchObject({ 'cognito:groups': ['EMPLOYEE'], tenant_id: tenant, party_id: '1001' });
    expect((claims.exp as number) - (claims.iat as number)).toBe(600);
    await ensureTenant(tenant);
    const response = await api('GET', '/api/pagos', { token: lines[0]! });
    expect(response.status).toBe(200);
  });

  it('fails on stderr with exit code 1 when Caja is not running or the role is wrong', async () => {
    const notRunning = await run(tsx, ['bin/token.ts', '--role', 'ADMIN'], { cwd: ROOT, env: { ...process.env, PORT: '1' } }).catch((e) => e);
    expect(notRunning.code).toBe(1);
    expect(notRunning.stdout).toBe('');
    expect(notRunning.stderr).toMatch(/Caja is not running/);

    const badRole = await run(tsx, ['bin/token.ts', '--role', 'ROOT'], { cwd: ROOT, env: { ...process.env, PORT: String(stack().port) } }).catch(
      (e) => e,
    );
    expect(badRole.code).toBe(1);
    expect(badRole.stdout).toBe('');
    expect(badRole.stderr).toMatch(/unknown role/);
  });
});

describe('invoke (direct handler calls with the gateway event)', () => {
  it('calls a public handler', async () => {
    const health = await import('../../functions/system/health.js');
    const response = await invoke(health, { path: '/health' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
    expect(response.event).toMatchObject({ routeKey: 'GET /health', rawPath: '/health' });
    expect(response.event.requestContext.authorizer).toBeUndefined();
  });

  it('renders the token claims as the authorizer would', async () => {
    const listPayments = await import('../../functions/workorders/list-payments.js');
    const tenant = newTenant();
    const response = await invoke(listPayments, { path: '/api/pagos?page=0&size=5', token: await token({ role: 'ADMIN', tenant }) });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ success: true, data: { size: 5, content: [] } });
    expect(response.event.queryStringParameters).toEqual({ page: '0', size: '5' });
    expect(response.event.requestContext.authorizer?.jwt.claims).toMatchObject({ tenant_id: tenant, 'cognito:groups': '[ADMIN]' });
  });
});
