/** Parties through the handler modules, against DynamoDB Local, with real tokens. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as createParty from '../../functions/ledger/create-party.js';
import * as deleteParty from '../../functions/ledger/delete-party.js';
import * as getParty from '../../functions/ledger/get-party.js';
import * as listAudit from '../../functions/ledger/list-audit.js';
import * as listParties from '../../functions/ledger/list-parties.js';
import * as updateParty from '../../functions/ledger/update-party.js';
import { invoke, newTenant, token } from '../support/index.js';

let tenant: string;
let admin: string;

beforeAll(async () => {
  tenant = newTenant();
  admin = await token({ role: 'ADMIN', tenant, sub: 'admin-1' });
});

const create = (body: unknown, headers?: Record<string, string>) =>
  invoke(createParty, { method: 'POST', path: '/ledger/parties', token: admin, body, ...(headers ? { headers } : {}) });

async function newParty(body: Record<string, unknown>) {
  const res = await create(body);
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; kind: string; version: number; [k: string]: unknown };
}

describe('POST /ledger/parties', () => {
  it('creates a party with the full shape and string ids', async () => {
    const res = await create({ kind: 'client', name: '  Comercial Andina SAC ', email: 'pagos@andina.pe', externalId: 'ERP-1' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[1-9]\d*$/),
      kind: 'client',
      name: 'Comercial Andina SAC',
      email: 'pagos@andina.pe',
      externalId: 'ERP-1',
      active: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
    expect(res.headers['x-request-id']).toBeTruthy();
    const read = await invoke(getParty, { path: `/ledger/parties/${res.body.id}`, token: admin });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  it('stores a RUT normalized and rejects a wrong check digit', async () => {
    const ok = await newParty({ kind: 'client', name: 'Chilena SpA', taxId: '12.345.678-5' });
    expect(ok.taxId).toBe('12345678-5');
    const bad = await create({ kind: 'client', name: 'Chilena SpA', taxId: '12.345.678-9' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'taxId' }], requestId: expect.any(String) });
  });

  it('links a child to a parent of the right kind', async () => {
    const banca = await newParty({ kind: 'banca', name: 'Banca Central' });
    const ventana = await newParty({ kind: 'ventana', name: 'Ventana Norte', parentId: banca.id });
    expect(ventana.parentId).toBe(banca.id);
    const vendedor = await newParty({ kind: 'vendedor', name: 'Carlos', parentId: ventana.id });
    expect(vendedor.parentId).toBe(ventana.id);

    const wrongKind = await create({ kind: 'vendedor', name: 'X', parentId: banca.id });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.details).toEqual([{ field: 'parentId', message: 'Must be a ventana party' }]);

    const noParentKind = await create({ kind: 'client', name: 'X', parentId: banca.id });
    expect(noParentKind.status).toBe(400);

    const missing = await create({ kind: 'ventana', name: 'X', parentId: '999999999' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });

  it('rejects bad input with 400 naming the field, and writes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ kind: 'client', name: 'A', color: 'red' }, 'color'],
      [{ kind: 'alien', name: 'A' }, 'kind'],
      [{ kind: 'client' }, 'name'],
      [{ kind: 'client', name: '   ' }, 'name'],
      [{ kind: 'client', name: 'A', email: 'nope' }, 'email'],
      [{ kind: 'ventana', name: 'A', parentId: '' }, 'parentId'],
      [{ kind: 'client', name: 'A', tenant: 'other' }, 'tenant'],
    ];
    for (const [body, field] of cases) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const malformed = await invoke(createParty, {
      method: 'POST',
      path: '/ledger/parties',
      token: admin,
      rawBody: '{"kind": "client",',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('MALFORMED_JSON');
  });

  it('replays a create with the same Idempotency-Key and refuses a different request under it', async () => {
    const key = { 'Idempotency-Key': `party-${Date.now()}` };
    const first = await create({ kind: 'client', name: 'Once' }, key);
    const again = await create({ kind: 'client', name: 'Once' }, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const other = await create({ kind: 'client', name: 'Twice' }, key);
    expect(other.status).toBe(422);
  });
});

describe('GET /ledger/parties', () => {
  it('lists by kind, by parent, and pages with a cursor', async () => {
    const t = newTenant();
    const adm = await token({ role: 'ADMIN', tenant: t });
    const post = async (body: unknown) => (await invoke(createParty, { method: 'POST', path: '/ledger/parties', token: adm, body })).body;
    const banca = await post({ kind: 'banca', name: 'B' });
    const v1 = await post({ kind: 'ventana', name: 'V1', parentId: banca.id });
    const v2 = await post({ kind: 'ventana', name: 'V2', parentId: banca.id });
    const clients = [];
    for (let i = 0; i < 5; i++) clients.push(await post({ kind: 'client', name: `C${i}` }));

    const list = (qs: string) => invoke(listParties, { path: `/ledger/parties${qs}`, token: adm });
    const all = await list('');
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(8);
    expect(all.body.nextCursor).toBeNull();

    const ventanas = await list('?kind=ventana');
    expect(ventanas.body.items.map((p: { id: string }) => p.id).sort()).toEqual([v1.id, v2.id].sort());
    const children = await list(`?parentId=${banca.id}`);
    expect(children.body.items).toHaveLength(2);
    expect((await list(`?parentId=${banca.id}&kind=client`)).body.items).toHaveLength(0);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(`?kind=client&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((p: { id: string }) => p.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(clients.map((c) => c.id).sort());
  });

  it('rejects bad query parameters', async () => {
    for (const qs of ['?limit=0', '?limit=101', '?limit=abc', '?kind=alien', '?parentId=', '?color=red', '?cursor=garbage']) {
      const res = await invoke(listParties, { path: `/ledger/parties${qs}`, token: admin });
      expect(res.status, qs).toBe(400);
    }
  });

  it('refuses a cursor of another list (never a DynamoDB error)', async () => {
    const first = await newParty({ kind: 'banca', name: 'B1' });
    await newParty({ kind: 'ventana', name: 'V', parentId: first.id });
    await newParty({ kind: 'ventana', name: 'V', parentId: first.id });
    const page = await invoke(listParties, { path: `/ledger/parties?parentId=${first.id}&limit=1`, token: admin });
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const misuse = await invoke(listParties, { path: `/ledger/parties?cursor=${page.body.nextCursor}`, token: admin });
    expect(misuse.status).toBe(400);
    expect(misuse.body.error.details).toEqual([{ field: 'cursor', message: 'Invalid cursor' }]);
  });
});

describe('PATCH and DELETE /ledger/parties/{id}', () => {
  it('updates allowed fields, clears optional ones with null, and audits before/after', async () => {
    const party = await newParty({ kind: 'client', name: 'Old', email: 'old@x.pe', externalId: 'E1' });
    const patch = (body: unknown) => invoke(updateParty, { method: 'PATCH', path: `/ledger/parties/${party.id}`, token: admin, body });

    // An externalId is set once (issue 13 item 13): null no longer clears it (ledger-lookups.test.ts), email shows clearing.
    const res = await patch({ name: 'New', email: null, taxId: '22222222-2' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: party.id, name: 'New', externalId: 'E1', taxId: '22222222-2', version: 2 });
    expect(res.body).not.toHaveProperty('email');

    for (const body of [{ kind: 'banca' }, { parentId: '1' }, { version: 9 }, {}, { taxId: '12345678-0' }, { active: 'no' }]) {
      expect((await patch(body)).status, JSON.stringify(body)).toBe(400);
    }

    const audit = await invoke(listAudit, { path: `/ledger/audit?entityId=${party.id}`, token: admin });
    expect(audit.status).toBe(200);
    const [update, create] = audit.body.items;
    expect(audit.body.items).toHaveLength(2);
    expect(update).toMatchObject({ action: 'PARTY_UPDATE', entityType: 'PARTY', entityId: party.id, actor: 'admin-1' });
    expect(update.before).toMatchObject({ name: 'Old', email: 'old@x.pe', version: 1 });
    expect(update.after).toMatchObject({ name: 'New', version: 2 });
    expect(create).toMatchObject({ action: 'PARTY_CREATE', after: { name: 'Old' } });
    expect(create).not.toHaveProperty('before');
  });

  it('deactivates on DELETE, harmlessly when repeated, and can reactivate', async () => {
    const party = await newParty({ kind: 'employee', name: 'Rosa' });
    const del = () => invoke(deleteParty, { method: 'DELETE', path: `/ledger/parties/${party.id}`, token: admin });
    const first = await del();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: party.id, active: false, version: 2 });
    const second = await del();
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ active: false, version: 2 });

    const audit = await invoke(listAudit, { path: `/ledger/audit?entityId=${party.id}`, token: admin });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['PARTY_DEACTIVATE', 'PARTY_CREATE']);
    expect(audit.body.items[0]).toMatchObject({ before: { active: true }, after: { active: false } });

    const back = await invoke(updateParty, { method: 'PATCH', path: `/ledger/parties/${party.id}`, token: admin, body: { active: true } });
    expect(back.body).toMatchObject({ active: true, version: 3 });
  });

  it('answers 404 for unknown ids and 400 for malformed ones, never 500', async () => {
    expect((await invoke(getParty, { path: '/ledger/parties/123456789', token: admin })).status).toBe(404);
    expect((await invoke(deleteParty, { method: 'DELETE', path: '/ledger/parties/123456789', token: admin })).status).toBe(404);
    expect((await invoke(updateParty, { method: 'PATCH', path: '/ledger/parties/123456789', token: admin, body: { name: 'x' } })).status).toBe(404);
    for (const id of ['abc', '0', '-1', '1.5', '99999999999999999999', 'PARTY%23x']) {
      const res = await invoke(getParty, { path: `/ledger/parties/${id}`, token: admin });
      expect(res.status, id).toBe(400);
    }
  });
});
