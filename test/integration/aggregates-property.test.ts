/**
 * Aggregate trees (shared/store/aggregates) against DynamoDB Local: after any random sequence of
 * creates, backdated creates, reversals, activity corrections, opening balances, soft deletes and backfills through
 * the handlers, every stored node slot equals the brute-force sum of what it covers, and the
 * answers built on them (remaining balance, history total, workorders page N) match the model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as createPago from '../../functions/workorders/create-payment.js';
import * as deletePago from '../../functions/workorders/delete-payment.js';
import * as listPagos from '../../functions/workorders/list-payments.js';
import * as setOpeningBalance from '../../functions/ledger/set-opening-balance.js';
import { dayNet } from '../../shared/domain/statements.js';
import { accountDaysSeries, rebuildAccountDays } from '../../shared/store/aggregates/account-days.js';
import { activePaymentsSeries, rebuildActivePayments } from '../../shared/store/aggregates/active-payments.js';
import { pathOf, shardOf, slotsOf, type NodeSlots } from '../../shared/store/aggregates/prefix-tree.js';
import type { Series } from '../../shared/store/aggregates/tree.js';
import { batchGet } from '../../shared/store/items.js';
import { keys } from '../../shared/store/keys.js';
import { invoke, newTenant, token } from '../support/index.js';
import { pagoBody, workOrderTenant } from '../support/ledger-fixtures.js';
import { activity, history, network, pay, reverse, statement } from './accounts-fixtures.js';

type Keyed = { key: string; totals: Record<string, number> };

/** Stored slots of every node on the paths of `keys`, per shard, zero totals dropped. */
async function storedNodes(series: Series, all: readonly string[]): Promise<Map<string, NodeSlots>> {
  const wanted = new Set<string>();
  for (const key of all) for (const { node } of pathOf(key, series.shape)) wanted.add(`${shardOf(key, series.shards)}|${node}`);
  const ids = [...wanted].map((id) => id.split('|') as [string, string]);
  const items = await batchGet<Record<string, unknown>>(ids.map(([shard, node]) => keys.aggregate(series.tenant, series.name, Number(shard), node)), true);
  const stored = new Map<string, NodeSlots>();
  ids.forEach(([shard, node], i) => stored.set(`${shard}|${node}`, withoutZeros(slotsOf(items[i]))));
  return stored;
}

/**
 * Brute force: for each node on those paths, each slot's sum over the entries under node + slot, of
 * the measures its level keeps (every one at the leaves, `shape.upper` above).
 */
function expectedNodes(series: Series, all: readonly string[], entries: readonly Keyed[]): Map<string, NodeSlots> {
  const expected = new Map<string, NodeSlots>();
  for (const key of all) {
    const shard = shardOf(key, series.shards);
    for (const { node } of pathOf(key, series.shape)) {
      const slots: NodeSlots = {};
      for (const entry of entries) {
        if (shardOf(entry.key, series.shards) !== shard || !entry.key.startsWith(node)) continue;
        const path = pathOf(entry.key, series.shape);
        const level = path.findIndex((step) => step.node === node);
        const leaf = level === path.length - 1;
        for (const [measure, value] of Object.entries(entry.totals)) {
          if (!leaf && series.shape.upper && !series.shape.upper.includes(measure)) continue;
          (slots[path[level]!.slot] ??= {})[measure] = (slots[path[level]!.slot]?.[measure] ?? 0) + value;
        }
      }
      expected.set(`${shard}|${node}`, withoutZeros(slots));
    }
  }
  return expected;
}

function withoutZeros(slots: NodeSlots): NodeSlots {
  const kept: NodeSlots = {};
  for (const [slot, totals] of Object.entries(slots)) {
    const nonZero = Object.entries(totals).filter(([, v]) => v !== 0);
    if (nonZero.length > 0) kept[slot] = Object.fromEntries(nonZero);
  }
  return kept;
}

interface ModelDay {
  totalSales: number;
  totalPayouts: number;
  commission: number;
  listero: number;
  vendedor: number;
  totalPaid: number;
  totalCollected: number;
  openingBalance: number;
  count: number;
  settled: boolean;
}

const modelBalance = (d: ModelDay) => d.totalSales - d.totalPayouts - d.listero - d.vendedor;

/** Every measure of the accounts tree for one day of the model (account-days.ts: n, c and DAY_MEASURES, x, b). */
const modelTotals = (d: ModelDay) => ({
  n: dayNet(d), c: d.count, s: d.totalSales, p: d.totalPayouts, l: d.listero, v: d.vendedor, d: d.totalPaid, k: d.totalCollected, x: d.settled ? 1 : 0,
  b: modelBalance(d),
});

const DAYS = ['2023-12-31', '2024-01-01', '2024-01-31', '2024-02-01', '2024-02-29', '2025-06-15'];

const accountOp = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('pay' as const), day: fc.nat(DAYS.length - 1), collection: fc.boolean(), amount: fc.integer({ min: 1, max: 1_000_000 }), isFinal: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('activity' as const),
      day: fc.nat(DAYS.length - 1),
      sales: fc.nat(5_000_000),
      payouts: fc.nat(2_000_000),
      // The documented `commission` alone (a vendedor's own: vendedorCommission), or the original's split.
      commission: fc.oneof(fc.nat(100_000), fc.record({ listero: fc.nat(60_000), vendedor: fc.nat(40_000) })),
    }),
  },
  // The entity's opening balance (issue 13 item 14): set, replaced, moved between days.
  { weight: 1, arbitrary: fc.record({ op: fc.constant('opening' as const), day: fc.nat(DAYS.length - 1), amount: fc.integer({ min: -1_000_000, max: 1_000_000 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rebuild' as const) }) },
);

describe('accounts aggregate tree', () => {
  it('every node equals the sum of the days it covers, and statements and history totals follow the model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(accountOp, { minLength: 1, maxLength: 12 }), async (ops) => {
        const n = await network();
        const admin = n.tokens.admin;
        const dim = { vendedorId: n.S1 };
        const days = new Map<string, ModelDay>();
        const dayOf = (date: string) => {
          if (!days.has(date)) {
            days.set(date, { totalSales: 0, totalPayouts: 0, commission: 0, listero: 0, vendedor: 0, totalPaid: 0, totalCollected: 0, openingBalance: 0, count: 0, settled: false });
          }
          return days.get(date)!;
        };
        const payments: { id: string; date: string; collection: boolean; minor: number; isFinal: boolean; reversed: boolean }[] = [];
        let opening: { date: string; amount: number } | undefined;
        for (const op of ops) {
          if (op.op === 'pay') {
            const date = DAYS[op.day]!;
            const res = await pay(admin, { ...dim, date, time: '10:00', amount: op.amount, type: op.collection ? 'collection' : 'payment', method: 'cash', isFinal: op.isFinal });
            const day = dayOf(date);
            expect(res.status, res.text).toBe(day.settled ? 409 : 201);
            if (res.status !== 201) continue;
            const minor = op.amount * 100;
            if (op.collection) day.totalCollected += minor;
            else day.totalPaid += minor;
            day.count += 1;
            if (op.isFinal) day.settled = true;
            payments.push({ id: String(res.body.data.payment.id), date, collection: op.collection, minor, isFinal: op.isFinal, reversed: false });
          } else if (op.op === 'reverse') {
            const open = payments.filter((p) => !p.reversed);
            if (open.length === 0) continue;
            const p = open[op.pick % open.length]!;
            const res = await reverse(admin, { paymentId: p.id, reason: 'property test' });
            expect(res.status, res.text).toBe(200);
            p.reversed = true;
            const day = dayOf(p.date);
            if (p.collection) day.totalCollected -= p.minor;
            else day.totalPaid -= p.minor;
            if (p.isFinal) day.settled = false;
          } else if (op.op === 'activity') {
            const date = DAYS[op.day]!;
            const split = typeof op.commission === 'number' ? { listero: 0, vendedor: op.commission } : op.commission;
            const commission = typeof op.commission === 'number' ? { commission: op.commission } : { listeroCommission: split.listero, vendedorCommission: split.vendedor };
            const res = await activity(admin, { ...dim, date, totalSales: op.sales, totalPayouts: op.payouts, ...commission });
            const day = dayOf(date);
            expect(res.status, res.text).toBe(day.settled ? 409 : 200);
            if (res.status !== 200) continue;
            Object.assign(day, {
              totalSales: op.sales * 100, totalPayouts: op.payouts * 100, commission: (split.listero + split.vendedor) * 100,
              listero: split.listero * 100, vendedor: split.vendedor * 100,
            });
          } else if (op.op === 'opening') {
            const date = DAYS[op.day]!;
            const res = await invoke(setOpeningBalance, { method: 'PUT', path: `/ledger/parties/${n.S1}/opening-balance`, token: admin, body: { amount: op.amount, date } });
            const unchanged = opening?.date === date && opening.amount === op.amount;
            const blocked = !unchanged && (dayOf(date).settled || (opening !== undefined && dayOf(opening.date).settled));
            expect(res.status, res.text).toBe(blocked ? 409 : 200);
            if (blocked) continue;
            if (opening) dayOf(opening.date).openingBalance = 0;
            dayOf(date).openingBalance = op.amount;
            opening = { date, amount: op.amount };
          } else {
            await rebuildAccountDays(n.tenant, n.S1);
          }
        }
        const series = accountDaysSeries(n.tenant, n.S1);
        const entries = [...days].map(([date, d]) => ({ key: date.replaceAll('-', ''), totals: modelTotals(d) }));
        const touched = entries.map((e) => e.key);
        expect(await storedNodes(series, touched)).toEqual(expectedNodes(series, touched, entries));

        // The answers built on it: remaining balance through each day, history totals; whether the
        // tree is complete yet (reads may answer from the statement days), and once it surely is.
        const answers = async () => {
          for (const date of [...DAYS.slice(0, 3), '2024-02-15', '2024-02-29']) {
            const expected = [...days].filter(([d]) => d <= date).reduce((sum, [, d]) => sum + dayNet(d), 0);
            const accumulated = [...days].filter(([d]) => d <= date && d >= `${date.slice(0, 7)}-01`).reduce((sum, [, d]) => sum + modelBalance(d), 0);
            const res = await statement(admin, { ...dim, date });
            expect(res.status, res.text).toBe(200);
            expect(Math.round(res.body.data.remainingBalance * 100)).toBe(expected);
            expect(Math.round(res.body.data.accumulatedBalance * 100)).toBe(accumulated);
            const day = days.get(date);
            expect(res.body.data).toMatchObject({
              isSettled: day?.settled ?? false,
              listeroCommission: (day?.listero ?? 0) / 100,
              vendedorCommission: (day?.vendedor ?? 0) / 100,
              totalPaymentsCollections: ((day?.totalPaid ?? 0) + (day?.totalCollected ?? 0)) / 100,
            });
          }
          // Period statements (issue 13 item 9) over January–February 2024, from the same nodes.
          const span = [...days].filter(([d]) => d >= '2024-01-01' && d <= '2024-02-29');
          const period = await statement(admin, { date: 'range', fromDate: '2024-01-01', toDate: '2024-02-29', dimension: 'vendedor', scope: 'all', ...dim });
          expect(period.status, period.text).toBe(200);
          const sum = (pick: (d: ModelDay) => number) => span.reduce((total, [, d]) => total + pick(d), 0) / 100;
          expect(period.body.data.totals).toEqual({
            totalSales: sum((d) => d.totalSales),
            totalPayouts: sum((d) => d.totalPayouts),
            totalListeroCommission: sum((d) => d.listero),
            totalVendedorCommission: sum((d) => d.vendedor),
            totalBalance: sum(modelBalance),
            totalPaid: sum((d) => d.totalPaid),
            totalCollected: sum((d) => d.totalCollected),
            totalRemainingBalance: [...days].filter(([d]) => d <= '2024-02-29').reduce((total, [, d]) => total + dayNet(d), 0) / 100,
            settledDays: span.filter(([, d]) => d.settled).length,
            pendingDays: 60 - span.filter(([, d]) => d.settled).length,
          });
          const [from, to] = ['2024-01-01', '2024-02-29'];
          const inRange = [...days].filter(([d]) => d >= from && d <= to).reduce((sum, [, d]) => sum + d.count, 0);
          const listed = await history(admin, { ...dim, from, to, page: 1, pageSize: 5 });
          expect(listed.status, listed.text).toBe(200);
          expect(listed.body.meta.total).toBe(inRange);
        };
        await answers();
        await rebuildAccountDays(n.tenant, n.S1);
        expect(await storedNodes(series, touched)).toEqual(expectedNodes(series, touched, entries));
        await answers();
      }),
      { numRuns: 6 },
    );
  }, 240_000);
});

const workOrderOp = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('create' as const) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rebuild' as const) }) },
);

describe('workorders active-payments tree (sharded)', () => {
  it('every node of every shard equals the count of the active ids it covers, and page N is the brute-force slice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(workOrderOp, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 4 }), async (ops, size) => {
        const tenant = newTenant();
        const refs = await workOrderTenant(tenant);
        const admin = await token({ role: 'ADMIN', tenant });
        const active = new Set<string>();
        const ever: string[] = [];
        for (const op of ops) {
          if (op.op === 'create') {
            const res = await invoke(createPago, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs, { monto: 10 }) });
            expect(res.status, res.text).toBe(201);
            const id = String(res.body.data.id);
            active.add(id);
            ever.push(id);
          } else if (op.op === 'delete') {
            const ids = [...active];
            if (ids.length === 0) continue;
            const id = ids[op.pick % ids.length]!;
            const res = await invoke(deletePago, { method: 'DELETE', path: `/api/pagos/${id}`, token: admin });
            expect(res.status, res.text).toBeLessThan(300);
            active.delete(id);
          } else {
            await rebuildActivePayments(tenant);
          }
        }
        const series = activePaymentsSeries(tenant);
        const entries = [...active].map((key) => ({ key, totals: { c: 1 } }));
        expect(await storedNodes(series, ever)).toEqual(expectedNodes(series, ever, entries));

        const sorted = [...active].sort();
        for (const page of [0, 1, Math.floor(sorted.length / size)]) {
          const res = await invoke(listPagos, { method: 'GET', path: `/api/pagos?page=${page}&size=${size}`, token: admin });
          expect(res.status, res.text).toBe(200);
          expect(res.body.data.totalElements).toBe(sorted.length);
          expect((res.body.data.content as { id: number }[]).map((p) => String(p.id))).toEqual(sorted.slice(page * size, page * size + size));
        }
      }),
      { numRuns: 10 },
    );
  }, 240_000);
});
