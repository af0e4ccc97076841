import { describe, expect, it } from 'vitest';
import { findRoute, type Route } from '../../functions/routes.js';
import {
  buildEvent,
  formatRequestTime,
  isTextContentType,
  lambdaContext,
  MalformedResultError,
  matchRoute,
  parseQueryString,
  renderClaims,
  toHttpResult,
} from '../../lib/local/gateway.js';
import { buildClaims, decodeJwt, LocalIssuer } from '../../lib/local/issuer.js';

const key = (m: ReturnType<typeof matchRoute>) => (m ? `${m.route.method} ${m.route.path}` : undefined);

describe('matchRoute', () => {
  it('matches literal routes and templates, decoding path parameters', () => {
    expect(key(matchRoute('GET', '/health'))).toBe('GET /health');
    const m = matchRoute('GET', '/api/pagos/a%20b%2Fc');
    expect(key(m)).toBe('GET /api/pagos/{id}');
    expect(m?.pathParameters).toEqual({ id: 'a b/c' });
  });

  it('prefers a literal segment over a parameter', () => {
    const m = matchRoute('GET', '/api/pagos/pendiente/77');
    expect(key(m)).toBe('GET /api/pagos/pendiente/{pendienteId}');
    expect(m?.pathParameters).toEqual({ pendienteId: '77' });
    // with one segment less, `pendiente` is just an id
    expect(key(matchRoute('GET', '/api/pagos/pendiente'))).toBe('GET /api/pagos/{id}');
  });

  it('prefers the more literal route whatever the table order', () => {
    const table: Route[] = [
      { method: 'GET', path: '/x/{a}/{b}', handler: 'system/one', roles: 'public', store: [] },
      { method: 'GET', path: '/x/{a}/fixed', handler: 'system/two', roles: 'public', store: [] },
      { method: 'GET', path: '/x/lit/{b}', handler: 'system/three', roles: 'public', store: [] },
      { method: 'GET', path: '/files/{path+}', handler: 'system/four', roles: 'public', store: [] },
    ];
    expect(matchRoute('GET', '/x/1/2', table)?.route.handler).toBe('system/one');
    expect(matchRoute('GET', '/x/1/fixed', table)?.route.handler).toBe('system/two');
    // leftmost literal wins first, as in API Gateway
    expect(matchRoute('GET', '/x/lit/fixed', table)?.route.handler).toBe('system/three');
    expect(matchRoute('GET', '/files/a/b.txt', table)?.pathParameters).toEqual({ path: 'a/b.txt' });
    expect(matchRoute('GET', '/files', table)).toBeUndefined();
  });

  it('needs the method, the exact segment count and no empty segments', () => {
    expect(matchRoute('POST', '/health')).toBeUndefined();
    expect(matchRoute('GET', '/health/')).toBeUndefined();
    expect(matchRoute('GET', '/api//pagos')).toBeUndefined();
    expect(matchRoute('GET', '/api/pagos/1/2')).toBeUndefined();
    expect(matchRoute('GET', '/nope')).toBeUndefined();
    expect(key(matchRoute('get', '/ledger/parties'))).toBe('GET /ledger/parties');
  });
});

describe('buildEvent', () => {
  const route = findRoute('GET /api/pagos/{id}');
  const now = new Date(Date.UTC(2026, 2, 5, 9, 4, 7, 123));

  it('builds the payload 2.0 event', () => {
    const event = buildEvent({
      route,
      rawPath: '/api/pagos/42',
      rawQueryString: 'page=1&tag=a&tag=b&q=hello%20world&plus=a+b',
      headers: [
        ['Host', 'localhost:3000'],
        ['User-Agent', 'curl/8'],
        ['X-Multi', 'one'],
        ['x-multi', 'two'],
        ['Cookie', 'a=1; b=2'],
        ['Cookie', 'c=3'],
        ['Connection', 'keep-alive'],
        ['Transfer-Encoding', 'chunked'],
      ],
      requestId: 'req-1',
      sourceIp: '10.1.2.3',
      now,
    });
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /api/pagos/{id}',
      rawPath: '/api/pagos/42',
      rawQueryString: 'page=1&tag=a&tag=b&q=hello%20world&plus=a+b',
      cookies: ['a=1', 'b=2', 'c=3'],
      queryStringParameters: { page: '1', tag: 'a,b', q: 'hello world', plus: 'a b' },
      pathParameters: { id: '42' },
      isBase64Encoded: false,
      requestContext: {
        accountId: expect.any(String),
        apiId: expect.any(String),
        domainName: 'localhost',
        domainPrefix: 'localhost',
        http: { method: 'GET', path: '/api/pagos/42', protocol: 'HTTP/1.1', sourceIp: '10.1.2.3', userAgent: 'curl/8' },
        requestId: 'req-1',
        routeKey: 'GET /api/pagos/{id}',
        stage: '$default',
        time: '05/Mar/2026:09:04:07 +0000',
        timeEpoch: now.getTime(),
      },
    });
    expect(event.headers).toMatchObject({ host: 'localhost:3000', 'user-agent': 'curl/8', 'x-multi': 'one,two', 'x-forwarded-for': '10.1.2.3' });
    expect(event.headers.cookie).toBeUndefined();
    expect(event.headers.connection).toBeUndefined();
    expect(event.headers['transfer-encoding']).toBeUndefined();
    expect(Object.keys(event.headers).every((h) => h === h.toLowerCase())).toBe(true);
    expect(event.body).toBeUndefined();
    // a public-style call without claims carries no authorizer
    expect(event.requestContext.authorizer).toBeUndefined();
  });

  it('omits query and path parameters when there are none', () => {
    const event = buildEvent({ route: findRoute('GET /ledger/parties'), rawPath: '/ledger/parties' });
    expect(event.rawQueryString).toBe('');
    expect('queryStringParameters' in event).toBe(false);
    expect('pathParameters' in event).toBe(false);
    expect('cookies' in event).toBe(false);
  });

  it('passes JSON and text bodies as text and anything else base64-encoded', () => {
    const post = findRoute('POST /api/pagos');
    const json = buildEvent({ route: post, rawPath: '/api/pagos', headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"a":"ñ"}' });
    expect(json).toMatchObject({ body: '{"a":"ñ"}', isBase64Encoded: false });
    expect(json.headers['content-length']).toBe(String(Buffer.byteLength('{"a":"ñ"}')));
    const binary = buildEvent({ route: post, rawPath: '/api/pagos', headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from([0, 1, 2, 255]) });
    expect(binary).toMatchObject({ body: 'AAEC/w==', isBase64Encoded: true });
    const untyped = buildEvent({ route: post, rawPath: '/api/pagos', body: 'x=1' });
    expect(untyped).toMatchObject({ body: Buffer.from('x=1').toString('base64'), isBase64Encoded: true });
    expect(isTextContentType('text/plain')).toBe(true);
    expect(isTextContentType('application/problem+json')).toBe(true);
    expect(isTextContentType('application/x-www-form-urlencoded')).toBe(false);
  });

  it('renders JWT claims the way the HTTP API authorizer does', () => {
    const claims = buildClaims(
      { sub: 'u-1', role: 'VENTANA', tenant: 't-1', party: '3101' },
      { issuerUrl: 'http://localhost:3000/local-issuer', clientId: 'caja-local-client', now: 1_700_000_000_000 },
    );
    const event = buildEvent({ route, rawPath: '/api/pagos/1', claims });
    const rendered = event.requestContext.authorizer?.jwt.claims;
    expect(rendered).toMatchObject({
      sub: 'u-1',
      'cognito:groups': '[VENTANA]',
      tenant_id: 't-1',
      party_id: '3101',
      token_use: 'access',
      client_id: 'caja-local-client',
      scope: 'aws.cognito.signin.user.admin',
      iat: '1700000000',
      auth_time: '1700000000',
      exp: '1700003600',
      version: '2',
    });
    expect(Object.values(rendered ?? {}).every((v) => typeof v === 'string')).toBe(true);
    expect(event.requestContext.authorizer?.jwt.scopes).toBeNull();
    expect(renderClaims({ groups: ['A', 'B'], ok: true, n: 1.5, nested: { b: 1, a: [2, 3] }, none: null })).toEqual({
      groups: '[A B]',
      ok: 'true',
      n: '1.5',
      nested: 'map[a:[2 3] b:1]',
      none: '',
    });
  });

  it('parses query strings like API Gateway', () => {
    expect(parseQueryString('')).toBeUndefined();
    expect(parseQueryString('a=1&a=2&a=3&b&c=')).toEqual({ a: '1,2,3', b: '', c: '' });
    expect(parseQueryString('k%C3%B1=%E2%82%AC')).toEqual({ 'kñ': '€' });
  });

  it('formats requestContext.time in CLF', () => {
    expect(formatRequestTime(new Date(Date.UTC(2020, 11, 31, 23, 59, 58)))).toBe('31/Dec/2020:23:59:58 +0000');
  });
});

describe('lambdaContext', () => {
  it('gives handlers a request id, a function name and the remaining time', () => {
    const context = lambdaContext({ handler: 'ledger/list-parties' }, { awsRequestId: 'abc', timeoutMs: 5000 });
    expect(context.awsRequestId).toBe('abc');
    expect(context.functionName).toBe('caja-local-ledger-list-parties');
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(4000);
    expect(context.getRemainingTimeInMillis()).toBeLessThanOrEqual(5000);
  });
});

describe('toHttpResult', () => {
  it('takes structured results as they are', () => {
    const result = toHttpResult({ statusCode: 201, headers: { 'X-A': 1, b: true }, body: '{"ok":true}', cookies: ['s=1; HttpOnly'] });
    expect(result).toMatchObject({ statusCode: 201, headers: { 'x-a': '1', b: 'true' }, cookies: ['s=1; HttpOnly'] });
    expect(result.body.toString()).toBe('{"ok":true}');
    expect(toHttpResult({ statusCode: 200, body: 'AAEC', isBase64Encoded: true }).body).toEqual(Buffer.from([0, 1, 2]));
    expect(toHttpResult({ statusCode: 204 }).body.length).toBe(0);
  });

  it('infers a 200 JSON response from anything else', () => {
    const result = toHttpResult({ hello: 'world' });
    expect(result.statusCode).toBe(200);
    expect(result.headers['content-type']).toBe('application/json');
    expect(result.body.toString()).toBe('{"hello":"world"}');
    expect(toHttpResult('plain').body.toString()).toBe('plain');
  });

  it('rejects malformed structured results (API Gateway answers 500)', () => {
    expect(() => toHttpResult({ statusCode: '200' })).toThrow(MalformedResultError);
    expect(() => toHttpResult({ statusCode: 200, body: { a: 1 } })).toThrow(MalformedResultError);
    expect(() => toHttpResult({ statusCode: 99 })).toThrow(MalformedResultError);
  });
});

describe('LocalIssuer (the authorizer checks)', () => {
  const issuer = new LocalIssuer({ issuerUrl: 'http://localhost:1234/local-issuer' });
  const other = new LocalIssuer({ issuerUrl: 'http://localhost:1234/local-issuer' });

  it('mints Cognito-shaped access tokens and verifies them', () => {
    const jwt = issuer.mint({ role: 'ADMIN' });
    const decoded = decodeJwt(jwt)!;
    expect(decoded.header).toEqual({ kid: issuer.kid, alg: 'RS256' });
    expect(Object.keys(decoded.payload).sort()).toEqual(
      [
        'auth_time', 'client_id', 'cognito:groups', 'event_id', 'exp', 'iat', 'iss', 'jti', 'origin_jti', 'scope', 'sub',
        'tenant_id', 'token_use', 'username', 'version',
      ].sort(),
    );
    expect(decoded.payload).toMatchObject({ sub: 'demo-admin', 'cognito:groups': ['ADMIN'], tenant_id: 'demo', token_use: 'access' });
    expect(issuer.verify(jwt)).toMatchObject({ ok: true });
  });

  it('resolves users: demo user of the role, its party, an explicit sub or a default one', () => {
    expect(issuer.resolveSubject({ role: 'VENTANA' })).toMatchObject({ sub: 'demo-ventana', party: '3101', tenant: 'demo' });
    expect(issuer.resolveSubject({ role: 'VENTANA', party: '3102' })).toMatchObject({ sub: 'demo-ventana', party: '3102' });
    expect(issuer.resolveSubject({ role: 'ADMIN', tenant: 't-x' })).toEqual({ sub: 'local-admin', role: 'ADMIN', tenant: 't-x' });
    const user = issuer.addUser({ email: 'new@t-x.test', role: 'BANCA', tenant: 't-x', party: '9' });
    expect(issuer.resolveSubject({ role: 'BANCA', tenant: 't-x' })).toMatchObject({ sub: user.sub, party: '9', email: 'new@t-x.test' });
    expect(() => issuer.addUser({ email: 'NEW@t-x.test', role: 'ADMIN', tenant: 't-y' })).toThrow(/already exists/);
  });

  it('accepts ID tokens (the real authorizer does not check token_use) with aud = client id', () => {
    const jwt = issuer.mint({ role: 'ADMIN', tokenUse: 'id' });
    const payload = decodeJwt(jwt)!.payload;
    expect(payload).toMatchObject({ token_use: 'id', aud: issuer.clientId, email: 'admin@demo.caja.local', 'cognito:username': 'demo-admin' });
    expect(payload.client_id).toBeUndefined();
    expect(issuer.verify(jwt).ok).toBe(true);
  });

  it('rejects foreign keys, alg none, tampering, expiry, wrong issuer and wrong client', () => {
    const reason = (jwt: string) => {
      const result = issuer.verify(jwt);
      return result.ok ? 'ok' : result.reason;
    };
    expect(reason(other.mint({ role: 'ADMIN' }))).toBe('unknown kid');
    const forged = other.mint({ role: 'ADMIN' }).split('.');
    const withOurKid = `${Buffer.from(JSON.stringify({ kid: issuer.kid, alg: 'RS256' })).toString('base64url')}.${forged[1]}.${forged[2]}`;
    expect(reason(withOurKid)).toBe('bad signature');
    const [, payload] = issuer.mint({ role: 'ADMIN' }).split('.');
    expect(reason(`${Buffer.from(JSON.stringify({ kid: issuer.kid, alg: 'none' })).toString('base64url')}.${payload}.`)).toMatch(/alg/);
    const [h, p, s] = issuer.mint({ role: 'EMPLOYEE' }).split('.');
    const escalated = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), 'cognito:groups': ['ADMIN'] })).toString('base64url');
    expect(reason(`${h}.${escalated}.${s}`)).toBe('bad signature');
    expect(reason(issuer.mint({ role: 'ADMIN', ttl: -1 }))).toBe('expired');
    const base = decodeJwt(issuer.mint({ role: 'ADMIN' }))!.payload;
    expect(reason(issuer.sign({ ...base, iss: 'https://evil.example' }))).toBe('wrong issuer');
    expect(reason(issuer.sign({ ...base, client_id: 'other-client' }))).toBe('wrong audience');
    expect(reason(issuer.sign({ ...base, nbf: Math.floor(Date.now() / 1000) + 600 }))).toBe('not yet valid');
    expect(reason('not-a-jwt')).toBe('malformed token');
    expect(reason('a.b')).toBe('malformed token');
  });
});
