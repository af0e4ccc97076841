/** Tenant isolation and authorization of the ledger API: another tenant's ids look missing, roles are enforced. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as createCharge from '../../functions/ledger/create-charge.js';
import * as createParty from '../../functions/ledger/create-party.js';
import * as createPaymentMethod from '../../functions/ledger/create-payment-method.js';
import * as createUser from '../../functions/ledger/create-user.js';
import * as deleteCharge from '../../functions/ledger/delete-charge.js';
import * as deleteParty from '../../functions/ledger/delete-party.js';
import * as getCharge from '../../functions/ledger/get-charge.js';
import * as getParty from '../../functions/ledger/get-party.js';
import * as getSettings from '../../functions/ledger/get-settings.js';
import * as listAudit from '../../functions/ledger/list-audit.js';
import * as listCharges from '../../functions/ledger/list-charges.js';
import * as listParties from '../../functions/ledger/list-parties.js';
import * as listPaymentMethods from '../../functions/ledger/list-payment-methods.js';
import * as updateCharge from '../../functions/ledger/update-charge.js';
import * as updateParty from '../../functions/ledger/update-party.js';
import { ROLES } from '../../functions/routes.js';
import { invoke, newTenant, signedToken, tamper, token } from '../support/index.js';

let tenantA: string;
let tenantB: string;
let adminA: string;
let adminB: string;
let party: { id: string; version: number };
let banca: { id: string };
let charge: { id: string; version: number };

beforeAll(async () => {
  tenantA = newTenant();
  tenantB = newTenant();
  adminA = await token({ role: 'ADMIN', tenant: tenantA });
  adminB = await token({ role: 'ADMIN', tenant: tenantB });
  const post = async (module: typeof createParty | typeof createCharge, path: string, body: unknown) => {
    const res = await invoke(module, { method: 'POST', path, token: adminA, body });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  party = await post(createParty, '/ledger/parties', { kind: 'client', name: 'Only A' });
  banca = await post(createParty, '/ledger/parties', { kind: 'banca', name: 'Banca A' });
  await post(createParty, '/ledger/parties', { kind: 'ventana', name: 'V1', parentId: banca.id });
  await post(createParty, '/ledger/parties', { kind: 'ventana', name: 'V2', parentId: banca.id });
  charge = await post(createCharge, '/ledger/charges', { kind: 'work_order', partyId: party.id, amount: 5000, currency: 'PEN' });
  await post(createCharge, '/ledger/charges', { kind: 'work_order', partyId: party.id, amount: 6000, currency: 'PEN' });
});

describe('tenant B ADMIN against tenant A objects', () => {
  it('cannot read, patch or delete A party: 404, and A party is unchanged', async () => {
    const path = `/ledger/parties/${party.id}`;
    expect((await invoke(getParty, { path, token: adminB })).status).toBe(404);
    const patch = await invoke(updateParty, { method: 'PATCH', path, token: adminB, body: { name: 'Hacked' } });
    expect(patch.status).toBe(404);
    expect(patch.body.error).toEqual({ code: 'NOT_FOUND', message: 'Party not found', requestId: expect.any(String) });
    expect((await invoke(deleteParty, { method: 'DELETE', path, token: adminB })).status).toBe(404);
    const still = await invoke(getParty, { path, token: adminA });
    expect(still.body).toMatchObject({ name: 'Only A', active: true, version: party.version });
  });

  it('cannot read, patch or void A charge: 404, and A charge is unchanged', async () => {
    const path = `/ledger/charges/${charge.id}`;
    expect((await invoke(getCharge, { path, token: adminB })).status).toBe(404);
    expect((await invoke(updateCharge, { method: 'PATCH', path, token: adminB, body: { amount: 1 } })).status).toBe(404);
    expect((await invoke(deleteCharge, { method: 'DELETE', path, token: adminB })).status).toBe(404);
    const still = await invoke(getCharge, { path, token: adminA });
    expect(still.body).toMatchObject({ amount: { amount: 5000, currency: 'PEN' }, voided: false, version: charge.version });
  });

  it('cannot reference A parties from B writes (404)', async () => {
    expect((await invoke(createCharge, { method: 'POST', path: '/ledger/charges', token: adminB, body: { kind: 'work_order', partyId: party.id, amount: 1, currency: 'PEN' } })).status).toBe(404);
    expect((await invoke(createParty, { method: 'POST', path: '/ledger/parties', token: adminB, body: { kind: 'ventana', name: 'V', parentId: banca.id } })).status).toBe(404);
    expect((await invoke(createUser, { method: 'POST', path: '/ledger/users', token: adminB, body: { email: `x${Date.now()}@b.com`, role: 'EMPLOYEE', partyId: party.id } })).status).toBe(404);
  });

  it('sees none of A in lists or audit', async () => {
    expect((await invoke(listParties, { path: '/ledger/parties', token: adminB })).body.items).toEqual([]);
    expect((await invoke(listParties, { path: `/ledger/parties?parentId=${banca.id}`, token: adminB })).body.items).toEqual([]);
    expect((await invoke(listCharges, { path: `/ledger/charges?partyId=${party.id}`, token: adminB })).body.items).toEqual([]);
    expect((await invoke(listCharges, { path: '/ledger/charges', token: adminB })).body.items).toEqual([]);
    expect((await invoke(listAudit, { path: `/ledger/audit?entityId=${party.id}`, token: adminB })).body.items).toEqual([]);
  });

  it('cannot replay A list cursors: 400', async () => {
    const parties = await invoke(listParties, { path: '/ledger/parties?limit=1', token: adminA });
    const children = await invoke(listParties, { path: `/ledger/parties?parentId=${banca.id}&limit=1`, token: adminA });
    const charges = await invoke(listCharges, { path: '/ledger/charges?limit=1', token: adminA });
    const audit = await invoke(listAudit, { path: `/ledger/audit?entityId=${party.id}&limit=1`, token: adminA });
    await invoke(createPaymentMethod, { method: 'POST', path: '/ledger/payment-methods', token: adminA, body: { code: 'ONLY_A', name: 'A' } });
    const methods = await invoke(listPaymentMethods, { path: '/ledger/payment-methods?limit=1', token: adminA });
    const attempts: [Parameters<typeof invoke>[0], string][] = [
      [listParties, `/ledger/parties?limit=1&cursor=${parties.body.nextCursor}`],
      [listParties, `/ledger/parties?parentId=${banca.id}&limit=1&cursor=${children.body.nextCursor}`],
      [listCharges, `/ledger/charges?limit=1&cursor=${charges.body.nextCursor}`],
      [listAudit, `/ledger/audit?entityId=${party.id}&cursor=${audit.body.nextCursor}`],
      [listPaymentMethods, `/ledger/payment-methods?cursor=${methods.body.nextCursor}`],
    ];
    for (const [module, path] of attempts) {
      expect(path).not.toContain('cursor=null');
      const own = await invoke(module, { path, token: adminA });
      expect(own.status, `A: ${path}`).toBe(200);
      const res = await invoke(module, { path, token: adminB });
      expect(res.status, `B: ${path}`).toBe(400);
      expect(res.body.error.details).toEqual([{ field: 'cursor', message: 'Invalid cursor' }]);
    }
  });

  it('refuses forged cursors with 400, never a DynamoDB error', async () => {
    const enc = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const forged: [Parameters<typeof invoke>[0], string, unknown][] = [
      [listParties, '/ledger/parties', { pk: `T#${tenantA}#PARTY#1`, sk: 'PARTY', gsi1pk: `T#${tenantA}#PARTIES`, gsi1sk: '' }],
      [listParties, '/ledger/parties', { pk: `T#${tenantA}#PARTY#1`, sk: '', gsi1pk: `T#${tenantA}#PARTIES`, gsi1sk: 'client#1' }],
      [listParties, '/ledger/parties', { pk: `T#${tenantA}#PARTY#1`, sk: 'PARTY', gsi1pk: `T#${tenantA}#PARTIES`, gsi1sk: 'x'.repeat(2000) }],
      [listParties, '/ledger/parties', { pk: `T#${tenantA}#PARTY#1`, sk: 'PARTY', gsi1pk: `T#${tenantA}#PARTIES`, gsi1sk: 'a', extra: 'x' }],
      [listParties, '/ledger/parties', { pk: `T#${tenantA}#PARTY#1`, sk: 'PARTY' }],
      [listCharges, '/ledger/charges', { pk: `T#${tenantA}#CHARGE#1`, sk: 'CHARGE', gsi1pk: `T#${tenantA}#CHARGES`, gsi1sk: 'a' }],
      [listAudit, `/ledger/audit?entityId=${party.id}`, { pk: `T#${tenantA}#AUDIT#${party.id}`, sk: '' }],
      [listAudit, `/ledger/audit?entityId=${party.id}`, { pk: `T#${tenantA}#AUDIT#1`, sk: '1' }],
      [listPaymentMethods, '/ledger/payment-methods', { pk: `T#${tenantA}#PAYMENT_METHODS`, sk: '' }],
      [listPaymentMethods, '/ledger/payment-methods', { pk: `T#${tenantA}#PAYMENT_METHODS`, sk: 1 }],
      [listPaymentMethods, '/ledger/payment-methods', [1, 2]],
      // A well-formed key of the same partition, but outside the list's kind (begins_with) range.
      [listParties, '/ledger/parties?kind=employee', { pk: `T#${tenantA}#PARTY#1`, sk: 'PARTY', gsi1pk: `T#${tenantA}#PARTIES`, gsi1sk: 'client#1' }],
    ];
    for (const [module, path, key] of forged) {
      const res = await invoke(module, { path: `${path}${path.includes('?') ? '&' : '?'}cursor=${enc(key)}`, token: adminA });
      expect(res.status, `${path} ${JSON.stringify(key)}`).toBe(400);
    }
  });

  it('writes into its own tenant only, whatever the body says', async () => {
    const res = await invoke(createUser, { method: 'POST', path: '/ledger/users', token: adminB, body: { email: `b${Date.now()}@b.com`, role: 'ADMIN' } });
    expect(res.status).toBe(201);
    expect(res.body.tenant).toBe(tenantB);
    const methodsB = await invoke(listPaymentMethods, { path: '/ledger/payment-methods?limit=100', token: adminB });
    expect(methodsB.body.items.map((m: { code: string }) => m.code)).not.toContain('ONLY_A');
  });
});

describe('authorization', () => {
  it('refuses every non-ADMIN role with 403', async () => {
    for (const role of ROLES.filter((r) => r !== 'ADMIN')) {
      const t = await token({ role, tenant: tenantA, party: party.id });
      const read = await invoke(getParty, { path: `/ledger/parties/${party.id}`, token: t });
      expect(read.status, role).toBe(403);
      expect(read.body.error.code).toBe('FORBIDDEN');
      const write = await invoke(createParty, { method: 'POST', path: '/ledger/parties', token: t, body: { kind: 'client', name: 'x' } });
      expect(write.status, role).toBe(403);
    }
  });

  it('refuses missing, tampered or tenant-less tokens', async () => {
    const employee = await token({ role: 'EMPLOYEE', tenant: tenantA });
    expect((await invoke(listParties, { path: '/ledger/parties' })).status).toBe(401);
    expect((await invoke(listParties, { path: '/ledger/parties', token: tamper(employee) })).status).toBe(401);
    const noTenant = await signedToken({ role: 'ADMIN', tenant: tenantA }, { unset: ['tenant_id'] });
    const refused = await invoke(listParties, { path: '/ledger/parties', token: noTenant });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ code: 'UNAUTHORIZED', message: 'Token carries no tenant' });
  });

  it('refuses a validly signed token of a tenant never created with 401, never defaults', async () => {
    const stranger = await token({ role: 'ADMIN', tenant: `never-created-${Date.now()}` });
    for (const [module, path] of [[listParties, '/ledger/parties'], [getSettings, '/ledger/settings']] as const) {
      const res = await invoke(module, { path, token: stranger });
      expect(res.status, path).toBe(401);
      expect(res.body.error).toMatchObject({ code: 'UNAUTHORIZED', message: 'Unknown tenant' });
    }
    const write = await invoke(createParty, { method: 'POST', path: '/ledger/parties', token: stranger, body: { kind: 'client', name: 'x' } });
    expect(write.status).toBe(401);
  });

  it('checks the role before the body: a 403 never reveals validation', async () => {
    const employee = await token({ role: 'EMPLOYEE', tenant: tenantA });
    const res = await invoke(createCharge, { method: 'POST', path: '/ledger/charges', token: employee, body: { junk: true } });
    expect(res.status).toBe(403);
  });
});
