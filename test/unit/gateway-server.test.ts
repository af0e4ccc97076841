/**
 * The local gateway's dispatch with stand-in handlers (no DynamoDB, no real handler modules): what
 * reaches the handler, how results, throws, malformed results and timeouts come back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from '../../functions/routes.js';
import { type Gateway, type GatewayEvent, type GatewayLogEntry, type LambdaHandler, startGateway } from '../../lib/local/gateway.js';

let gateway: Gateway;
const logs: GatewayLogEntry[] = [];
let lastEvent: GatewayEvent | undefined;
let nextHandler: LambdaHandler = () => ({ statusCode: 200, body: 'ok' });

beforeAll(async () => {
  gateway = await startGateway({
    port: 0,
    timeoutMs: 300,
    onLog: (entry) => logs.push(entry),
    loadHandler: async (route: Route) => (event, context) => {
      lastEvent = event as GatewayEvent;
      expect(context.functionName).toContain(route.handler.replace('/', '-'));
      return nextHandler(event, context);
    },
  });
});
afterAll(() => gateway.close());

const call = (path: string, init: RequestInit = {}) => fetch(`${gateway.baseUrl}${path}`, init);

describe('local gateway dispatch', () => {
  it('passes the built event to the handler of the matched route', async () => {
    const admin = gateway.issuer.mint({ role: 'ADMIN', tenant: 't-1' });
    nextHandler = () => ({ statusCode: 201, headers: { 'x-one': 1 }, body: '{"done":true}', cookies: ['a=1', 'b=2'] });
    const response = await call('/ledger/parties/12?x=1&x=2', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', cookie: 'k=v' },
      body: '{"name":"n"}',
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ done: true });
    expect(response.headers.get('x-one')).toBe('1');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(response.headers.get('apigw-requestid')).toBe(lastEvent?.requestContext.requestId);
    expect(lastEvent).toMatchObject({
      routeKey: 'PATCH /ledger/parties/{id}',
      rawPath: '/ledger/parties/12',
      rawQueryString: 'x=1&x=2',
      queryStringParameters: { x: '1,2' },
      pathParameters: { id: '12' },
      cookies: ['k=v'],
      body: '{"name":"n"}',
      isBase64Encoded: false,
      requestContext: {
        http: { method: 'PATCH', path: '/ledger/parties/12', sourceIp: '127.0.0.1' },
        authorizer: { jwt: { claims: { 'cognito:groups': '[ADMIN]', tenant_id: 't-1', sub: 'local-admin' }, scopes: null } },
      },
    });
    expect(lastEvent?.headers.authorization).toBe(`Bearer ${admin}`);
  });

  it('does not call the handler when the authorizer rejects', async () => {
    lastEvent = undefined;
    const expired = gateway.issuer.mint({ role: 'ADMIN', ttl: -5 });
    const response = await call('/ledger/parties', { headers: { authorization: `Bearer ${expired}` } });
    expect(response.status).toBe(401);
    expect(lastEvent).toBeUndefined();
    expect(logs.at(-1)).toMatchObject({ status: 401, authorizer: 'expired', route: 'GET /ledger/parties' });
  });

  it('answers 500 like API Gateway when the handler throws or returns a malformed result', async () => {
    nextHandler = () => {
      throw new Error('boom');
    };
    let response = await call('/health');
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
    expect(logs.find((l) => l.level === 'error' && l.msg === 'handler failed')).toMatchObject({ handler: 'system/health' });

    nextHandler = () => ({ statusCode: 200, body: { not: 'a string' } });
    response = await call('/health');
    expect(response.status).toBe(500);
    expect(logs.some((l) => l.msg === 'malformed Lambda proxy response')).toBe(true);
  });

  it('answers 503 when the integration times out', async () => {
    nextHandler = () => new Promise((r) => setTimeout(() => r({ statusCode: 200 }), 2000));
    const response = await call('/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: 'Service Unavailable' });
  });

  it('maps non-structured results to a 200 JSON body', async () => {
    nextHandler = () => ({ status: 'ok' });
    const response = await call('/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('passes binary bodies base64-encoded and returns base64 results as bytes', async () => {
    nextHandler = (event: GatewayEvent) => ({
      statusCode: 200,
      headers: { 'content-type': 'application/octet-stream' },
      body: event.body,
      isBase64Encoded: event.isBase64Encoded,
    });
    const bytes = new Uint8Array([0, 255, 1, 254]);
    const response = await call('/api/pagos', {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.issuer.mint({ role: 'EMPLOYEE' })}`, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(lastEvent).toMatchObject({ isBase64Encoded: true, body: Buffer.from(bytes).toString('base64') });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it('logs one line per request', async () => {
    nextHandler = () => ({ statusCode: 204 });
    const before = logs.length;
    await call('/health?secret=1');
    const line = logs.slice(before).find((l) => l.level === 'info');
    expect(line).toMatchObject({ method: 'GET', path: '/health', status: 204, ms: expect.any(Number), route: 'GET /health' });
  });
});
