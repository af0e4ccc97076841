/**
 * The gateway search mix (`GET /pagos`, seed 002) over GATEWAY_BENCH_PAYMENTS payments of several
 * collectors (uneven sizes, a year of request dates, every status): every minimum combination,
 * with and without residual filters, index-order and other sorts, first, deep, last and past-the-end
 * pages. Reports full items read per item returned (SPEC §6: <= 2), index entries read (keys plus
 * the projected row), and p50 through the gateway against the bare calls the request makes.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import type { GatewayPayment, GatewayRecord, GatewayStatus } from '../../shared/domain/gateway/payment.js';
import { canonicalState } from '../../shared/domain/gateway/payment.js';
import { transition } from '../../shared/domain/gateway/transitions.js';
import { newId } from '../../shared/ids.js';
import { db, tableName } from '../../shared/store/client.js';
import { insertGatewayPayment } from '../../shared/store/gateway-payments.js';
import { createTenant } from '../support/ledger-fixtures.js';
import { searchPath, type Filter } from '../support/gateway-fixtures.js';
import { expectStatus } from './http.js';
import type { BenchContext } from './setup.js';
import { type BudgetResult, fmt } from './stats.js';
import { ITEMS_BUDGET_RATIO } from './search.js';
import { MIX_HEADERS, measureSearchMix, type MixRequest } from './search-mix.js';

export const GATEWAY_BENCH_PAYMENTS = 10_000;
const COLLECTORS = ['c0', 'c0', 'c0', 'c0', 'c0', 'c0', 'c0', 'c0', 'c1', 'c1', 'c1', 'c1', 'c1', 'c2', 'c2', 'c2', 'c3', 'c3', 'c4', 'c4'];
const GATEWAYS = ['niubiz', 'izipay', 'culqi', 'mercadopago'];
const TYPES = ['manual', 'online', 'by_media_payment'] as const;
const JOURNEYS: [GatewayStatus, number][][] = [
  [], [], [], [],
  [['approved', 86_400_000]], [['approved', 3_600_000]], [['approved', 172_800_000]],
  [['rejected', 7_200_000]],
  [['approved', 86_400_000], ['refunded', 864_000_000]],
  [['in_process', 600_000]],
];
const YEAR_START = Date.UTC(2025, 0, 1, 3);
const YEAR_MS = 365 * 86_400_000;

function payment(i: number, id: string): GatewayPayment {
  const requested = YEAR_START + Math.floor((i * YEAR_MS) / GATEWAY_BENCH_PAYMENTS) + (i % 7) * 1000;
  let record: GatewayRecord = {
    collector_id: COLLECTORS[i % COLLECTORS.length]!,
    external_transaction_id: `bench-${i}`,
    currency_id: 'PEN',
    details: [{ amount: ((i * 7919) % 100_000) + 100, concept_id: 'cuota' }],
    payer: { name: `Payer ${i % 500}`, email: `payer${i % 500}@example.com`, external_reference: `REF-${i % 97}` },
    type: TYPES[i % 3]!,
    owner: { type: i % 2 ? 'store' : 'branch', id: `o${i % 50}` },
    payment_methods: [{ type: 'card', gateway: { name: GATEWAYS[(i >> 2) % 4]! } }],
    final_amount: ((i * 7919) % 100_000) + 100,
    status: 'pending',
    validation: false,
    review: false,
    batch_withdrawal: false,
    request_date: new Date(requested).toISOString(),
  };
  for (const [status, after] of JOURNEYS[i % JOURNEYS.length]!) record = transition(record, status, new Date(requested + after).toISOString());
  const at = record.request_date;
  return {
    id, source: 'gateway', amount: record.final_amount, currency: 'PEN', date: at.slice(0, 10), method: GATEWAYS[(i >> 2) % 4]!,
    direction: 'in', reference: record.external_transaction_id, recordedBy: 'bench', allocations: [], ...canonicalState(record),
    deleted: false, createdAt: at, updatedAt: at, version: 1, gateway: record,
  };
}

/** Writes the payments straight through the store's item builder (BatchWrite: set-up, not measured). */
async function seed(tenant: string): Promise<string[]> {
  const ids: string[] = [];
  const items = Array.from({ length: GATEWAY_BENCH_PAYMENTS }, (_, i) => {
    const id = newId();
    ids.push(id);
    return insertGatewayPayment(tenant, payment(i, id)).Put!.Item!;
  });
  for (let i = 0; i < items.length; i += 25) {
    let pending: Record<string, unknown>[] | undefined = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending?.length) {
      const out = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending as never } }));
      pending = out.UnprocessedItems?.[tableName()] as Record<string, unknown>[] | undefined;
    }
  }
  return ids;
}

const day = (y: number, m: number, d = 1) => `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}T000000000-0300`;
const month = (field: string, m: number): Filter[] => [[field, 'GREATER_THAN_OR_EQUAL_TO', day(2025, m)], [field, 'LESS_THAN', day(2025, m + 1)]];
const quarter = (field: string): Filter[] => [[field, 'GREATER_THAN_OR_EQUAL_TO', day(2025, 4)], [field, 'LESS_THAN', day(2025, 7)]];

function mix(ids: readonly string[]): MixRequest[] {
  const out: MixRequest[] = [];
  const add = (group: string, filters: Filter[], options: Parameters<typeof searchPath>[1] = {}) => out.push({ group, path: searchPath(filters, options) });
  const c0Month = [['collector_id', 'EQUAL', 'c0'] as Filter, ...month('request_date', 3)];
  // c0 has 40% of 10,000 over a year: ~330 a month.
  for (const [page, limit] of [[1, 10], [2, 10], [17, 20], [4, 100], [40, 10], [1, 100]] as const) {
    add('collector + request_date (1 month), index order', c0Month, { page, limit, sorts: [['request_date', 'descending']] });
  }
  for (const page of [1, 3, 6]) {
    add('collector + request_date + residual filters', [...c0Month, ['status', 'EQUAL', 'approved'], ['amount', 'GREATER_THAN', '250']], { page, limit: 20 });
    add('collector + request_date + residual filters', [...c0Month, ['payer.external_reference', 'STARTS_WITH', 'REF-1'], ['payment_methods.gateway.name', 'IN', '[niubiz,culqi]']], { page, limit: 10 });
  }
  for (const sorts of [[['amount', 'descending']], [['status', 'ascending'], ['amount', 'descending']], [['payer.email', 'ascending']]] as [string, string][][]) {
    for (const page of [1, 5, 12]) add('collector + request_date, other sorts', c0Month, { page, limit: 25, sorts });
  }
  for (const field of ['paid_date', 'rejected_date', 'accreditation_date', 'refunded_date']) {
    for (const collector of ['c1', 'c3']) {
      for (const page of [1, 2]) add('collector + paid/rejected/accreditation/refunded date (quarter)', [['collector_id', 'EQUAL', collector], ...quarter(field)], { page, limit: 50 });
    }
  }
  for (const page of [1, 4, 9]) add('collector IN [c1,c2,c4] + request_date (1 month)', [['collector_id', 'IN', '[c1,c2,c4]'], ...month('request_date', 6)], { page, limit: 20 });
  for (let i = 0; i < 4; i++) {
    const some = ids.slice(i * 400, i * 400 + 400).filter((_, j) => j % 40 === 0);
    add('collector + payment_id (EQUAL, IN)', [['collector_id', 'EQUAL', 'c0'], ['payment_id', 'IN', `[${some.join(',')}]`]], { limit: 10 });
    add('collector + payment_id (EQUAL, IN)', [['collector_id', 'EQUAL', 'c0'], ['payment_id', 'EQUAL', ids[i * 20]!]]);
  }
  for (const page of [1, 3, 10, 11]) add('owner.type + owner.id (whole history)', [['owner.type', 'EQUAL', 'store'], ['owner.id', 'EQUAL', 'o7']], { page, limit: 10 });
  for (const page of [1, 2]) add('payer.email + request_date (year)', [['payer.email', 'EQUAL', 'payer42@example.com'], ...month('request_date', 1).slice(0, 1), ['request_date', 'LESS_THAN', day(2026, 1)]], { page, limit: 10 });
  for (const page of [1, 8, 30]) {
    add('type + payment_methods.gateway.name (+ residual)', [['type', 'EQUAL', 'online'], ['payment_methods.gateway.name', 'EQUAL', 'izipay'], ['status', 'EQUAL', 'pending']], { page, limit: 10 });
  }
  return out;
}

export async function gatewaySearchBudget(ctx: BenchContext, options: { samples: number }): Promise<{ result: BudgetResult; listings: string[] }> {
  const tenant = `bench-gw-${randomUUID()}`;
  await createTenant(tenant, { currency: 'PEN', timeZone: 'America/Argentina/Buenos_Aires' });
  const token = ctx.stack.issuer.mint({ role: 'ADMIN', tenant, sub: 'bench-admin' });
  const seeding = performance.now();
  const ids = await seed(tenant);
  const seedNote = `${GATEWAY_BENCH_PAYMENTS} payments written in ${fmt((performance.now() - seeding) / 1000, 1)} s (BatchWrite, not measured)`;
  const send = (path: string) => ctx.http.send('GET', path, { token });
  for (let i = 0; i < 5; i++) expectStatus(await send(mix(ids)[0]!.path), 200, 'warm-up');

  const { rows, examples } = await measureSearchMix({
    requests: mix(ids), send, recorder: ctx.recorder, tenant, samples: options.samples,
    returned: (body) => (body?.data as unknown[]).length, total: 'whole gateway mix',
  });
  return {
    result: {
      title: '4b. Gateway search mix (GET /pagos): items read per item returned',
      rule: `full items read / items returned <= ${ITEMS_BUDGET_RATIO} (aim 1.2) per combination and over the mix; index entries and p50 reported`,
      headers: MIX_HEADERS,
      rows,
      notes: [
        seedNote + '; 5 collectors of 40/25/15/10/10 %, a year of request dates, every status.',
        '"full read": whole items (BatchGet of the page, key lookups, the tenant settings item when not cached). "index entries": entries of the',
        'row-projected search indexes the planner walks (keys + q_gateway_row, ~300 bytes each) to apply residual filters, sort and count `total`;',
        'they grow with the matching key range (collector + date range, owner, …), not with the tenant\'s history outside it.',
        `p50 over ${options.samples} samples per request: the HTTP request through the local gateway vs the same recorded DynamoDB calls replayed`,
        'directly (the bare Query pages + BatchGet), interleaved. The difference is the handler: JWT check, grammar, planner, in-memory sort, rendering.',
      ],
      failed: rows.some((row) => row.at(-1) === 'FAIL'),
    },
    listings: examples,
  };
}
