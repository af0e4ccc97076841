/**
 * The receivables search mix (`GET /v1/getPayments`, seed 004) over RECEIVABLES_BENCH_PAYMENTS
 * payments: two years of dates, 40 clients of uneven size, two currencies, four methods, every
 * status, one to three documents each. Every filter alone and combined, each date the search can be
 * by, each order, first, deep, last and past-the-end pages. Reports full items read per item
 * returned (SPEC §6: <= 2), index entries walked, and p50 through the gateway against the bare calls.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import type { Payment } from '../../shared/domain/payments.js';
import { newId } from '../../shared/ids.js';
import { db, tableName } from '../../shared/store/client.js';
import { parties } from '../../shared/store/parties.js';
import { recordPaymentItems } from '../../shared/store/payments.js';
import { backfillReceivablesCounts, coverInSpan } from '../../shared/store/receivables-payments.js';
import { createTenant } from '../support/ledger-fixtures.js';
import { expectStatus } from './http.js';
import { itemsRead } from './recorder.js';
import type { BenchContext } from './setup.js';
import { type BudgetResult, fmt } from './stats.js';
import { ITEMS_BUDGET_RATIO } from './search.js';
import { MIX_HEADERS, measureSearchMix, type MixRequest } from './search-mix.js';

export const RECEIVABLES_BENCH_PAYMENTS = Number(process.env.RECEIVABLES_BENCH_PAYMENTS ?? 10_000);
/** Days of history the payments spread over (RECEIVABLES_BENCH_DAYS: 730 by default; 3,650 shows flat cost). */
const DAYS = Number(process.env.RECEIVABLES_BENCH_DAYS ?? 730);
const CLIENTS = 40;
const METHODS = ['Transferencia', 'Cheque', 'Efectivo', ''];
const START = Date.UTC(2024, 0, 1, 12);
const SPAN_MS = DAYS * 86_400_000;

/** Client k's share grows with k²: client 39 has ~7 %, client 0 a handful. */
const clientOf = (i: number) => String(3000 + Math.floor(Math.sqrt(((i * 7919) % RECEIVABLES_BENCH_PAYMENTS) / RECEIVABLES_BENCH_PAYMENTS) * CLIENTS));

function payment(i: number, id: string): Payment {
  const at = START + Math.floor((i * SPAN_MS) / RECEIVABLES_BENCH_PAYMENTS);
  const created = new Date(at + (i % 5) * 3_600_000).toISOString();
  const currency = i % 5 === 0 ? 'MXN' : 'CLP';
  const amount = ((i * 7919) % 500_000) + 100;
  const reconciliation = i % 20 === 0 ? 'discarded' : i % 10 === 0 ? 'pending' : 'reconciled';
  const parts = (i % 3) + 1;
  const allocations = reconciliation === 'pending' ? [] : Array.from({ length: parts }, (_, k) => ({
    chargeId: String(900_000 + ((i * 3 + k) % 6000)),
    amount: k === 0 ? amount - (parts - 1) : 1,
    number: String(10_000 + ((i * 3 + k) % 6000)),
    code: '33',
  }));
  const client = clientOf(i);
  return {
    id, source: 'receivables', amount, currency, date: new Date(at).toISOString().slice(0, 10), method: METHODS[i % 4]!, direction: 'in',
    payerId: client, payerName: `Cliente ${client}`, payerTaxId: `${client}-K`, recordedBy: 'bench', allocations, status: 'active', deleted: false,
    reconciliation, ...(reconciliation === 'reconciled' ? { reconciledAt: created } : {}), createdAt: created, updatedAt: created, version: 1,
  };
}

/** Writes payments (and their document links) through the store's item builders (BatchWrite: set-up, not measured). */
async function seed(tenant: string): Promise<void> {
  const items = Array.from({ length: RECEIVABLES_BENCH_PAYMENTS }, (_, i) =>
    recordPaymentItems(tenant, payment(i, newId())).map(([, item]) => item.Put?.Item).filter((item) => item !== undefined),
  ).flat();
  for (let i = 0; i < items.length; i += 25) {
    let pending: Record<string, unknown>[] | undefined = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending?.length) {
      const out = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending as never } }));
      pending = out.UnprocessedItems?.[tableName()] as Record<string, unknown>[] | undefined;
    }
  }
  await coverInSpan(tenant, [new Date(START).toISOString().slice(0, 10), new Date(START + SPAN_MS).toISOString().slice(0, 10)], new Date(START).toISOString());
  // The counts the payments' transactions would have kept (BatchWrite wrote the items only).
  await backfillReceivablesCounts(tenant);
  // The client clientTaxId resolves to (its tax-id lookup).
  const now = new Date().toISOString();
  await parties.insert({ tenant, sub: 'bench' }, { id: '3039', kind: 'client', name: 'Cliente 3039', taxId: '3039-K', active: true, createdAt: now, updatedAt: now, version: 1 });
}

function mix(): MixRequest[] {
  const out: MixRequest[] = [];
  const add = (group: string, query: string, pages: readonly number[], perPage = 50) => {
    for (const page of pages) out.push({ group, path: `/v1/getPayments?${query}${query ? '&' : ''}resultsPerPage=${perPage}&page=${page}` });
  };
  const lastPage = Math.ceil((RECEIVABLES_BENCH_PAYMENTS * 0.9) / 50);
  add('no filter (whole history)', '', [1, 20, lastPage - 1, lastPage]);
  add('no filter, oldest first', 'order=ASC', [1, lastPage]);
  add('no filter, by amount', 'orderBy=3&order=ASC', [1, 80], 100);
  add('since/until (1 month)', 'since=2025-03-01&until=2025-03-31', [1, 5, 8]);
  add('since/until (1 year) + currency', 'since=2024-01-01&until=2024-12-31&currency=MXN', [1, 10], 100);
  add('creation date (quarter), by creation', 'dateBy=2&since=2024-04-01&until=2024-06-30&orderBy=2', [1, 12], 100);
  add('reconciliation date (1 month)', 'dateBy=3&since=2025-06-01&until=2025-06-30', [1, 7]);
  add('status 0 / 2 (whole history)', 'status=0', [1, 10]);
  add('status 0 / 2 (whole history)', 'status=2', [1, 5]);
  add('clientId (largest client)', 'clientId=3039', [1, 5, 13]);
  add('clientId (small client) + since', 'clientId=3003&since=2025-01-01', [1]);
  add('clientTaxId', 'clientTaxId=3039-K&order=ASC', [1, 3], 100);
  add('documentId', 'documentId=903000', [1]);
  add('paymentMethodId + since/until', 'paymentMethodId=1&since=2024-06-01&until=2024-08-31', [1, 4]);
  add('clientId + paymentMethodId + currency', 'clientId=3039&paymentMethodId=2&currency=CLP', [1, 2]);
  return out;
}

export async function receivablesSearchBudget(ctx: BenchContext, options: { samples: number }): Promise<{ result: BudgetResult; listings: string[] }> {
  const tenant = `bench-recv-${randomUUID()}`;
  await createTenant(tenant, { currency: 'CLP', timeZone: 'America/Santiago' });
  const token = ctx.stack.issuer.mint({ role: 'ADMIN', tenant, sub: 'bench-admin' });
  const seeding = performance.now();
  await seed(tenant);
  const seedNote = `${RECEIVABLES_BENCH_PAYMENTS} payments (with their document links) written in ${fmt((performance.now() - seeding) / 1000, 1)} s (BatchWrite, not measured)`;
  const send = (path: string) => ctx.http.send('GET', path, { token });
  for (let i = 0; i < 3; i++) expectStatus(await send(mix()[0]!.path), 200, 'warm-up');

  const perRequest: string[] = ['Each request once: items returned | full items read | row-index entries | aggregate nodes | Queries | totalRecords'];
  const { rows, examples } = await measureSearchMix({
    requests: mix(), send, recorder: ctx.recorder, tenant, samples: options.samples,
    returned: (body) => (body?.items as unknown[]).length, total: 'whole receivables mix',
    onRequest: (path, answer, commands, returned) => {
      const read = itemsRead(commands);
      const queries = commands.filter((c) => c.name === 'Query').length;
      perRequest.push(`   ${path}: ${returned} | ${read.full} | ${read.keysOnly} | ${read.counters} | ${queries} | ${String(answer.body?.records?.totalRecords)}`);
    },
  });
  return {
    result: {
      title: '4c. Receivables search mix (GET /v1/getPayments): items read per item returned',
      rule: `full items read / items returned <= ${ITEMS_BUDGET_RATIO} per combination and over the mix; index entries and p50 reported`,
      headers: MIX_HEADERS,
      rows,
      notes: [
        `${seedNote}; 40 clients (quadratic sizes), ${DAYS} days of dates, 80 % CLP, 90/5/5 % reconciled/pending/discarded.`,
        '"full read": whole items (BatchGet of the page, the tax-id lookup and client for clientTaxId). "index entries": entries of the',
        'row-projected rcv_* indexes the planner walks (keys + q_receivables_row); no filter reads the status partition of every month bucket.',
        `p50 over ${options.samples} samples per request: through the local gateway vs the same recorded DynamoDB calls replayed bare, interleaved.`,
      ],
      failed: rows.some((row) => row.at(-1) === 'FAIL'),
    },
    listings: [perRequest.join('\n'), ...examples],
  };
}
