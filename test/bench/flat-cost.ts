/**
 * Budget 6 (SPEC §6, issue 9): request cost flat in history size. Histories of 1, 100, 1,000 and
 * 3,650 days (accounts) and 1,000, 100,000 and 1,000,000 payments (workorders) are loaded straight
 * into DynamoDB Local (./history-load.ts); each request below is sent once through the gateway and
 * what it read is counted from the recorded DynamoDB calls:
 *
 *   items: whole items + keys-only index entries + aggregate nodes (everything DynamoDB read);
 *   bytes: their sizes by DynamoDB's rules (./item-size.ts), as returned;
 *   RCU:   read units billed (4 KB units; a Query adds its items up first; eventually consistent 0.5).
 *
 * Verdict per request: the largest history within 1.5x of the smallest in items and in bytes, and
 * at most 60 items read, on every size.
 */
import { expectStatus } from './http.js';
import { itemSize } from './item-size.js';
import { loadAccountsHistory, loadWorkordersHistory } from './history-load.js';
import type { RecordedCommand } from './recorder.js';
import { describe } from './replay.js';
import type { BenchContext } from './setup.js';
import { type BudgetResult, fmt } from './stats.js';

export const FLAT_RATIO = 1.5;
export const FLAT_MAX_ITEMS = 60;
/** History page size: the loaded days hold 10 payments, so every page is full and the last one skips inside its day. */
const HISTORY_PAGE = 5;

interface Cost {
  items: number;
  full: number;
  keysOnly: number;
  aggregates: number;
  bytes: number;
  rcu: number;
}

type Item = Record<string, unknown>;
const isAggregate = (item: Item) => typeof item.pk === 'string' && item.pk.includes('#AGG#');
const units = (bytes: number, consistent: boolean) => Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);

/** What a request read, from its recorded calls (reads only: writes and their conditions are not reads). */
export function readCost(commands: readonly RecordedCommand[]): Cost {
  const cost: Cost = { items: 0, full: 0, keysOnly: 0, aggregates: 0, bytes: 0, rcu: 0 };
  const count = (item: Item, keysOnly: boolean) => {
    cost.items += 1;
    cost.bytes += itemSize(item);
    if (isAggregate(item)) cost.aggregates += 1;
    else if (keysOnly) cost.keysOnly += 1;
    else cost.full += 1;
  };
  for (const c of commands) {
    const out = c.output;
    if (!out) continue;
    const consistent = c.input.ConsistentRead === true;
    if (c.name === 'GetItem' && out.Item) {
      count(out.Item as Item, false);
      cost.rcu += units(itemSize(out.Item as Item), consistent);
    } else if (c.name === 'BatchGetItem') {
      for (const [table, items] of Object.entries((out.Responses ?? {}) as Record<string, Item[]>)) {
        const request = (c.input.RequestItems as Record<string, { ConsistentRead?: boolean }>)[table];
        for (const item of items) {
          count(item, false);
          cost.rcu += units(itemSize(item), request?.ConsistentRead === true);
        }
      }
    } else if (c.name === 'Query') {
      const items = (out.Items ?? []) as Item[];
      const keysOnly = c.input.IndexName === 'pages';
      let bytes = 0;
      for (const item of items) {
        count(item, keysOnly);
        bytes += itemSize(item);
      }
      cost.rcu += units(bytes, consistent);
    }
  }
  return cost;
}

interface Measured {
  request: string;
  history: string;
  cost: Cost;
  example: RecordedCommand[];
  tenant: string;
}

export interface FlatSizes {
  days: number[];
  payments: number[];
}

/**
 * The largest workorders history loaded with its sorted lists (`sort=` pages): beyond it the load
 * leaves them out (3 items a payment that the default-order pages never read), so a million payments
 * load in a quarter of the time; the `sort=` requests compare 1,000 against this size instead.
 */
const SORTED_LISTS_UP_TO = 100_000;

export const FULL_SIZES: FlatSizes = { days: [1, 100, 1000, 3650], payments: [1000, 100_000, 1_000_000] };
const QUICK_SIZES: FlatSizes = { days: [1, 100], payments: [1000, 20_000] };

/** BENCH_FLAT_SIZES: unset → the issue's sizes; `quick`; or `days=1,3650;payments=1000,100000`. */
export function flatSizes(spec: string | undefined): FlatSizes {
  if (!spec) return FULL_SIZES;
  if (spec === 'quick') return QUICK_SIZES;
  const parts = Object.fromEntries(spec.split(';').map((part) => part.split('=') as [string, string]));
  const list = (value: string | undefined, fallback: number[]) => (value ? value.split(',').map(Number) : fallback);
  return { days: list(parts.days, FULL_SIZES.days), payments: list(parts.payments, FULL_SIZES.payments) };
}

export async function flatCostBudget(ctx: BenchContext, sizes: FlatSizes): Promise<{ result: BudgetResult; listings: string[] }> {
  const measured: Measured[] = [];
  const loads: string[] = [];
  const measure = async (request: string, history: string, tenant: string, send: () => ReturnType<BenchContext['http']['send']>, status: number) => {
    const capture = await ctx.recorder.capture(send);
    expectStatus(capture.result, status, `${request} (${history})`);
    measured.push({ request, history, cost: readCost(capture.commands), example: capture.commands, tenant });
    return capture.result;
  };

  for (const days of sizes.days) {
    const h = await loadAccountsHistory(days);
    loads.push(`accounts ${days} days: ${h.items.toLocaleString('en-US')} items (${h.payments.toLocaleString('en-US')} payments) in ${fmt(h.seconds, 1)} s`);
    console.log(`   ${loads.at(-1)}`);
    const token = ctx.stack.issuer.mint({ role: 'ADMIN', tenant: h.tenant, sub: 'bench-admin' });
    const label = `${days} days`;
    const q = `vendedorId=${h.vendedorId}`;
    await measure('accounts statement', label, h.tenant, () => ctx.http.send('GET', `/api/v1/accounts/statement?${q}&date=${h.lastDay}`, { token }), 200);
    const body = { date: h.lastDay, time: '18:00', vendedorId: h.vendedorId, amount: 1500, type: 'payment', method: 'cash' };
    await measure('accounts payment create', label, h.tenant, () => ctx.http.send('POST', '/api/v1/accounts/payment', { token, body }), 201);
    const first = await measure('accounts history page 1', label, h.tenant, () => ctx.http.send('GET', `/api/v1/accounts/payments?${q}&page=1&pageSize=${HISTORY_PAGE}`, { token }), 200);
    const last = first.body.meta.totalPages as number;
    await measure('accounts history last page', label, h.tenant, () => ctx.http.send('GET', `/api/v1/accounts/payments?${q}&page=${last}&pageSize=${HISTORY_PAGE}`, { token }), 200);
  }

  for (const count of sizes.payments) {
    const h = await loadWorkordersHistory(count, { sortedLists: count <= SORTED_LISTS_UP_TO, log: (line) => console.log(line) });
    loads.push(`workorders ${count.toLocaleString('en-US')} payments${h.sortedLists ? '' : ' (no sorted lists)'}: ${h.items.toLocaleString('en-US')} items in ${fmt(h.seconds, 1)} s (${fmt(h.items / h.seconds, 0)} items/s)`);
    console.log(`   ${loads.at(-1)}`);
    const token = ctx.stack.issuer.mint({ role: 'ADMIN', tenant: h.tenant, sub: 'bench-admin' });
    const label = `${count.toLocaleString('en-US')} payments`;
    await measure('workorders page 0', label, h.tenant, () => ctx.http.send('GET', '/api/pagos?page=0&size=10', { token }), 200);
    const lastPage = Math.ceil(count / 10) - 1;
    await measure('workorders last page', label, h.tenant, () => ctx.http.send('GET', `/api/pagos?page=${lastPage}&size=10`, { token }), 200);
    // Sorted (issue 13): page N of each order's list, in the direction that reads it backwards too.
    for (const sort of h.sortedLists ? ['fechaPago,desc', 'fechaCreacion,asc', 'monto,desc', 'id,desc'] : []) {
      await measure(`workorders sort=${sort} last page`, label, h.tenant, () => ctx.http.send('GET', `/api/pagos?sort=${sort}&page=${lastPage}&size=10`, { token }), 200);
    }
  }

  const rows: (string | number)[][] = [];
  const requests = [...new Set(measured.map((m) => m.request))];
  for (const request of requests) {
    const runs = measured.filter((m) => m.request === request);
    const base = runs[0]!.cost;
    const top = runs.at(-1)!.cost;
    const itemsRatio = top.items / base.items;
    const bytesRatio = top.bytes / base.bytes;
    const maxItems = Math.max(...runs.map((r) => r.cost.items));
    const ok = itemsRatio <= FLAT_RATIO && bytesRatio <= FLAT_RATIO && maxItems <= FLAT_MAX_ITEMS;
    runs.forEach((run, i) => {
      const c = run.cost;
      rows.push([
        i === 0 ? request : '',
        run.history,
        c.items,
        `${c.full}/${c.keysOnly}/${c.aggregates}`,
        c.bytes,
        fmt(c.rcu, 1),
        i === runs.length - 1 ? `${fmt(itemsRatio)}x items, ${fmt(bytesRatio)}x bytes` : '',
        i === runs.length - 1 ? (ok ? 'PASS' : 'FAIL') : '',
      ]);
    });
  }
  const listings = requests.map((request) => {
    const run = measured.filter((m) => m.request === request).at(-1)!;
    return `${request}, ${run.history}:\n${run.example.map((c, i) => `   ${i + 1}. ${describe(c, run.tenant)}`).join('\n')}`;
  });
  return {
    result: {
      title: '6. Request cost flat in history size (issue 9)',
      rule: `largest history within ${FLAT_RATIO}x of the smallest in items and bytes read; at most ${FLAT_MAX_ITEMS} items read`,
      headers: ['request', 'history', 'items', 'full/keys/agg', 'bytes', 'RCU', 'largest vs smallest', 'verdict'],
      rows,
      notes: [
        'items: everything the request read: whole items (full), keys-only `pages` index entries (keys), aggregate tree',
        'nodes (agg); bytes by DynamoDB item-size rules as returned (a ProjectionExpression trims the statement day item, and',
        'the accounts year and month nodes to the measures read); RCU as billed: 4 KB units of the whole item, projection or',
        'not (per Query in total; eventually consistent reads 0.5); every tree node is under 4 KB, one unit.',
        'Accounts: a vendedor with activity and 10 payments every day, history pages of 5 (the last page skips 5 inside its day); workorders: payments at a steady 1,000 a day (1,000,000',
        `span 1,000 days); the sorted lists (\`sort=\` pages) are loaded up to ${SORTED_LISTS_UP_TO.toLocaleString('en-US')} payments, so those rows compare 1,000 against that size.`,
        'Loads (BatchWriteItem, 8 in flight):',
        ...loads.map((line) => `  ${line}`),
      ],
      failed: rows.some((row) => row.at(-1) === 'FAIL'),
    },
    listings,
  };
}
