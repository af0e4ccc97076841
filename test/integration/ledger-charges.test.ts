/** Charges through the handler modules, against DynamoDB Local, with real tokens. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as createCharge from '../../functions/ledger/create-charge.js';
import * as createParty from '../../functions/ledger/create-party.js';
import * as deleteCharge from '../../functions/ledger/delete-charge.js';
import * as getCharge from '../../functions/ledger/get-charge.js';
import * as listAudit from '../../functions/ledger/list-audit.js';
import * as listCharges from '../../functions/ledger/list-charges.js';
import * as updateCharge from '../../functions/ledger/update-charge.js';
import { localDateTime } from '../../shared/domain/dates.js';
import { applyToCharge } from '../../shared/store/charges.js';
import { saveTenant } from '../support/tenants.js';
import { transact } from '../../shared/store/tx.js';
import { invoke, newTenant, token } from '../support/index.js';

let tenant: string;
let admin: string;
let client: { id: string };

const TZ = 'America/Lima';
const today = () => localDateTime(new Date(), TZ).date;
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const post = (body: unknown, headers?: Record<string, string>) =>
  invoke(createCharge, { method: 'POST', path: '/ledger/charges', token: admin, body, ...(headers ? { headers } : {}) });
const patch = (id: string, body: unknown) => invoke(updateCharge, { method: 'PATCH', path: `/ledger/charges/${id}`, token: admin, body });

async function party(body: Record<string, unknown>) {
  const res = await invoke(createParty, { method: 'POST', path: '/ledger/parties', token: admin, body });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string };
}

async function charge(body: Record<string, unknown>) {
  const res = await post({ kind: 'work_order', partyId: client.id, amount: 15000, currency: 'PEN', ...body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

beforeAll(async () => {
  tenant = newTenant();
  await saveTenant(tenant, { timeZone: TZ, currency: 'PEN' });
  admin = await token({ role: 'ADMIN', tenant, sub: 'admin-charges' });
  client = await party({ kind: 'client', name: 'Cliente' });
});

describe('POST /ledger/charges', () => {
  it('creates a charge rendered with money objects and derived amounts', async () => {
    const res = await post({
      kind: 'community_charge',
      partyId: client.id,
      amount: 15000,
      currency: 'PEN',
      description: 'Cuota de mantenimiento',
      issueDate: shift(today(), -3),
      dueDate: shift(today(), 10),
      lateFee: 500,
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[1-9]\d*$/),
      kind: 'community_charge',
      partyId: client.id,
      amount: { amount: 15000, currency: 'PEN' },
      currency: 'PEN',
      lateFee: { amount: 500, currency: 'PEN' },
      paidAmount: { amount: 0, currency: 'PEN' },
      outstanding: { amount: 15500, currency: 'PEN' },
      status: 'pending',
      description: 'Cuota de mantenimiento',
      issueDate: shift(today(), -3),
      dueDate: shift(today(), 10),
      voided: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
    const read = await invoke(getCharge, { path: `/ledger/charges/${res.body.id}`, token: admin });
    expect(read.body).toEqual(res.body);
  });

  it('accepts the amount as {amount, currency} too', async () => {
    const res = await post({ kind: 'document', partyId: client.id, amount: { amount: 119000, currency: 'CLP' }, number: '1234', code: '33' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ amount: { amount: 119000, currency: 'CLP' }, currency: 'CLP', number: '1234', code: '33' });
    const mismatch = await post({ kind: 'document', partyId: client.id, amount: { amount: 1, currency: 'CLP' }, currency: 'PEN' });
    expect(mismatch.status).toBe(400);
  });

  it('derives overdue from the due date in the tenant time zone', async () => {
    const overdue = await charge({ dueDate: shift(today(), -1) });
    expect(overdue.status).toBe('overdue');
    const dueToday = await charge({ dueDate: today() });
    expect(dueToday.status).toBe('pending');
  });

  it('rejects bad money, currencies, dates and unknown fields with 400', async () => {
    const base = { kind: 'work_order', partyId: client.id, amount: 100, currency: 'PEN' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, amount: 10.5 }, 'amount'],
      [{ ...base, amount: -100 }, 'amount'],
      [{ ...base, amount: 0 }, 'amount'],
      [{ ...base, amount: '100' }, 'amount'],
      [{ ...base, currency: 'EUR' }, 'currency'],
      [{ ...base, currency: undefined }, 'currency'],
      [{ ...base, lateFee: -1 }, 'lateFee'],
      [{ ...base, lateFee: 0.5 }, 'lateFee'],
      [{ ...base, dueDate: '2025-02-30' }, 'dueDate'],
      [{ ...base, issueDate: '2025-03-01', dueDate: '2025-02-01' }, 'dueDate'],
      [{ ...base, kind: 'tip' }, 'kind'],
      [{ ...base, status: 'paid' }, 'status'],
      [{ ...base, paidAmount: 100 }, 'paidAmount'],
      [{ ...base, partyId: 'x' }, 'partyId'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field), JSON.stringify(body)).toContain(field);
    }
  });

  it('needs the party to exist (404) and community/contract to be of their kind (400)', async () => {
    expect((await post({ kind: 'work_order', partyId: '987654321', amount: 100, currency: 'PEN' })).status).toBe(404);
    const community = await party({ kind: 'community', name: 'Condominio' });
    const contract = await party({ kind: 'contract', name: 'Depto 101', parentId: community.id });
    const ok = await charge({ kind: 'community_charge', communityId: community.id, contractId: contract.id });
    expect(ok).toMatchObject({ communityId: community.id, contractId: contract.id });
    expect((await post({ kind: 'community_charge', partyId: client.id, amount: 1, currency: 'PEN', communityId: contract.id })).status).toBe(400);
    expect((await post({ kind: 'community_charge', partyId: client.id, amount: 1, currency: 'PEN', contractId: '987654321' })).status).toBe(404);
  });

  it('is idempotent under an Idempotency-Key', async () => {
    const key = { 'idempotency-key': `charge-${Date.now()}` };
    const body = { kind: 'work_order', partyId: client.id, amount: 777, currency: 'PEN' };
    const first = await post(body, key);
    const again = await post(body, key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect((await post({ ...body, amount: 778 }, key)).status).toBe(422);
  });
});

describe('GET /ledger/charges', () => {
  it('filters by party, kind and derived status, and pages', async () => {
    const t = newTenant();
    const adm = await token({ role: 'ADMIN', tenant: t });
    const p = (await invoke(createParty, { method: 'POST', path: '/ledger/parties', token: adm, body: { kind: 'resident', name: 'R' } })).body;
    const q = (await invoke(createParty, { method: 'POST', path: '/ledger/parties', token: adm, body: { kind: 'client', name: 'Q' } })).body;
    const mk = async (body: Record<string, unknown>) =>
      (await invoke(createCharge, { method: 'POST', path: '/ledger/charges', token: adm, body: { amount: 1000, currency: 'USD', ...body } })).body;
    const overdue = await mk({ kind: 'resident_charge', partyId: p.id, dueDate: '2020-01-01' });
    const pending = await mk({ kind: 'resident_charge', partyId: p.id, dueDate: '2999-01-01' });
    const wo = await mk({ kind: 'work_order', partyId: p.id });
    const other = await mk({ kind: 'work_order', partyId: q.id });
    await transact([['apply', applyToCharge(t, pending.id, 400)]]);

    const list = async (qs: string) => {
      const res = await invoke(listCharges, { path: `/ledger/charges${qs}`, token: adm });
      expect(res.status, res.text).toBe(200);
      return res.body as { items: { id: string; status: string; paidAmount: { amount: number } }[]; nextCursor: string | null };
    };
    const ids = (page: { items: { id: string }[] }) => page.items.map((c) => c.id).sort();

    expect(ids(await list(''))).toEqual([overdue.id, pending.id, wo.id, other.id].sort());
    expect(ids(await list(`?partyId=${p.id}`))).toEqual([overdue.id, pending.id, wo.id].sort());
    expect(ids(await list(`?partyId=${p.id}&kind=resident_charge`))).toEqual([overdue.id, pending.id].sort());
    expect(ids(await list('?kind=work_order'))).toEqual([wo.id, other.id].sort());
    expect(ids(await list('?status=overdue'))).toEqual([overdue.id]);
    const partial = await list(`?partyId=${p.id}&status=partially_paid`);
    expect(partial.items).toEqual([expect.objectContaining({ id: pending.id, paidAmount: { amount: 400, currency: 'USD' }, outstanding: { amount: 600, currency: 'USD' } })]);
    expect((await list('?partyId=123456789')).items).toEqual([]);

    // Pages of a filtered list hold at most `limit` items and together hold them all.
    const seen: string[] = [];
    let cursor: string | null = null;
    let rounds = 0;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(`?status=pending&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor && ++rounds < 10);
    expect(seen.sort()).toEqual([wo.id, other.id].sort());
  });

  it('rejects bad filters', async () => {
    for (const qs of ['?status=late', '?kind=x', '?partyId=abc', '?limit=500', '?foo=1']) {
      expect((await invoke(listCharges, { path: `/ledger/charges${qs}`, token: admin })).status, qs).toBe(400);
    }
  });
});

describe('PATCH /ledger/charges/{id}', () => {
  it('updates amounts and dates, clears with null, and audits before/after', async () => {
    const c = await charge({ dueDate: shift(today(), 5), lateFee: 100, description: 'x' });
    const res = await patch(c.id, { amount: 20000, lateFee: null, description: null, dueDate: shift(today(), 30) });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ amount: { amount: 20000, currency: 'PEN' }, outstanding: { amount: 20000, currency: 'PEN' }, version: 2 });
    expect(res.body).not.toHaveProperty('lateFee');
    expect(res.body).not.toHaveProperty('description');

    const audit = (await invoke(listAudit, { path: `/ledger/audit?entityId=${c.id}`, token: admin })).body.items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['CHARGE_UPDATE', 'CHARGE_CREATE']);
    expect(audit[0].before).toMatchObject({ amount: 15000, lateFee: 100, version: 1 });
    expect(audit[0].after).toMatchObject({ amount: 20000, version: 2 });
    expect(audit[0].after).not.toHaveProperty('lateFee');
  });

  it('keeps the rules: no kind/party/paid changes, no going below what is paid, no currency change once paid', async () => {
    const c = await charge({});
    for (const body of [{ kind: 'document' }, { partyId: client.id }, { paidAmount: 1 }, { status: 'paid' }, {}, { amount: 1.5 }, { currency: 'XXX' }]) {
      expect((await patch(c.id, body)).status, JSON.stringify(body)).toBe(400);
    }
    await transact([['apply', applyToCharge(tenant, c.id, 10000)]]);
    expect((await patch(c.id, { amount: 9999 })).status).toBe(409);
    expect((await patch(c.id, { currency: 'USD' })).status).toBe(409);
    const ok = await patch(c.id, { amount: 10000 });
    expect(ok.body).toMatchObject({ status: 'paid', outstanding: { amount: 0, currency: 'PEN' } });
  });

  it('changes the currency of an unpaid charge only consistently', async () => {
    const c = await charge({ lateFee: 10 });
    expect((await patch(c.id, { currency: 'USD', amount: { amount: 5, currency: 'PEN' } })).status).toBe(400);
    const res = await patch(c.id, { currency: 'USD' });
    expect(res.body).toMatchObject({ amount: { amount: 15000, currency: 'USD' }, lateFee: { amount: 10, currency: 'USD' } });
  });
});

describe('DELETE /ledger/charges/{id}', () => {
  it('voids, harmlessly when repeated; a void charge no longer changes', async () => {
    const c = await charge({});
    const del = () => invoke(deleteCharge, { method: 'DELETE', path: `/ledger/charges/${c.id}`, token: admin });
    const first = await del();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ voided: true, status: 'void', outstanding: { amount: 0, currency: 'PEN' }, version: 2 });
    expect((await del()).body).toMatchObject({ voided: true, version: 2 });
    expect((await patch(c.id, { amount: 1 })).status).toBe(409);
    const audit = (await invoke(listAudit, { path: `/ledger/audit?entityId=${c.id}`, token: admin })).body.items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['CHARGE_VOID', 'CHARGE_CREATE']);
    expect(audit[0]).toMatchObject({ before: { voided: false }, after: { voided: true } });
  });

  it('refuses to void a charge with payments applied', async () => {
    const c = await charge({});
    await transact([['apply', applyToCharge(tenant, c.id, 1)]]);
    expect((await invoke(deleteCharge, { method: 'DELETE', path: `/ledger/charges/${c.id}`, token: admin })).status).toBe(409);
  });

  it('answers 404 for unknown ids and 400 for malformed ones', async () => {
    expect((await invoke(deleteCharge, { method: 'DELETE', path: '/ledger/charges/123456789', token: admin })).status).toBe(404);
    expect((await invoke(getCharge, { path: '/ledger/charges/123456789', token: admin })).status).toBe(404);
    expect((await invoke(getCharge, { path: '/ledger/charges/x1', token: admin })).status).toBe(400);
  });
});
