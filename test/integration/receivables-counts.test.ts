/**
 * getPayments from maintained counts (shared/store/query/counts.ts) against DynamoDB Local: after any
 * random sequence of receivables payments created (backdated or not, several in one transaction),
 * un-reconciled, discarded and deleted, every search the counts serve (status × payment date or
 * creation, either order, any since/until, any page) answers what a brute-force model of the live
 * payments answers, page and total; so does the walked path for the same search. Payments written
 * before the counts existed (no tree) are counted on first read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startOfLocalDay } from '../../shared/domain/dates.js';
import type { Payment } from '../../shared/domain/payments.js';
import { newId } from '../../shared/ids.js';
import { coalesceAggregates } from '../../shared/store/aggregates/tree.js';
import { TreeView } from '../../shared/store/aggregates/tree-view.js';
import { changePayment } from '../../shared/ledger/payments/change-payment.js';
import { searchReceivablesPayments, type PaymentSearch } from '../../shared/ledger/receivables/search-payments.js';
import { RECEIVABLES_PAYMENTS } from '../../shared/store/access-patterns.js';
import { getPayment, paymentItem, recordPaymentItems } from '../../shared/store/payments.js';
import { countSeries } from '../../shared/store/query/counts.js';
import { coverInSpan, RECEIVABLES_STATUS, receivablesRow } from '../../shared/store/receivables-payments.js';
import { transact } from '../../shared/store/tx.js';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../shared/store/client.js';
import { newTenant } from '../support/index.js';
import { createTenant } from '../support/ledger-fixtures.js';

const TIME_ZONE = 'America/Santiago';
const DAYS = ['2023-12-31', '2024-01-01', '2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01', '2025-06-15', '2026-01-02'];
const CREATED = ['2024-01-01T02:59:59.999Z', '2024-01-01T03:00:00.000Z', '2024-01-31T23:59:59.000Z', '2024-02-01T00:00:00.000Z', '2025-06-15T12:00:00.000Z'];

function receivable(id: string, date: string, createdAt: string, reconciliation: Payment['reconciliation']): Payment {
  return {
    id, source: 'receivables', amount: 100, currency: 'CLP', date, method: 'Transferencia', direction: 'in', payerId: '7001', payerName: 'C',
    payerTaxId: '7001-K', recordedBy: 't', allocations: [], status: 'active', deleted: false, reconciliation,
    ...(reconciliation === 'reconciled' ? { reconciledAt: createdAt } : {}), createdAt, updatedAt: createdAt, version: 1,
  };
}

type Op =
  | { op: 'create'; dates: number[]; created: number; pending: boolean }
  | { op: 'unreconcile' | 'discard' | 'delete'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('create' as const), dates: fc.array(fc.nat(DAYS.length - 1), { minLength: 1, maxLength: 3 }), created: fc.nat(CREATED.length - 1), pending: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('unreconcile' as const, 'discard' as const, 'delete' as const), pick: fc.nat() }) },
);

const queryArb = fc.record({
  status: fc.constantFrom('0', '1', '2') as fc.Arbitrary<'0' | '1' | '2'>,
  by: fc.constantFrom('1', '2') as fc.Arbitrary<'1' | '2'>,
  since: fc.option(fc.constantFrom(...DAYS, '2024-01-15'), { nil: undefined }),
  until: fc.option(fc.constantFrom(...DAYS, '2024-01-15'), { nil: undefined }),
  order: fc.constantFrom('ASC', 'DESC') as fc.Arbitrary<'ASC' | 'DESC'>,
  resultsPerPage: fc.integer({ min: 1, max: 4 }),
  page: fc.integer({ min: 1, max: 5 }),
});

const ctx = (tenant: string) => ({ principal: { tenant, sub: 'counts', roles: ['ADMIN'] } }) as never;
const nextDay = (d: string) => new Date(Date.parse(`${d}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Brute force: the live payments of the status in the range, in the search's order (ties by id), paged. */
function model(live: readonly Payment[], q: PaymentSearch): { ids: string[]; total: number } {
  const field = q.dateBy === '1' ? 'date' : 'createdAt';
  const inRange = (p: Payment) => {
    if (q.dateBy === '1') return (!q.since || p.date >= q.since) && (!q.until || p.date <= q.until);
    return (!q.since || p.createdAt >= startOfLocalDay(q.since, TIME_ZONE).toISOString()) && (!q.until || p.createdAt < startOfLocalDay(nextDay(q.until), TIME_ZONE).toISOString());
  };
  const sign = q.order === 'ASC' ? 1 : -1;
  const matching = live
    .filter((p) => !p.deleted && RECEIVABLES_STATUS[p.reconciliation] === q.status && inRange(p))
    .sort((a, b) => (a[field] === b[field] ? (BigInt(a.id) < BigInt(b.id) ? -1 : 1) : a[field] < b[field] ? -sign : sign));
  const offset = (q.page - 1) * q.resultsPerPage;
  return { ids: matching.slice(offset, offset + q.resultsPerPage).map((p) => p.id), total: matching.length };
}

async function apply(tenant: string, live: Payment[], op: Op): Promise<void> {
  if (op.op === 'create') {
    // Creation instants only move forward (they are the time of the write), payment dates anywhere.
    const created = [CREATED[op.created]!, ...live.map((p) => p.createdAt)].sort().at(-1)!;
    const payments = op.dates.map((d) => receivable(newId(), DAYS[d]!, created, op.pending ? 'pending' : 'reconciled'));
    await coverInSpan(tenant, payments.map((p) => p.date), payments[0]!.createdAt);
    // Several payments in one transaction share tree nodes (a CFDI receipt with several Pago nodes).
    await transact(coalesceAggregates(payments.flatMap((p) => recordPaymentItems(tenant, p))));
    live.push(...payments);
    return;
  }
  const candidates = live.filter((p) => !p.deleted);
  if (candidates.length === 0) return;
  const target = candidates[op.pick % candidates.length]!;
  const after = await changePayment(ctx(tenant), {
    load: async () => (await getPayment(tenant, target.id, true))!,
    decide: (before) => {
      if (op.op === 'unreconcile') {
        const { reconciledAt: _released, ...rest } = before;
        return before.reconciliation === 'reconciled' ? { ...rest, reconciliation: 'pending' } : undefined;
      }
      if (op.op === 'discard') return before.reconciliation === 'pending' ? { ...before, reconciliation: 'discarded' } : undefined;
      return before.reconciliation === 'reconciled' ? undefined : { ...before, deleted: true, status: 'deleted' };
    },
    audit: { action: 'TEST' },
  });
  live[live.indexOf(target)] = after;
}

async function expectSearch(tenant: string, live: readonly Payment[], q: Omit<PaymentSearch, 'orderBy' | 'dateBy'> & { by: '1' | '2' }): Promise<void> {
  const search: PaymentSearch = { ...q, dateBy: q.by, orderBy: q.by };
  const got = await searchReceivablesPayments(tenant, search);
  const want = model(live, search);
  expect({ ids: got.payments.map((p) => p.id), total: got.total }, JSON.stringify(search)).toEqual(want);
}

describe('getPayments from maintained counts', () => {
  it('answers every counted search like a brute-force model, after any sequence of changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), fc.array(queryArb, { minLength: 4, maxLength: 8 }), async (ops, queries) => {
        const tenant = newTenant();
        await createTenant(tenant, { currency: 'CLP', timeZone: TIME_ZONE });
        const live: Payment[] = [];
        for (const op of ops) await apply(tenant, live, op);
        for (const q of queries) await expectSearch(tenant, live, q);
        // Every tree's total equals the live payments it counts.
        for (const status of ['0', '1', '2'] as const) {
          for (const pattern of RECEIVABLES_PAYMENTS.patterns) {
            if (pattern.kind !== 'index' || !pattern.counted) continue;
            const view = await TreeView.open(countSeries(tenant, RECEIVABLES_PAYMENTS, pattern, [status]));
            expect(view.total().c ?? 0).toBe(live.filter((p) => receivablesRow(p)?.status === status).length);
          }
        }
      }),
      { numRuns: 6 },
    );
  }, 120_000);

  it('counts payments written before the counts existed on first read, then serves deep pages from the counts', async () => {
    const tenant = newTenant();
    await createTenant(tenant, { currency: 'CLP', timeZone: TIME_ZONE });
    const live = DAYS.flatMap((date, i) => [receivable(newId(), date, CREATED[i % CREATED.length]!, 'reconciled'), receivable(newId(), date, CREATED[0]!, 'reconciled')]);
    // The old shape: the payment item with its search attributes, no tree nodes.
    for (const p of live) await db().send(new PutCommand({ TableName: tableName(), Item: paymentItem(tenant, p) }));
    await coverInSpan(tenant, live.map((p) => p.date), CREATED[0]!);
    const series = countSeries(tenant, RECEIVABLES_PAYMENTS, RECEIVABLES_PAYMENTS.patterns[1] as never, ['1']);
    expect((await TreeView.open(series)).complete).toBe(false);
    for (const page of [1, 3, 6]) await expectSearch(tenant, live, { status: '1', by: '1', order: 'DESC', resultsPerPage: 3, page });
    const view = await TreeView.open(series);
    expect(view.complete).toBe(true);
    expect(view.total().c).toBe(live.length);
    await expectSearch(tenant, live, { status: '1', by: '1', since: '2024-01-31', until: '2024-03-01', order: 'ASC', resultsPerPage: 2, page: 2 });
  }, 60_000);
});
