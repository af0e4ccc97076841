/**
 * Issue 13, the limits of items 9 and 11, end to end through the local gateway with real tokens: a
 * period statement covers at most 500 entities, never answers past the Lambda response limit, and an
 * export stays within 4.5 MB of file and a PDF within 2,000 rows, each a 400 in the accounts envelope
 * naming the limit. The network and its day aggregates are written straight to the table with the
 * store's own item builders (what a request would write, in a few BatchWrites): 501 vendedores under
 * one ventana, and 50 under another, each with a whole year of days.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Party, PartyKind } from '../../shared/domain/parties.js';
import { newId } from '../../shared/ids.js';
import { accountDaysSeries, dayTotals } from '../../shared/store/aggregates/account-days.js';
import { completeMark, type Entry, treeItems } from '../../shared/store/aggregates/tree.js';
import { putItems } from '../../shared/store/batch-write.js';
import { parties } from '../../shared/store/parties.js';
import type { StatementDay } from '../../shared/store/statements.js';
import { api, claimsOf, newTenant, token } from '../support/index.js';

const BASE = '/api/v1/accounts';
const CROWDED = 501;
/** 50 vendedores × 366 days of activity, with long names: ~5.8 MB of CSV, ~10 MB of JSON. */
const BUSY = 50;
const YEAR = 'date=range&fromDate=2024-01-01&toDate=2024-12-31';
let admin: string;
let crowded: string;
let busy: string;
let oneBusy: string;

const DAY: Omit<StatementDay, 'date'> = {
  totalSales: 123_456_789, totalPayouts: 23_456_789, commission: 1_234_567, listeroCommission: 0, vendedorCommission: 1_234_567,
  totalPaid: 12_345_678, totalCollected: 0, ticketCount: 0, isSaldado: false, paymentCount: 1, activityVersion: 1,
};

function party(tenant: string, kind: PartyKind, name: string, parentId?: string): Party {
  const at = new Date().toISOString();
  return { id: newId(), kind, name, active: true, createdAt: at, updatedAt: at, version: 1, ...(parentId ? { parentId } : {}) };
}

/** A vendedor's day aggregates for every day of 2024, as a rebuild writes them (complete tree). */
function yearOfDays(tenant: string, entityId: string): Record<string, unknown>[] {
  const entries: Entry[] = [];
  for (let t = Date.parse('2024-01-01T00:00:00Z'); t <= Date.parse('2024-12-31T00:00:00Z'); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    entries.push({ key: date.replaceAll('-', ''), totals: dayTotals({ date, ...DAY }) });
  }
  const series = accountDaysSeries(tenant, entityId);
  const tree = treeItems(series, entries, () => ({ complete: completeMark(series), rev: 1 }));
  return [...tree.nodes, ...tree.roots];
}

beforeAll(async () => {
  const tenant = newTenant();
  admin = await token({ role: 'ADMIN', tenant, sub: 'e2e-limits-admin' });
  expect(claimsOf(admin).tenant_id).toBe(tenant);
  const banca = party(tenant, 'banca', 'Banca Límites');
  const [ventanaCrowded, ventanaBusy] = [party(tenant, 'ventana', 'Ventana Llena', banca.id), party(tenant, 'ventana', 'Ventana Activa', banca.id)];
  const many = Array.from({ length: CROWDED }, (_, i) => party(tenant, 'vendedor', `Vendedor ${i}`, ventanaCrowded.id));
  const active = Array.from({ length: BUSY }, (_, i) => party(tenant, 'vendedor', `${'Vendedor con un nombre muy largo '.repeat(6)}${i}`.slice(0, 200), ventanaBusy.id));
  const partyItems = [banca, ventanaCrowded, ventanaBusy, ...many, ...active].map((p) => parties.put(tenant, p).Put!.Item!);
  await putItems([...partyItems, ...active.flatMap((v) => yearOfDays(tenant, v.id))], 8);
  crowded = ventanaCrowded.id;
  busy = ventanaBusy.id;
  oneBusy = active[0]!.id;
}, 60_000);

const refusal = (code: string) => ({ success: false, message: expect.any(String), meta: expect.objectContaining({ code, requestId: expect.any(String) }) });

describe('item 9: period statement limits', () => {
  it('a scope of more than 500 entities is a 400 naming the limit (TOO_MANY_ENTITIES)', async () => {
    const res = await api('GET', `${BASE}/statement?month=2024-12&dimension=vendedor&scope=all&ventanaId=${crowded}`, { token: admin });
    expect(res.status, res.text).toBe(400);
    expect(res.body).toMatchObject(refusal('TOO_MANY_ENTITIES'));
    expect(res.body.message).toContain('500');
  });

  it('a year of the busy ventana would pass the Lambda response limit: a 400 naming it, not a 502', async () => {
    // One of its vendedores alone answers, with the figures written above.
    const single = await api('GET', `${BASE}/statement?month=2024-12&dimension=vendedor&scope=all&vendedorId=${oneBusy}`, { token: admin });
    expect(single.status, single.text.slice(0, 300)).toBe(200);
    expect(single.body.data.statements).toHaveLength(31);
    expect(single.body.data.totals.totalSales).toBe((31 * DAY.totalSales) / 100);

    const year = await api('GET', `${BASE}/statement?${YEAR}&dimension=vendedor&scope=all&ventanaId=${busy}`, { token: admin });
    expect(year.status, year.text.slice(0, 300)).toBe(400);
    expect(year.body).toMatchObject(refusal('RESPONSE_TOO_LARGE'));
    expect(year.body.message).toContain('6.30 MB');
  });
});

describe('item 11: export limits', () => {
  it('a file past 4.5 MB is a 400 naming the limit (EXPORT_TOO_LARGE)', async () => {
    const res = await api('GET', `${BASE}/export?format=csv&${YEAR}&dimension=vendedor&scope=all&ventanaId=${busy}`, { token: admin });
    expect(res.status, res.text.slice(0, 300)).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject(refusal('EXPORT_TOO_LARGE'));
    expect(res.body.message).toContain('4.50 MB');
  });

  it('a PDF of more than 2,000 rows is a 400 naming the limit (EXPORT_TOO_MANY_ROWS)', async () => {
    const res = await api('GET', `${BASE}/export?format=pdf&${YEAR}&dimension=vendedor&scope=all&ventanaId=${busy}`, { token: admin });
    expect(res.status, res.text.slice(0, 300)).toBe(400);
    expect(res.body).toMatchObject(refusal('EXPORT_TOO_MANY_ROWS'));
    expect(res.body.message).toContain('2000');
  });
});
