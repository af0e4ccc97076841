/** The ledger API over HTTP through the local gateway, with real tokens from the local issuer. */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, newTenant, token } from '../support/index.js';

let tenant: string;
let admin: string;

beforeAll(async () => {
  tenant = newTenant();
  admin = await token({ role: 'ADMIN', tenant, sub: 'e2e-admin' });
});

const as = (t: string) => ({
  get: (path: string) => api('GET', path, { token: t }),
  post: (path: string, body: unknown, headers?: Record<string, string>) => api('POST', path, { token: t, body, ...(headers ? { headers } : {}) }),
  patch: (path: string, body: unknown) => api('PATCH', path, { token: t, body }),
  del: (path: string) => api('DELETE', path, { token: t }),
});

describe('ledger API over HTTP', () => {
  it('walks a banca hierarchy, a charge, its audit and a user end to end', async () => {
    const a = as(admin);
    const banca = await a.post('/ledger/parties', { kind: 'banca', name: 'Banca Central', taxId: '76.086.428-5' });
    expect(banca.status, banca.text).toBe(201);
    expect(banca.headers['content-type']).toMatch(/application\/json/);
    expect(banca.headers['x-request-id']).toBeTruthy();
    expect(banca.body).toMatchObject({ kind: 'banca', taxId: '76086428-5', active: true, version: 1 });

    const ventana = await a.post('/ledger/parties', { kind: 'ventana', name: 'Ventana Norte', parentId: banca.body.id });
    expect(ventana.status).toBe(201);
    const children = await a.get(`/ledger/parties?parentId=${banca.body.id}`);
    expect(children.body).toEqual({ items: [ventana.body], nextCursor: null });

    const created = await a.post('/ledger/charges', {
      kind: 'work_order',
      partyId: ventana.body.id,
      amount: 15000,
      currency: 'PEN',
      description: 'Instalación',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      amount: { amount: 15000, currency: 'PEN' },
      paidAmount: { amount: 0, currency: 'PEN' },
      outstanding: { amount: 15000, currency: 'PEN' },
      status: 'pending',
    });
    const chargePath = `/ledger/charges/${created.body.id}`;
    expect((await a.patch(chargePath, { amount: 12000 })).body).toMatchObject({ amount: { amount: 12000, currency: 'PEN' }, version: 2 });
    expect((await a.get(`/ledger/charges?partyId=${ventana.body.id}&status=pending`)).body.items).toHaveLength(1);
    expect((await a.del(chargePath)).body).toMatchObject({ status: 'void', voided: true });
    expect((await a.get(`/ledger/charges?partyId=${ventana.body.id}&status=pending`)).body.items).toHaveLength(0);

    const audit = await a.get(`/ledger/audit?entityId=${created.body.id}`);
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['CHARGE_VOID', 'CHARGE_UPDATE', 'CHARGE_CREATE']);
    expect(audit.body.items.every((e: { actor: string }) => e.actor === 'e2e-admin')).toBe(true);

    expect((await a.del(`/ledger/parties/${ventana.body.id}`)).body).toMatchObject({ active: false });

    const user = await a.post('/ledger/users', { email: `ventana.${Date.now()}@e2e.caja.local`, role: 'VENTANA', partyId: ventana.body.id });
    expect(user.status, user.text).toBe(201);
    expect(user.body).toMatchObject({ role: 'VENTANA', tenant, partyId: ventana.body.id });
    // The new user can get a token, and a VENTANA token is not allowed into the ledger API.
    const ventanaToken = await token({ role: 'VENTANA', tenant, sub: user.body.sub });
    expect((await as(ventanaToken).get('/ledger/parties')).status).toBe(403);
  });

  it('serves the payment-method catalogue and adds to it', async () => {
    const a = as(await token({ role: 'ADMIN', tenant: newTenant() }));
    const defaults = await a.get('/ledger/payment-methods?limit=100');
    expect(defaults.status).toBe(200);
    expect(defaults.body.items).toContainEqual({ code: 'LOS_ANDES', name: 'Los Andes', dialect: 'workorders' });
    expect((await a.post('/ledger/payment-methods', { code: 'YAPE', name: 'Yape' })).status).toBe(201);
    expect((await a.post('/ledger/payment-methods', { code: 'YAPE', name: 'Yape' })).status).toBe(409);
    const after = await a.get('/ledger/payment-methods?limit=100');
    expect(after.body.items).toHaveLength(defaults.body.items.length + 1);
  });

  it('answers an Idempotency-Key replay with the first response', async () => {
    const a = as(admin);
    const headers = { 'Idempotency-Key': `e2e-${Date.now()}` };
    const first = await a.post('/ledger/parties', { kind: 'client', name: 'Idem' }, headers);
    const second = await a.post('/ledger/parties', { kind: 'client', name: 'Idem' }, headers);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect((await a.post('/ledger/parties', { kind: 'client', name: 'Other' }, headers)).status).toBe(422);
  });
});

describe('ledger API errors over HTTP', () => {
  it('401 without a token, 403 for an EMPLOYEE, in the ledger envelope', async () => {
    const none = await api('GET', '/ledger/parties');
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({ code: 'UNAUTHORIZED', requestId: expect.any(String) });
    const employee = await token({ role: 'EMPLOYEE', tenant });
    const forbidden = await as(employee).post('/ledger/parties', { kind: 'client', name: 'x' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toMatchObject({ code: 'FORBIDDEN', requestId: expect.any(String) });
  });

  it('400 naming the field for unknown fields, bad currency, fractional amounts and bad RUTs', async () => {
    const a = as(admin);
    const party = (await a.post('/ledger/parties', { kind: 'client', name: 'C' })).body;
    const cases: [string, unknown, string][] = [
      ['/ledger/parties', { kind: 'client', name: 'x', tenantId: 't' }, 'tenantId'],
      ['/ledger/parties', { kind: 'client', name: 'x', taxId: '12.345.678-9' }, 'taxId'],
      ['/ledger/charges', { kind: 'work_order', partyId: party.id, amount: 100, currency: 'EUR' }, 'currency'],
      ['/ledger/charges', { kind: 'work_order', partyId: party.id, amount: 10.5, currency: 'PEN' }, 'amount'],
      ['/ledger/charges', { kind: 'work_order', partyId: party.id, amount: -5, currency: 'PEN' }, 'amount'],
    ];
    for (const [path, body, field] of cases) {
      const res = await a.post(path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const text = await api('POST', '/ledger/parties', { token: admin, rawBody: 'kind=client', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const broken = await api('POST', '/ledger/parties', { token: admin, rawBody: '{"kind":', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('MALFORMED_JSON');
  });

  it('404 for another tenant objects and 400 for malformed ids or foreign cursors', async () => {
    const a = as(admin);
    const party = (await a.post('/ledger/parties', { kind: 'client', name: 'Mine' })).body;
    await a.post('/ledger/parties', { kind: 'client', name: 'Mine too' });
    const b = as(await token({ role: 'ADMIN', tenant: newTenant() }));
    expect((await b.get(`/ledger/parties/${party.id}`)).status).toBe(404);
    expect((await b.patch(`/ledger/parties/${party.id}`, { name: 'x' })).status).toBe(404);
    expect((await b.del(`/ledger/parties/${party.id}`)).status).toBe(404);
    expect((await a.get('/ledger/parties/not-an-id')).status).toBe(400);
    expect((await a.get('/ledger/charges/%F0%9F%92%A5')).status).toBe(400);
    const page = await a.get('/ledger/parties?limit=1');
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const stolen = await b.get(`/ledger/parties?limit=1&cursor=${page.body.nextCursor}`);
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.details).toEqual([{ field: 'cursor', message: 'Invalid cursor' }]);
  });
});
