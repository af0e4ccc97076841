/**
 * Budget 4 of SPEC §6: no Scan anywhere in the bench, and items read / items returned <= 2 over a
 * search mix of the list, by-id and history endpoints.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { REPO_ROOT } from '../../lib/local/dynamodb.js';
import { expectStatus, type HttpAnswer } from './http.js';
import { itemsRead, type RecordedCommand, type Recorder } from './recorder.js';
import { describe } from './replay.js';
import type { AccountsTenant, BenchContext, WorkordersTenant } from './setup.js';
import { type BudgetResult, fmt } from './stats.js';

export const ITEMS_BUDGET_RATIO = 2;

interface MixRequest {
  group: string;
  path: string;
  token: string;
  tenant: string;
  returned: (body: HttpAnswer['body']) => number;
}

interface GroupTotals {
  requests: number;
  returned: number;
  full: number;
  keysOnly: number;
  counters: number;
  worst: { ratio: number; path: string };
  example?: { path: string; commands: RecordedCommand[]; tenant: string };
}

/** Source files that could issue a Scan (the bench only sees the paths it exercises). */
function scanUsesInSource(): string[] {
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ts$/.test(name) && /\b(ScanCommand|ParallelScan|paginateScan)\b/.test(readFileSync(path, 'utf8'))) {
        hits.push(relative(REPO_ROOT, path));
      }
    }
  };
  for (const dir of ['functions', 'shared']) walk(resolve(REPO_ROOT, dir));
  return hits;
}

export async function searchBudget(
  ctx: BenchContext,
  wo: WorkordersTenant,
  acct: AccountsTenant | undefined,
  paymentIds: readonly string[],
): Promise<{ result: BudgetResult; listings: string[] }> {
  const mix: MixRequest[] = [];
  const pageCount = (await ctx.http.send('GET', '/api/pagos?page=0&size=1', { token: wo.token })).body?.data?.totalElements as number;
  for (const size of [5, 10, 20, 50, 100]) {
    // Every page, and the first one past the end.
    for (let page = 0; page <= Math.ceil(pageCount / size); page++) {
      mix.push({
        group: 'GET /api/pagos?page&size (sizes 5..100, every page)',
        path: `/api/pagos?page=${page}&size=${size}`,
        token: wo.token,
        tenant: wo.tenant,
        returned: (b) => (b?.data?.content as unknown[]).length,
      });
    }
  }
  for (const id of [wo.workOrderId, wo.smallWorkOrderId]) {
    mix.push({
      group: 'GET /api/pagos/pendiente/{id}',
      path: `/api/pagos/pendiente/${id}`,
      token: wo.token,
      tenant: wo.tenant,
      returned: (b) => (b?.data as unknown[]).length,
    });
  }
  for (const id of paymentIds) {
    mix.push({ group: 'GET /api/pagos/{id}', path: `/api/pagos/${id}`, token: wo.token, tenant: wo.tenant, returned: () => 1 });
  }
  if (acct) {
    const history = (query: string) =>
      mix.push({
        group: 'GET /api/v1/accounts/payments (history)',
        path: `/api/v1/accounts/payments?vendedorId=${acct.vendedorId}&${query}`,
        token: acct.token,
        tenant: acct.tenant,
        returned: (b) => (b?.data as unknown[]).length,
      });
    const total = acct.days.length * 3;
    for (const pageSize of [7, 10, 20]) {
      for (let page = 1; page <= Math.ceil(total / pageSize) + 1; page++) history(`page=${page}&pageSize=${pageSize}`);
    }
    const from = acct.days[4]!;
    const to = acct.days[11]!;
    for (let page = 1; page <= 6; page++) history(`from=${from}&to=${to}&page=${page}&pageSize=5`);
  }

  const groups = new Map<string, GroupTotals>();
  for (const request of mix) {
    const capture = await ctx.recorder.capture(() => ctx.http.send('GET', request.path, { token: request.token }));
    expectStatus(capture.result, 200, `GET ${request.path}`);
    const read = itemsRead(capture.commands);
    const returned = request.returned(capture.result.body);
    const g = groups.get(request.group) ?? { requests: 0, returned: 0, full: 0, keysOnly: 0, counters: 0, worst: { ratio: 0, path: '' } };
    g.requests += 1;
    g.returned += returned;
    g.full += read.full;
    g.keysOnly += read.keysOnly;
    g.counters += read.counters;
    const ratio = returned > 0 ? read.full / returned : Number.POSITIVE_INFINITY;
    if (returned > 0 && ratio > g.worst.ratio) g.worst = { ratio, path: request.path };
    // A representative request to print: the third page (or the first of its kind).
    if (!g.example || g.requests === 3) g.example = { path: request.path, commands: capture.commands, tenant: request.tenant };
    groups.set(request.group, g);
  }
  const all = [...groups.values()].reduce(
    (t, g) => ({ requests: t.requests + g.requests, returned: t.returned + g.returned, full: t.full + g.full, keysOnly: t.keysOnly + g.keysOnly, counters: t.counters + g.counters }),
    { requests: 0, returned: 0, full: 0, keysOnly: 0, counters: 0 },
  );
  const ratio = all.full / all.returned;
  const rows: (string | number)[][] = [...groups].map(([name, g]) => [
    name,
    g.requests,
    g.returned,
    g.full,
    g.keysOnly,
    g.counters,
    fmt(g.full / g.returned),
    fmt((g.full + g.keysOnly) / g.returned),
    g.worst.ratio ? `${fmt(g.worst.ratio)} at ${g.worst.path.replace(/\d{10,}/g, '{id}')}` : 'n/a',
    g.full / g.returned <= ITEMS_BUDGET_RATIO ? 'PASS' : 'FAIL',
  ]);
  rows.push(['whole search mix', all.requests, all.returned, all.full, all.keysOnly, all.counters, fmt(ratio), fmt((all.full + all.keysOnly) / all.returned), '', ratio <= ITEMS_BUDGET_RATIO ? 'PASS' : 'FAIL']);
  const listings = [...groups].map(
    ([name, g]) => `${name}, e.g. GET ${g.example!.path.replace(/\d{10,}/g, '{id}')}:\n${g.example!.commands.map((c, i) => `   ${i + 1}. ${describe(c, g.example!.tenant)}`).join('\n')}`,
  );
  return {
    result: {
      title: '4. Zero Scans; items read / items returned on the search mix',
      rule: `no Scan; full items read / items returned <= ${ITEMS_BUDGET_RATIO} over the mix and for each endpoint in it`,
      headers: ['requests', 'count', 'returned', 'full read', 'keys-only', 'counters', 'full/ret', 'all/ret', 'worst single request (full/ret)', 'verdict'],
      rows,
      notes: [
        'Rule: "full read" counts whole items read from the table or an ALL-projected index: GetItem 1 per item found, BatchGet',
        '1 per item, Query every item evaluated (ScannedCount; a ProjectionExpression trims the answer, not the read). "keys-only"',
        'counts entries of the KEYS_ONLY `pages` index (offset skipping, a few bytes each): reported, and included only in all/ret;',
        'a page request skips only inside the bucket its offset falls in (budget 6). "counters" are the aggregate tree nodes read',
        'for totals and page positions (SPEC §4: totals come from maintained counters; shared/store/aggregates): a few small',
        'items per request whatever the history; reported, not in full/ret.',
        'The budget is applied to the whole mix AND to each endpoint of it: a mix ratio alone would let the mix\'s composition',
        '(chosen by the bench) hide an endpoint that reads several items per item it returns.',
        'Returned = items in the response (page content, payments of the work order, 1 for by-id, history items).',
      ],
      failed: rows.some((row) => row.at(-1) === 'FAIL'),
    },
    listings,
  };
}

/** The Scan row, added to budget 4 once the whole bench has run. */
export function addScanRow(result: BudgetResult, recorder: Recorder): void {
  const scans = recorder.scans;
  const sourceScans = scanUsesInSource();
  const ok = scans === 0 && sourceScans.length === 0;
  const calls = [...recorder.counts].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n}`).join(', ');
  result.rows.push([
    'Scans, whole bench',
    recorder.total,
    '',
    '',
    '',
    '',
    '',
    `${scans} Scan calls; Scan in functions/ or shared/: ${sourceScans.length ? sourceScans.join(', ') : 'none'}`,
    ok ? 'PASS' : 'FAIL',
  ]);
  result.notes.push(`DynamoDB calls over the whole bench: ${calls}.`);
  if (!ok) result.failed = true;
}
