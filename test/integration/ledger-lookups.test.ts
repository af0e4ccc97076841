/**
 * Unique lookups through the ledger API: a tax id among a tenant's parties of one kind, a
 * document's SII code + folio, a charge's external id (case-insensitive). 409 on a duplicate, on
 * create and update, even under concurrency; a released value can be taken again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as createCharge from '../../functions/ledger/create-charge.js';
import * as createParty from '../../functions/ledger/create-party.js';
import * as updateCharge from '../../functions/ledger/update-charge.js';
import * as listParties from '../../functions/ledger/list-parties.js';
import * as updateParty from '../../functions/ledger/update-party.js';
import { findPartyByRef } from '../../shared/ledger/parties/resolve-party.js';
import { backfillLookups, chargeByExternalId, documentByFolio, partyByExternalId, partyByTaxId } from '../../shared/store/holders.js';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import * as createPaymentByTaxId from '../../functions/receivables/create-payment-by-tax-id.js';
import { newId } from '../../shared/ids.js';
import { charges } from '../../shared/store/charges.js';
import { db } from '../../shared/store/client.js';
import { findByLookup } from '../../shared/store/lookups.js';
import { parties } from '../../shared/store/parties.js';
import { saveTenant } from '../support/tenants.js';
import { invoke, newTenant, token } from '../support/index.js';

const tenant = newTenant();
let admin: string;
const party = (body: unknown) => invoke(createParty, { method: 'POST', path: '/ledger/parties', token: admin, body });
const charge = (body: unknown) => invoke(createCharge, { method: 'POST', path: '/ledger/charges', token: admin, body });

beforeAll(async () => {
  await saveTenant(tenant, { timeZone: 'America/Santiago', currency: 'CLP' });
  admin = await token({ role: 'ADMIN', tenant });
});

describe('tax id per kind', () => {
  it('refuses a second client with the same RUT (409), even concurrently; another kind may share it', async () => {
    const results = await Promise.all([1, 2, 3].map(() => party({ kind: 'client', name: 'Cliente', taxId: '76.453.707-6' })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(results.find((r) => r.status === 409)!.body.error).toMatchObject({ code: 'CONFLICT', details: [{ field: 'taxId' }] });
    expect((await party({ kind: 'employee', name: 'Empleado', taxId: '76453707-6' })).status).toBe(201);
    const holder = results.find((r) => r.status === 201)!.body;
    expect((await partyByTaxId(tenant, 'client', '76453707-6'))?.id).toBe(holder.id);
  });

  it('moves a tax id on update: the old value is free again, a taken one is a 409', async () => {
    const a = (await party({ kind: 'client', name: 'A', taxId: 'aca0401281aa' })).body;
    const b = (await party({ kind: 'client', name: 'B', taxId: 'GIN140609RE5' })).body;
    const patch = (id: string, body: unknown) => invoke(updateParty, { method: 'PATCH', path: `/ledger/parties/${id}`, token: admin, body });
    expect((await patch(b.id, { taxId: 'ACA0401281AA' })).status).toBe(409);
    expect((await patch(a.id, { taxId: null })).status).toBe(200);
    expect(await partyByTaxId(tenant, 'client', 'ACA0401281AA')).toBeUndefined();
    expect((await patch(b.id, { taxId: 'ACA0401281AA' })).status).toBe(200);
    expect((await partyByTaxId(tenant, 'client', 'aca0401281aa'))?.id).toBe(b.id);
    expect((await party({ kind: 'client', name: 'C', taxId: 'GIN140609RE5' })).status).toBe(201);
  });
});

describe('documents by folio and charges by external id', () => {
  it('refuses a second document with the same code and folio, and a second charge with the same external id in any case', async () => {
    const client = (await party({ kind: 'client', name: 'Docs' })).body;
    const doc = { kind: 'document', partyId: client.id, amount: 1000, currency: 'CLP', code: '33', number: '135' };
    const first = await charge(doc);
    expect(first.status).toBe(201);
    expect((await charge(doc)).status).toBe(409);
    expect((await charge({ ...doc, code: '34' })).status).toBe(201);
    expect((await documentByFolio(tenant, '33', '135'))?.id).toBe(first.body.id);

    const uuid = '7B3367B8-FBB4-47C2-8E33-A640D4FC8C8E';
    const mx = await charge({ kind: 'document', partyId: client.id, amount: 95796, currency: 'MXN', externalId: uuid });
    expect(mx.status).toBe(201);
    expect(mx.body.externalId).toBe(uuid);
    const dup = await charge({ kind: 'document', partyId: client.id, amount: 1, currency: 'MXN', externalId: uuid.toLowerCase() });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details).toEqual([{ field: 'externalId', message: expect.stringMatching(/already used/) }]);
    expect((await chargeByExternalId(tenant, uuid.toLowerCase()))?.id).toBe(mx.body.id);

    const patch = (id: string, body: unknown) => invoke(updateCharge, { method: 'PATCH', path: `/ledger/charges/${id}`, token: admin, body });
    expect((await patch(first.body.id, { number: '136' })).status).toBe(200);
    expect((await charge(doc)).status).toBe(201);
  });
});

describe('parties and charges written before the lookups existed', () => {
  it('are found by createPaymentByTaxId after a first miss backfills the tenant; a value two of them share stays with one', async () => {
    const old = newTenant();
    await saveTenant(old, { timeZone: 'America/Santiago', currency: 'CLP' });
    const stamp = { active: true, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', version: 1 };
    // The old shape: the entity item alone (what the ledger API wrote before lookups), no lookup item.
    const legacy = async (item: ReturnType<typeof parties.put>) => db().send(new PutCommand(item.Put as never));
    const client = { id: newId(), kind: 'client' as const, name: 'Cliente antiguo', taxId: '76453707-6', ...stamp };
    const twin = { id: newId(), kind: 'client' as const, name: 'Duplicado antiguo', taxId: '11111111-1', ...stamp };
    const twin2 = { ...twin, id: newId() };
    for (const p of [client, twin, twin2]) await legacy(parties.put(old, p));
    const doc = { id: newId(), kind: 'document' as const, partyId: client.id, amount: 5000, currency: 'CLP' as const, paidAmount: 0, code: '33', number: '777', voided: false, ...stamp };
    await legacy(charges.put(old, doc));
    expect((await findByLookup(old, { name: 'tax-id:client', value: '76453707-6' }))).toBeUndefined();

    const oldAdmin = await token({ role: 'ADMIN', tenant: old });
    const res = await invoke(createPaymentByTaxId, {
      method: 'POST',
      path: '/v1/createPaymentByTaxId',
      token: oldAdmin,
      body: { taxId: '76453707-6', date: '2024-02-01', total: 5000, currency: 'CLP', documents: [{ number: '777', code: '33', amount: 5000 }] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.client).toMatchObject({ id: client.id });
    expect(res.body.documents).toEqual([expect.objectContaining({ document: expect.objectContaining({ id: doc.id }) })]);
    // The walk is complete and remembered: the uniqueness now holds for the old values too.
    const again = await backfillLookups(old);
    expect(again).toEqual({ complete: true, claimed: 0, taken: [] });
    const dup = await invoke(createParty, { method: 'POST', path: '/ledger/parties', token: oldAdmin, body: { kind: 'client', name: 'Nuevo', taxId: '76453707-6' } });
    expect(dup.status).toBe(409);
    const shared = await partyByTaxId(old, 'client', '11111111-1');
    expect([twin.id, twin2.id]).toContain(shared?.id);
  });

  it('walks a bounded number of entities per call, resuming where it stopped', async () => {
    const old = newTenant();
    await saveTenant(old, { timeZone: 'America/Santiago', currency: 'CLP' });
    const stamp = { active: true, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', version: 1 };
    const made = Array.from({ length: 5 }, (_, i) => ({ id: newId(), kind: 'client' as const, name: `C${i}`, taxId: `${10_000_000 + i}-K`, ...stamp }));
    for (const p of made) await db().send(new PutCommand(parties.put(old, p).Put as never));
    const steps = [];
    for (let i = 0; i < 4; i++) steps.push(await backfillLookups(old, 2));
    expect(steps.map((s) => s.claimed)).toEqual([2, 2, 1, 0]);
    expect(steps.at(-1)!.complete).toBe(true);
    for (const p of made) expect((await findByLookup(old, { name: 'tax-id:client', value: p.taxId.toUpperCase() }))).toBe(p.id);
  });
});

describe('party external ids (issue 13 item 13)', () => {
  const patch = (id: string, body: unknown) => invoke(updateParty, { method: 'PATCH', path: `/ledger/parties/${id}`, token: admin, body });
  const list = (query: Record<string, string>) => invoke(listParties, { method: 'GET', path: `/ledger/parties?${new URLSearchParams(query)}`, token: admin });

  it('are unique per tenant and kind in any case (409 naming externalId, nothing written); another kind or tenant may share one', async () => {
    const banca = (await party({ kind: 'banca', name: 'Banca Uno', externalId: 'BANCA-001' })).body;
    expect(banca.externalId).toBe('BANCA-001');
    const dup = await party({ kind: 'banca', name: 'Otra banca', externalId: 'banca-001' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'CONFLICT', details: [{ field: 'externalId', message: expect.stringMatching(/already used/) }] });
    expect((await list({ kind: 'banca', limit: '100' })).body.items.filter((p: { name: string }) => p.name === 'Otra banca')).toEqual([]);
    expect((await party({ kind: 'ventana', name: 'Same code, other kind', externalId: 'banca-001' })).status).toBe(201);
    // Another tenant's externalId names nothing here, and its own is its own.
    const other = newTenant();
    await saveTenant(other, { timeZone: 'America/Santiago', currency: 'CLP' });
    expect((await invoke(createParty, { method: 'POST', path: '/ledger/parties', token: await token({ role: 'ADMIN', tenant: other }), body: { kind: 'banca', name: 'B', externalId: 'banca-001' } })).status).toBe(201);
    expect((await partyByExternalId(other, 'banca', 'BANCA-001'))?.id).not.toBe(banca.id);
    expect((await findPartyByRef(tenant, 'banca', 'Banca-001'))?.id).toBe(banca.id);

    // A child names its parent by the parent's externalId; Caja's id is stored. The list finds one by kind + externalId.
    const ventana = await party({ kind: 'ventana', name: 'Ventana Uno', parentId: 'banca-001', externalId: 'ventana-001' });
    expect(ventana.status, ventana.text).toBe(201);
    expect(ventana.body.parentId).toBe(banca.id);
    expect((await list({ kind: 'ventana', externalId: 'VENTANA-001' })).body).toEqual({ items: [expect.objectContaining({ id: ventana.body.id, externalId: 'ventana-001' })], nextCursor: null });
    expect((await list({ kind: 'ventana', parentId: 'banca-001' })).body.items.map((p: { id: string }) => p.id)).toEqual([ventana.body.id]);
    expect((await list({ externalId: 'ventana-001' })).status).toBe(400);
    expect((await party({ kind: 'ventana', name: 'Huérfana', parentId: 'banca-404' })).status).toBe(404);
  });

  it('are well formed, never another party’s Caja id, and set once (added later: yes; changed or removed: 409)', async () => {
    for (const bad of ['a#b', 'a/b', 'tab\there']) {
      const res = await party({ kind: 'client', name: 'Bad', externalId: bad });
      expect(res.status, bad).toBe(400);
      expect(res.body.error.details).toEqual([{ field: 'externalId', message: expect.any(String) }]);
    }
    const a = (await party({ kind: 'client', name: 'Sin código' })).body;
    const clash = await party({ kind: 'client', name: 'Clash', externalId: a.id });
    expect(clash.status).toBe(409);
    expect(clash.body.error.details).toEqual([{ field: 'externalId', message: expect.stringMatching(/is the id of another client/) }]);
    expect((await patch(a.id, { externalId: '2001' })).body).toMatchObject({ externalId: '2001', version: 2 });
    expect((await patch(a.id, { externalId: '2001', name: 'Con código' })).status).toBe(200);
    for (const change of [{ externalId: '2002' }, { externalId: null }]) {
      const res = await patch(a.id, change);
      expect(res.status).toBe(409);
      expect(res.body.error.details).toEqual([{ field: 'externalId', message: expect.stringMatching(/cannot be changed/) }]);
    }
    expect((await partyByExternalId(tenant, 'client', '2001'))?.id).toBe(a.id);
  });
});
