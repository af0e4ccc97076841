/**
 * Issue 13, workorders: what a client written against the Spring Boot original sends and reads,
 * through the local gateway with real tokens (items 1, 2, 4; item 7 for every API's GETs).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.js';
import { charges } from '../../shared/store/charges.js';
import { api, newTenant, token } from '../support/index.js';
import { createParty, pagoBody, workOrderTenant, type WorkOrderRefs } from '../support/ledger-fixtures.js';

describe('workorders drop-in: delete, pages, update with the payment as read', () => {
  const tenant = newTenant();
  let refs: WorkOrderRefs;
  let admin: string;

  beforeAll(async () => {
    refs = await workOrderTenant(tenant);
    admin = await token({ role: 'ADMIN', tenant });
  });

  it('item 1: DELETE answers the envelope with data null, as the original', async () => {
    const created = await api('POST', '/api/pagos', { token: admin, body: pagoBody(refs) });
    const deleted = await api('DELETE', `/api/pagos/${created.body.data.id}`, { token: admin });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ success: true, code: 200, message: 'Pago eliminado', data: null });
    // Still a soft delete: the payment is kept, no longer vigente.
    expect((await api('GET', `/api/pagos/${created.body.data.id}`, { token: admin })).body.data.vigente).toBe(false);
  });

  it('item 2: a list is a Spring Data page with pageable and sort', async () => {
    const other = newTenant();
    const otherRefs = await workOrderTenant(other);
    const otherAdmin = await token({ role: 'ADMIN', tenant: other });
    for (let i = 0; i < 3; i++) await api('POST', '/api/pagos', { token: otherAdmin, body: pagoBody(otherRefs, { monto: i + 1 }) });
    const unsorted = { sorted: false, unsorted: true, empty: true };
    const page = await api('GET', '/api/pagos?page=1&size=2', { token: otherAdmin });
    expect(page.status).toBe(200);
    expect(Object.keys(page.body.data).sort()).toEqual(
      ['content', 'empty', 'first', 'last', 'number', 'numberOfElements', 'pageable', 'size', 'sort', 'totalElements', 'totalPages'].sort(),
    );
    expect(page.body.data).toMatchObject({
      pageable: { pageNumber: 1, pageSize: 2, offset: 2, paged: true, unpaged: false, sort: unsorted },
      sort: unsorted,
      totalElements: 3,
      totalPages: 2,
      number: 1,
      size: 2,
      numberOfElements: 1,
      first: false,
      last: true,
      empty: false,
    });
    const empty = await api('GET', '/api/pagos?page=5&size=2', { token: otherAdmin });
    expect(empty.body.data).toMatchObject({ content: [], empty: true, numberOfElements: 0, pageable: { pageNumber: 5, offset: 10 } });
  });

  it('item 4: PUT takes back the payment as the client read it, updates the writable fields, ignores the read-only ones', async () => {
    const created = await api('POST', '/api/pagos', { token: admin, body: pagoBody(refs, { monto: 40 }) });
    const read = (await api('GET', `/api/pagos/${created.body.data.id}`, { token: admin })).body.data;
    const edited = {
      ...read,
      monto: 55.25,
      metodoPago: 'EFECTIVO',
      // Read-only: whatever the client sends here changes nothing.
      empleadoNombre: 'Someone Else',
      clienteNombre: 'Other SAC',
      empleado: { id: 1, nombre: 'x' },
      cliente: { id: 2, nombre: 'y' },
      vigente: false,
      fechaCreacion: '1999-01-01T00:00:00.000Z',
      fechaModificacion: '1999-01-01T00:00:00.000Z',
    };
    const updated = await api('PUT', `/api/pagos/${read.id}`, { token: admin, body: edited });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body.data).toMatchObject({
      id: read.id,
      monto: 55.25,
      metodoPago: 'EFECTIVO',
      empleadoNombre: 'Rosa Quispe',
      clienteNombre: 'Comercial Andina SAC',
      empleado: { id: Number(refs.employee.id), nombre: 'Rosa Quispe' },
      vigente: true,
      fechaCreacion: read.fechaCreacion,
    });
    expect(updated.body.data.fechaModificacion >= read.fechaModificacion).toBe(true);
    expect(updated.body.data.fechaModificacion).not.toBe('1999-01-01T00:00:00.000Z');
    // The id as a digit string names the same payment.
    const asString = await api('PUT', `/api/pagos/${read.id}`, { token: admin, body: { ...edited, id: String(read.id), monto: 60 } });
    expect(asString.status, asString.text).toBe(200);
    expect((await charges.get(tenant, refs.workOrder.id))?.paidAmount).toBe(6000);
  });

  it('item 4: a body id other than the path is a 400 naming id; a field not of the payment stays a 400; nothing written', async () => {
    const created = await api('POST', '/api/pagos', { token: admin, body: pagoBody(refs, { monto: 7 }) });
    const read = (await api('GET', `/api/pagos/${created.body.data.id}`, { token: admin })).body.data;
    const paidBefore = (await charges.get(tenant, refs.workOrder.id))?.paidAmount;

    const otherId = await api('PUT', `/api/pagos/${read.id}`, { token: admin, body: { ...read, id: read.id + 1, monto: 9 } });
    expect(otherId.status).toBe(400);
    expect(otherId.body).toMatchObject({ success: false, code: 400, data: null });
    expect(otherId.body.message).toContain('id');

    const unknown = await api('PUT', `/api/pagos/${read.id}`, { token: admin, body: { ...read, monto: 9, saldo: 3 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('saldo');

    const badId = await api('PUT', `/api/pagos/${read.id}`, { token: admin, body: { ...read, id: 'abc' } });
    expect(badId.status).toBe(400);

    expect((await api('GET', `/api/pagos/${read.id}`, { token: admin })).body.data).toEqual(read);
    expect((await charges.get(tenant, refs.workOrder.id))?.paidAmount).toBe(paidBefore);
  });

  it('keeps create strict: the read-only fields are not part of a create', async () => {
    const response = await api('POST', '/api/pagos', { token: admin, body: { ...pagoBody(refs), vigente: true } });
    expect(response.status).toBe(400);
  });
});

/** An error body without its per-request fields. */
const withoutIds = (body: unknown) => JSON.parse(JSON.stringify(body ?? null).replace(/"(requestId|request_id|timestamp|traceId)":"[^"]*"/g, '"$1":""'));

describe('item 7: the `_` cache-buster on every GET of every API', () => {
  const tenant = newTenant();
  let admin: string;

  beforeAll(async () => {
    await workOrderTenant(tenant);
    admin = await token({ role: 'ADMIN', tenant });
  });

  /** A GET of each API that takes a query string, with a query its schema accepts. */
  const withQuery: Record<string, string> = {
    'GET /api/pagos': '/api/pagos?page=0&size=5',
    'GET /ledger/parties': '/ledger/parties?kind=client',
    'GET /pagos': '/pagos?page=1&limit=5&filters[0][field]=request_date&filters[0][operation]=GREATER_THAN&filters[0][value]=2024-01-01T00:00:00.000Z&filters[1][field]=collector_id&filters[1][operation]=EQUAL&filters[1][value]=1',
  };

  it('answers every GET route the same with and without `_`', async () => {
    const gets = routes.filter((r) => r.method === 'GET' && !r.path.includes('{') && r.path !== '/docs');
    expect(gets.length).toBeGreaterThan(10);
    for (const route of gets) {
      const path = withQuery[`${route.method} ${route.path}`] ?? route.path;
      const plain = await api('GET', path, { token: admin });
      const busted = await api('GET', `${path}${path.includes('?') ? '&' : '?'}_=1732982400000`, { token: admin });
      expect(busted.status, `${route.path}: ${busted.text}`).toBe(plain.status);
      // The same answer: the cache-buster is never a filter, an unknown field or a search parameter.
      if (plain.status === 200) expect(Object.keys(busted.body ?? {}).sort(), route.path).toEqual(Object.keys(plain.body ?? {}).sort());
      else expect(withoutIds(busted.body), route.path).toEqual(withoutIds(plain.body));
    }
  });

  it('still refuses other unknown query parameters, and `_` on a GET with ids in the path', async () => {
    expect((await api('GET', '/api/pagos?page=0&foo=1', { token: admin })).status).toBe(400);
    const created = await api('GET', '/api/pagos/999999?_=1', { token: admin });
    expect(created.status).toBe(404);
    const statement = await api('GET', '/api/v1/accounts/payments?_=1&foo=2', { token: admin });
    expect(statement.status).toBe(400);
  });
});

type Listed = { id: number; monto: number; fechaPago: string; fechaCreacion: string };

describe('item 3: sort=field,asc|desc on GET /api/pagos', () => {
  const tenant = newTenant();
  let refs: WorkOrderRefs;
  let admin: string;
  const DATES = ['2024-03-15', '2024-01-31', '2025-12-01', '2024-03-15', '2023-07-04'];
  const AMOUNTS = [150.5, 20, 150.5, 9999.99, 0.01, 20];

  beforeAll(async () => {
    refs = await workOrderTenant(tenant);
    admin = await token({ role: 'ADMIN', tenant });
    for (let i = 0; i < 11; i++) {
      const body = pagoBody(refs, { fechaPago: DATES[i % DATES.length], monto: AMOUNTS[i % AMOUNTS.length] });
      expect((await api('POST', '/api/pagos', { token: admin, body })).status).toBe(201);
    }
  });

  /** Every page of a sort, concatenated, and the page objects. */
  async function walk(sort: string, size: number) {
    const seen: Listed[] = [];
    const pages = [];
    for (let page = 0; ; page++) {
      const response = await api('GET', `/api/pagos?sort=${sort}&page=${page}&size=${size}`, { token: admin });
      expect(response.status, response.text).toBe(200);
      pages.push(response.body.data);
      seen.push(...response.body.data.content);
      if (response.body.data.last) break;
    }
    return { seen, pages };
  }

  /** Brute force: the active payments by the field, ties by id; desc is the whole order reversed. */
  const expected = (all: readonly Listed[], field: keyof Listed, direction: 'asc' | 'desc') => {
    const asc = [...all].sort((a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : a.id - b.id)).map((p) => p.id);
    return direction === 'asc' ? asc : asc.reverse();
  };

  async function everyOrderMatches() {
    const all = (await walk('id', 100)).seen;
    for (const field of ['fechaPago', 'fechaCreacion', 'monto', 'id'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const { seen, pages } = await walk(`${field},${direction}`, 4);
        expect(seen.map((p) => p.id), `${field},${direction}`).toEqual(expected(all, field, direction));
        // Each page is its own request (page N, no cursor): the walk checks every jump.
        expect(pages[0]).toMatchObject({ totalElements: all.length, sort: { sorted: true, unsorted: false, empty: false }, pageable: { sort: { sorted: true } } });
      }
    }
    return all;
  }

  it('lists every order in both directions, page by page and at page N, ties by id', async () => {
    const all = await everyOrderMatches();
    expect(all).toHaveLength(11);
    // Without a direction: ascending, as Spring; the direction in any case.
    const plain = await api('GET', '/api/pagos?sort=monto&size=100', { token: admin });
    expect(plain.body.data.content.map((p: Listed) => p.id)).toEqual(expected(all, 'monto', 'asc'));
    const upper = await api('GET', '/api/pagos?sort=fechaPago,DESC&size=100', { token: admin });
    expect(upper.body.data.content.map((p: Listed) => p.id)).toEqual(expected(all, 'fechaPago', 'desc'));
  });

  it('keeps every order right through updates (amount, date) and soft deletes', async () => {
    const all = (await walk('id', 100)).seen;
    const [a, b, c] = [all[1]!, all[4]!, all[8]!];
    const put = (p: Listed, changes: Record<string, unknown>) =>
      api('PUT', `/api/pagos/${p.id}`, { token: admin, body: pagoBody(refs, { monto: p.monto, fechaPago: p.fechaPago, ...changes }) });
    expect((await put(a, { monto: 0.02 })).status).toBe(200);
    expect((await put(b, { fechaPago: '2030-01-01' })).status).toBe(200);
    expect((await put(c, { fechaPago: '2022-02-02', monto: 12345.67 })).status).toBe(200);
    expect((await api('DELETE', `/api/pagos/${all[0]!.id}`, { token: admin })).status).toBe(200);
    expect((await api('DELETE', `/api/pagos/${all[10]!.id}`, { token: admin })).status).toBe(200);
    const after = await everyOrderMatches();
    expect(after).toHaveLength(9);
  });

  it('refuses a field outside the fixed list with a 400 naming it, and more than one field', async () => {
    for (const [sort, named] of [
      ['saldo,asc', 'saldo'],
      ['referencia', 'referencia'],
      ['FECHAPAGO,asc', 'FECHAPAGO'],
      ['monto,up', 'up'],
      ['monto,asc,id', 'One sort field'],
      ['', "''"],
    ] as const) {
      const response = await api('GET', `/api/pagos?sort=${sort}`, { token: admin });
      expect(response.status, sort).toBe(400);
      expect(response.body).toMatchObject({ success: false, code: 400, data: null });
      expect(response.body.message, sort).toContain(named);
    }
  });
});

describe('items 3 and 4 under party scope and Idempotency-Key (issue 12 rules kept)', () => {
  const tenant = newTenant();
  let refs: WorkOrderRefs;
  let admin: string;
  let mine: string;
  let theirs: string;
  let otherId: string;

  beforeAll(async () => {
    refs = await workOrderTenant(tenant);
    otherId = (await createParty(tenant, 'employee', { name: 'Otro Empleado' })).id;
    admin = await token({ role: 'ADMIN', tenant });
    mine = await token({ role: 'EMPLOYEE', tenant, party: refs.employee.id });
    theirs = await token({ role: 'EMPLOYEE', tenant, party: otherId });
    for (const [who, monto, fechaPago] of [[mine, 30, '2024-05-01'], [theirs, 10, '2024-05-02'], [mine, 20, '2024-04-01'], [theirs, 40, '2024-01-01'], [mine, 10, '2024-06-01']] as const) {
      const empleadoId = who === mine ? Number(refs.employee.id) : Number(otherId);
      expect((await api('POST', '/api/pagos', { token: who, body: pagoBody(refs, { empleadoId, monto, fechaPago }) })).status).toBe(201);
    }
  });

  it('an EMPLOYEE sorts only its own payments', async () => {
    const byAmount = await api('GET', '/api/pagos?sort=monto,desc', { token: mine });
    expect(byAmount.body.data.totalElements).toBe(3);
    expect(byAmount.body.data.content.map((p: Listed) => p.monto)).toEqual([30, 20, 10]);
    const byDate = await api('GET', '/api/pagos?sort=fechaPago,asc&size=2&page=1', { token: mine });
    expect(byDate.body.data.content.map((p: Listed) => p.fechaPago)).toEqual(['2024-06-01']);
    const theirsByDate = await api('GET', '/api/pagos?sort=fechaPago,desc', { token: theirs });
    expect(theirsByDate.body.data.content.map((p: Listed) => p.fechaPago)).toEqual(['2024-05-02', '2024-01-01']);
    const all = await api('GET', '/api/pagos?sort=monto,asc', { token: admin });
    expect(all.body.data.content.map((p: Listed) => p.monto)).toEqual([10, 10, 20, 30, 40]);
  });

  it('a PUT of the payment as read keeps party scope (another employee: 404) and replays under its Idempotency-Key', async () => {
    const list = await api('GET', '/api/pagos?sort=monto,asc', { token: mine });
    const read = list.body.data.content[0];
    expect((await api('PUT', `/api/pagos/${read.id}`, { token: theirs, body: { ...read, monto: 11 } })).status).toBe(404);
    const headers = { 'Idempotency-Key': `put-as-read-${read.id}` };
    const first = await api('PUT', `/api/pagos/${read.id}`, { token: mine, body: { ...read, monto: 12 }, headers });
    expect(first.status, first.text).toBe(200);
    const again = await api('PUT', `/api/pagos/${read.id}`, { token: mine, body: { ...read, monto: 12 }, headers });
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual(first.body.data);
    const other = await api('PUT', `/api/pagos/${read.id}`, { token: mine, body: { ...read, monto: 13 }, headers });
    expect(other.status).toBe(422);
    // Moving one's own payment to another employee is still a 403, whatever else the body carries.
    expect((await api('PUT', `/api/pagos/${read.id}`, { token: mine, body: { ...read, empleadoId: Number(otherId) } })).status).toBe(403);
    const byAmount = await api('GET', '/api/pagos?sort=monto,asc', { token: mine });
    expect(byAmount.body.data.content.map((p: Listed) => p.monto)).toEqual([12, 20, 30]);
  });
});

describe("item 13: the original's Long ids as externalIds", () => {
  const tenant = newTenant();

  it('empleadoId and clienteId take the externalIds and render them; an EMPLOYEE names itself by its own, not another', async () => {
    const refs = await workOrderTenant(tenant);
    const employee = await createParty(tenant, 'employee', { name: 'Empleado Original', externalId: '1001' });
    await createParty(tenant, 'client', { name: 'Cliente Original', externalId: '2001' });
    const admin = await token({ role: 'ADMIN', tenant });
    const body = pagoBody(refs, { empleadoId: 1001, clienteId: '2001' });
    const created = await api('POST', '/api/pagos', { token: admin, body });
    expect(created.status, created.text).toBe(201);
    expect(created.body.data).toMatchObject({
      empleadoId: 1001, empleado: { id: 1001, nombre: 'Empleado Original' },
      clienteId: 2001, cliente: { id: 2001, nombre: 'Cliente Original' },
    });
    const list = await api('GET', '/api/pagos?sort=id,desc', { token: admin });
    expect(list.body.data.content[0]).toMatchObject({ id: created.body.data.id, empleadoId: 1001, clienteId: 2001 });
    // A PUT of the payment as read keeps those ids.
    const put = await api('PUT', `/api/pagos/${created.body.data.id}`, { token: admin, body: { ...created.body.data, monto: 99 } });
    expect(put.status, put.text).toBe(200);
    expect(put.body.data).toMatchObject({ empleadoId: 1001, clienteId: 2001, monto: 99 });

    const itself = await token({ role: 'EMPLOYEE', tenant, party: employee.id });
    expect((await api('POST', '/api/pagos', { token: itself, body })).status).toBe(201);
    const another = await token({ role: 'EMPLOYEE', tenant, party: refs.employee.id });
    expect((await api('POST', '/api/pagos', { token: another, body })).status).toBe(403);
    // Another tenant's externalIds name nothing here.
    const elsewhere = newTenant();
    const elsewhereRefs = await workOrderTenant(elsewhere);
    await createParty(elsewhere, 'employee', { externalId: '3001' });
    expect((await api('POST', '/api/pagos', { token: admin, body: pagoBody(refs, { empleadoId: 3001 }) })).status).toBe(404);
    expect(elsewhereRefs.employee.id).not.toBe(employee.id);
  });
});
