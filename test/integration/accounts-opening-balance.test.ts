/**
 * Opening balances (issue 13 item 14) through `PUT /ledger/parties/{id}/opening-balance` and the
 * accounts statements that carry them, against DynamoDB Local with real tokens.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as createParty from '../../functions/ledger/create-party.js';
import * as getParty from '../../functions/ledger/get-party.js';
import * as listAudit from '../../functions/ledger/list-audit.js';
import * as setOpeningBalance from '../../functions/ledger/set-opening-balance.js';
import { invoke, newTenant, token } from '../support/index.js';
import { activity, dayOffset, type Network, network, pay, paymentBody, statement } from './accounts-fixtures.js';

let n: Network;

beforeAll(async () => {
  n = await network();
});

const put = (id: string, body: unknown, tokenValue = n.tokens.admin) =>
  invoke(setOpeningBalance, { method: 'PUT', path: `/ledger/parties/${id}/opening-balance`, token: tokenValue, body });
const party = async (id: string) => (await invoke(getParty, { path: `/ledger/parties/${id}`, token: n.tokens.admin })).body;
/** remainingBalance and accumulatedBalance of a day, in major units (CRC). */
const balances = async (dim: Record<string, string>, date: string) => {
  const res = await statement(n.tokens.admin, { ...dim, date });
  expect(res.status, res.text).toBe(200);
  return [res.body.data.remainingBalance, res.body.data.accumulatedBalance] as const;
};

describe('PUT /ledger/parties/{id}/opening-balance', () => {
  it('carries the amount into every statement from its date on; replacing it applies the difference; the same again writes nothing', async () => {
    const dim = { ventanaId: n.V1 };
    expect((await activity(n.tokens.admin, { ...dim, date: '2024-03-15', totalSales: 500, totalPayouts: 200, commission: 0 })).status).toBe(200);

    const set = await put(n.V1, { amount: 100_000, currency: 'CRC', date: '2024-03-10' });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ id: n.V1, kind: 'ventana', openingBalance: { amount: 100_000, currency: 'CRC', date: '2024-03-10' }, version: 2 });
    expect(await party(n.V1)).toEqual(set.body);

    // Before the date: nothing; from it on: carried (1000.00); accumulatedBalance is the month's balance only.
    expect(await balances(dim, '2024-03-09')).toEqual([0, 0]);
    expect(await balances(dim, '2024-03-10')).toEqual([1000, 0]);
    expect(await balances(dim, '2024-03-15')).toEqual([1300, 300]);
    expect(await balances(dim, '2024-04-01')).toEqual([1300, 0]);
    const period = await statement(n.tokens.admin, { month: '2024-03', dimension: 'ventana', scope: 'all', ...dim });
    expect(period.status, period.text).toBe(200);
    expect(period.body.data.totals).toMatchObject({ totalBalance: 300, totalRemainingBalance: 1300 });

    // Replaced: another amount on another day (the old day gives it back).
    const moved = await put(n.V1, { amount: -25_050, date: '2024-03-12' });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ openingBalance: { amount: -25_050, currency: 'CRC', date: '2024-03-12' }, version: 3 });
    expect(await balances(dim, '2024-03-10')).toEqual([0, 0]);
    expect(await balances(dim, '2024-03-12')).toEqual([-250.5, 0]);
    expect(await balances(dim, '2024-03-15')).toEqual([49.5, 300]);

    // The same again: 200, nothing written (same version, no new audit entry).
    const again = await put(n.V1, { amount: -25_050, date: '2024-03-12' });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(3);
    const audit = await invoke(listAudit, { path: `/ledger/audit?entityId=${n.V1}`, token: n.tokens.admin });
    const entries = (audit.body.items as { action: string; after?: { openingBalance?: unknown } }[]).filter((e) => e.action === 'ACCOUNT_OPENING_BALANCE_SET');
    expect(entries).toHaveLength(2);
    expect(entries[0]!.after?.openingBalance).toEqual({ amount: -25_050, currency: 'CRC', date: '2024-03-12' });

    // A payment after it moves the balance on top of it.
    expect((await pay(n.tokens.admin, paymentBody(dim, { date: '2024-03-20', amount: 49.5 }))).status).toBe(201);
    expect(await balances(dim, '2024-03-20')).toEqual([0, 300]);
  });

  it('400 for bad input, nothing written', async () => {
    const bad: [unknown, string][] = [
      [{ amount: 10.5, date: '2024-01-01' }, 'amount'],
      [{ amount: '100', date: '2024-01-01' }, 'amount'],
      [{ amount: 100 }, 'date'],
      [{ amount: 100, date: '2024-02-30' }, 'date'],
      [{ amount: 100, date: '2024-01-01', currency: 'USD' }, 'currency'],
      [{ amount: 100, date: '2024-01-01', note: 'x' }, 'note'],
      [{ amount: 100, date: dayOffset(2) }, 'date'],
    ];
    for (const [body, field] of bad) {
      const res = await put(n.V2, body);
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field).join()).toContain(field);
    }
    expect((await put(n.V2, { amount: 100, date: dayOffset(2) })).body.error.code).toBe('FUTURE_DATE');
    expect(await party(n.V2)).toMatchObject({ version: 1 });
    expect((await party(n.V2)).openingBalance).toBeUndefined();
    expect(await balances({ ventanaId: n.V2 }, dayOffset(0))).toEqual([0, 0]);
  });

  it('only ADMIN; another tenant\'s party is a 404; a settled day is a 409', async () => {
    const forbidden = await put(n.S1, { amount: 100, date: '2024-01-01' }, n.tokens.ventana);
    expect(forbidden.status).toBe(403);
    const stranger = await token({ role: 'ADMIN', tenant: newTenant() });
    const elsewhere = await put(n.S1, { amount: 100, date: '2024-01-01' }, stranger);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.code).toBe('NOT_FOUND');

    // Settled on 2024-02-01: the opening balance can go neither there nor leave from there.
    expect((await pay(n.tokens.admin, paymentBody({ vendedorId: n.S1 }, { date: '2024-02-01', amount: 1, isFinal: true }))).status).toBe(201);
    const settled = await put(n.S1, { amount: 100, date: '2024-02-01' });
    expect(settled.status, settled.text).toBe(409);
    expect(settled.body.error.code).toBe('STATEMENT_SETTLED');
    expect((await put(n.S1, { amount: 100, date: '2024-01-31' })).status).toBe(200);
    expect(await party(n.S1)).toMatchObject({ openingBalance: { amount: 100, date: '2024-01-31' }, version: 2 });
    expect(await balances({ vendedorId: n.S1 }, '2024-02-01')).toEqual([0, 0]);
    // A party that is not an accounts entity has none.
    const client = await invoke(createParty, { method: 'POST', path: '/ledger/parties', token: n.tokens.admin, body: { kind: 'client', name: 'Cliente' } });
    const refused = await put(client.body.id, { amount: 1, date: '2024-01-01' });
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.error.details).toEqual([{ field: 'id', message: expect.any(String) }]);
  });
});
