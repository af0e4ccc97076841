/** `GET /pagos` (seed 002) against DynamoDB Local: every combination, operation, error, paging and sort edge. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as searchPayments from '../../functions/gateway/search-payments.js';
import type { GatewayPayment } from '../../shared/domain/gateway/payment.js';
import { WHITELIST } from '../../shared/domain/gateway/search-grammar.js';
import { invoke, newTenant, token } from '../support/index.js';
import { ALWAYS, searchPath, type Filter } from '../support/gateway-fixtures.js';
import { COLLECTORS, fieldValue, filterDate, modelSearch, seedGatewayData } from '../support/gateway-model.js';
import { createTenant } from '../support/ledger-fixtures.js';

const tenant = newTenant();
let admin: string;
let data: GatewayPayment[];

beforeAll(async () => {
  await createTenant(tenant, { currency: 'PEN', timeZone: 'America/Argentina/Buenos_Aires' });
  admin = await token({ role: 'ADMIN', tenant });
  data = await seedGatewayData(tenant, admin, 30);
}, 120_000);

const search = (path: string, as = admin) => invoke(searchPayments, { path, token: as });

/** Asserts the API answers exactly what the brute-force model does. */
async function expectModel(filters: Filter[], options: { sorts?: [string, string][]; page?: number; limit?: number } = {}) {
  const response = await search(searchPath(filters, options));
  expect(response.status, `${response.text} for ${JSON.stringify(filters)}`).toBe(200);
  const expected = modelSearch(data, filters, options.sorts ?? [], options.page ?? 1, options.limit ?? 10);
  expect(response.body.data.map((p: { id: number }) => p.id), JSON.stringify({ filters, options })).toEqual(expected.ids);
  expect(response.body).toMatchObject({ page: options.page ?? 1, limit: options.limit ?? 10, total: expected.total });
  return response;
}

const firstDate = () => Math.min(...data.map((p) => Date.parse(p.gateway.request_date)));
const lastDate = () => Math.max(...data.map((p) => Date.parse(p.gateway.request_date)));
const wide = (field: string): Filter[] => [
  [field, 'GREATER_THAN_OR_EQUAL_TO', filterDate(firstDate() - 60_000)],
  [field, 'LESS_THAN', filterDate(lastDate() + 60_000, 0, false)],
];

describe('GET /pagos: minimum combinations', () => {
  it('serves collector_id + each of its date fields with a key range', async () => {
    for (const field of ['request_date', 'paid_date', 'rejected_date', 'accreditation_date', 'refunded_date']) {
      for (const collector of COLLECTORS) {
        const response = await expectModel([['collector_id', 'EQUAL', collector], ...wide(field)], { limit: 100 });
        if (field === 'request_date') expect(response.body.total).toBeGreaterThan(5);
      }
      await expectModel([['collector_id', 'IN', `[${COLLECTORS.join(',')}]`], ...wide(field)], { limit: 100 });
    }
  });

  it('serves collector_id + payment_id (and its alias id, EQUAL and IN) by key', async () => {
    const [a, b, c] = data as [GatewayPayment, GatewayPayment, GatewayPayment];
    await expectModel([['collector_id', 'EQUAL', a.gateway.collector_id], ['payment_id', 'EQUAL', a.id]]);
    await expectModel([['collector_id', 'EQUAL', a.gateway.collector_id], ['id', 'IN', `[${a.id},${b.id},${c.id}]`]]);
    // Another collector's id: nothing.
    await expectModel([['collector_id', 'EQUAL', 'nobody'], ['id', 'EQUAL', a.id]]);
  });

  it('serves owner.type + owner.id, payer.email + request_date, type + payment_methods.gateway.name', async () => {
    await expectModel([['owner.type', 'EQUAL', 'store'], ['owner.id', 'EQUAL', 'o1']], { limit: 100 });
    await expectModel([['owner.type', 'IN', '[store,branch]'], ['owner.id', 'IN', '[o0,o2]']], { limit: 100 });
    await expectModel([['payer.email', 'EQUAL', 'p1@Ex.com'], ...wide('request_date')], { limit: 100 });
    await expectModel([['payer.email', 'IN', '[p1@Ex.com,p2@Ex.com]'], ['request_date', 'GREATER_THAN', filterDate(firstDate())]], { limit: 100 });
    await expectModel([['type', 'EQUAL', 'online'], ['payment_methods.gateway.name', 'EQUAL', 'niubiz']], { limit: 100 });
    await expectModel([['type', 'EQUAL', 'manual'], ['payment_methods.gateway.name', 'IN', '[niubiz,izipay]']], { limit: 100 });
  });

  it('answers 4501 without a minimum combination', async () => {
    const incomplete: Filter[][] = [
      [],
      [['collector_id', 'EQUAL', 'c1']],
      [['request_date', 'GREATER_THAN', '20250101T000000000-0300']],
      [['collector_id', 'EQUAL', 'c1'], ['due_date', 'GREATER_THAN', '20250101T000000000-0300']],
      [['collector_id', 'EQUAL', 'c1'], ['process_date', 'GREATER_THAN', '20250101T000000000-0300']],
      [['payer.email', 'EQUAL', 'p1@Ex.com']],
      [['payer.email', 'CONTAINS_IGNORE_CASE', 'p1'], ['request_date', 'GREATER_THAN', '20250101T000000000-0300']],
      [['owner.type', 'EQUAL', 'store']],
      [['type', 'EQUAL', 'online'], ['payment_methods.gateway.name', 'NOT_EQUAL', 'niubiz']],
      [['status', 'EQUAL', 'approved'], ['final_amount', 'GREATER_THAN', '1']],
      [['payment_id', 'EQUAL', '123']],
    ];
    for (const filters of incomplete) {
      const response = await search(searchPath(filters));
      expect(response.status, JSON.stringify(filters)).toBe(400);
      expect(response.body).toEqual({ code: 400, message: 'Query not have the minimum fields required for realm', extended_code: 4501 });
    }
  });
});

describe('GET /pagos: every operation on every field that allows it', () => {
  /** A value for the field drawn from the data (or a neighbour of it), in the API's syntax. */
  function sample(field: string, op: string, i: number): string {
    const p = data[(i * 7) % data.length]!;
    const v = fieldValue(p, field);
    if (op === 'EXISTS') return i % 2 ? 'true' : 'false';
    if (field.endsWith('_date')) return filterDate(typeof v === 'number' ? v : Date.parse(p.gateway.request_date), -180, i % 2 === 0);
    if (field === 'final_amount') return String(p.gateway.currency_id === 'CLP' ? p.gateway.final_amount : (p.gateway.final_amount / 100).toFixed(2));
    if (['validation', 'review', 'batch_withdrawal'].includes(field)) return i % 2 ? 'true' : 'false';
    const text = String(v ?? data.map((q) => fieldValue(q, field)).find((x) => x !== undefined) ?? 'x');
    if (op === 'IN' || op === 'NOT_IN') return `[${text},${String(fieldValue(data[(i * 11) % data.length]!, field) ?? 'zz')}]`;
    if (op === 'CONTAINS' || op === 'CONTAINS_IGNORE_CASE') return (op === 'CONTAINS' ? text : text.toUpperCase()).slice(1, 4) || text;
    if (op === 'STARTS_WITH') return text.slice(0, 3);
    if (op === 'ENDS_WITH') return text.slice(-3);
    return text;
  }

  it('matches the brute-force model for each (field, operation) of the whitelist, as a residual filter', async () => {
    let i = 0;
    for (const [field, operations] of Object.entries(WHITELIST)) {
      for (const op of operations) {
        i += 1;
        await expectModel([['collector_id', 'IN', `[${COLLECTORS.join(',')}]`], ...ALWAYS, [field, op, sample(field, op, i)]], { limit: 100 });
      }
    }
    // The aliases too.
    await expectModel([['collector_id', 'EQUAL', 'c2'], ...ALWAYS, ['amount', 'GREATER_THAN', '30']], { limit: 100 });
  });
});

describe('GET /pagos: errors (4601) name the field', () => {
  const base: Filter[] = [['collector_id', 'EQUAL', 'c1'], ...ALWAYS];
  const cases: [Filter, string][] = [
    [['colour', 'EQUAL', 'x'], 'Invalid field "colour"'],
    [['details', 'EQUAL', 'x'], 'details can not be filter'],
    [['payer.name', 'EQUAL', 'x'], 'payer.name can not be filter'],
    [['status', 'LIKE', 'x'], 'No enum constant com.paypertic.filter.util.enums.Operation.LIKE'],
    [['status', 'equal', 'x'], 'No enum constant com.paypertic.filter.util.enums.Operation.equal'],
    [['status', 'IN', '[pending]'], 'status can not be filtered with IN'],
    [['id', 'GREATER_THAN', '5'], 'id can not be filtered with GREATER_THAN'],
    [['request_date', 'CONTAINS', '2025'], 'request_date can not be filtered with CONTAINS'],
  ];
  it.each(cases)('%j → %s', async (filter, message) => {
    const response = await search(searchPath([...base, filter]));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: 400, message, extended_code: 4601 });
  });

  it('rejects bad values: not a date, not a number, malformed list, not a boolean, unknown enum', async () => {
    const bad: Filter[] = [
      ['paid_date', 'GREATER_THAN', '2025-01-01'],
      ['paid_date', 'GREATER_THAN', '20251301T000000000-0300'],
      ['final_amount', 'GREATER_THAN', 'ten'],
      ['final_amount', 'GREATER_THAN', '1e3'],
      ['owner.id', 'IN', 'a,b'],
      ['owner.id', 'IN', '[]'],
      ['owner.id', 'IN', `[${Array.from({ length: 21 }, (_, i) => i).join(',')}]`],
      ['review', 'EQUAL', 'yes'],
      ['status', 'EQUAL', 'paid'],
      ['type', 'EQUAL', 'cash'],
      ['parent_payment_id', 'EXISTS', 'maybe'],
      ['id', 'EQUAL', 'abc'],
      ['external_transaction_id', 'EQUAL', ''],
    ];
    for (const filter of bad) {
      const response = await search(searchPath([...base, filter]));
      expect(response.status, JSON.stringify(filter)).toBe(400);
      expect(response.body.extended_code).toBe(4601);
      expect(response.body.message).toContain(filter[0]);
    }
  });

  it('answers 4502 when IN lists multiply into more partitions than a search may query', async () => {
    const eight = `[${Array.from({ length: 8 }, (_, i) => `v${i}`).join(',')}]`;
    const response = await search(searchPath([['owner.type', 'IN', eight], ['owner.id', 'IN', eight]]));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 400, extended_code: 4502 });
  });

  it('rejects incomplete filters, unknown parameters, bad paging and bad sorts', async () => {
    const paths = [
      '/pagos?filters[0][field]=collector_id&filters[0][operation]=EQUAL',
      `${searchPath(base)}&colour=red`,
      searchPath(base, { page: 0 }),
      searchPath(base, { limit: 0 }),
      searchPath(base, { limit: 101 }),
      `${searchPath(base)}&page=two`,
      searchPath(base, { sorts: [['colour', 'ascending']] }),
      searchPath(base, { sorts: [['details', 'ascending']] }),
      searchPath(base, { sorts: [['amount', 'up']] }),
    ];
    for (const path of paths) {
      const response = await search(path);
      expect(response.status, path).toBe(400);
      expect(response.body.extended_code, path).toBe(4601);
    }
  });
});

describe('GET /pagos: paging and sorting', () => {
  const all: Filter[] = [['collector_id', 'IN', `[${COLLECTORS.join(',')}]`], ...ALWAYS];

  it('pages through every result exactly once, with the total on every page', async () => {
    for (const limit of [3, 7, 30, 100]) {
      const seen: number[] = [];
      for (let page = 1; page <= Math.ceil(data.length / limit) + 1; page++) {
        const response = await expectModel(all, { page, limit });
        seen.push(...response.body.data.map((p: { id: number }) => p.id));
      }
      expect(seen.sort()).toEqual(data.map((p) => Number(p.id)).sort());
    }
  });

  it('defaults to page 1, limit 10, newest request first', async () => {
    const response = await search(searchPath(all));
    expect(response.body).toMatchObject({ page: 1, limit: 10, total: data.length });
    const dates = response.body.data.map((p: GatewayPayment & { id: number }) => Date.parse(data.find((d) => Number(d.id) === p.id)!.gateway.request_date));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('sorts by index order, by other fields, by several fields in order, ascending and descending', async () => {
    const sorts: [string, string][][] = [
      [['request_date', 'ascending']],
      [['request_date', 'descending']],
      [['amount', 'descending']],
      [['final_amount', 'ascending'], ['request_date', 'descending']],
      [['status', 'ascending'], ['amount', 'descending']],
      [['paid_date', 'descending']],
      [['payer.email', 'ascending'], ['owner.id', 'descending']],
      [['type', 'ascending'], ['collector_id', 'descending'], ['id', 'descending']],
      [['review', 'descending']],
    ];
    for (const s of sorts) {
      for (const page of [1, 3]) await expectModel(all, { sorts: s, page, limit: 9 });
    }
  });

  it('answers an empty range and crossed bounds with no data and total 0', async () => {
    await expectModel([['collector_id', 'EQUAL', 'c1'], ['request_date', 'GREATER_THAN', '20990101T000000000-0300']]);
    await expectModel([
      ['collector_id', 'EQUAL', 'c1'],
      ['request_date', 'GREATER_THAN', '20250201T000000000-0300'],
      ['request_date', 'LESS_THAN', '20250101T000000000-0300'],
    ]);
  });

  it('honours exclusive bounds exactly at an existing instant', async () => {
    const p = data[5]!;
    const at = Date.parse(p.gateway.request_date);
    for (const op of ['GREATER_THAN', 'GREATER_THAN_OR_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_OR_EQUAL_TO', 'EQUAL']) {
      await expectModel([['collector_id', 'EQUAL', p.gateway.collector_id], ['request_date', op, filterDate(at)]], { limit: 100 });
    }
  });

  it('never shows another tenant\'s payments', async () => {
    const other = await token({ role: 'ADMIN', tenant: newTenant() });
    const response = await search(searchPath(all), other);
    expect(response.body).toMatchObject({ data: [], total: 0 });
  });
});
